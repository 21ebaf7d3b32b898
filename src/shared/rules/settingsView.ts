/** Which of the two maps of a request a setting lives in. */
export type SettingsLocation = 'settings' | 'protected';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** What a rule reports, before a consumer turns it into a diagnostic or a request problem. */
export interface RuleFinding {
  code: string;
  severity: Severity;
  message: string;
  /** The key the finding is about; absent when it is about a key that is missing. */
  key?: string;
  /** Which map holds the key; when absent, wherever the key is found. */
  in?: SettingsLocation;
  /** A replacement key (a near miss or a case mistake), for the rename quick fix. */
  suggestion?: string;
  /** What the message says to write, as quick fixes: each sets keys of this file to values, or removes keys. */
  fixes?: readonly SettingsFix[];
  /** Only a create acts on it (e.g. az's question whether Dapr is installed): not said for an extension that exists. */
  createOnly?: true;
}

/** One quick fix of a rule: keys of the same file set to these values, or removed (null). */
export interface SettingsFix {
  readonly title: string;
  readonly edits: Readonly<Record<string, string | null>>;
}

/** Read access to settings and protected settings together, as the CLI reads them. */
export interface SettingsView {
  readonly caseSensitive: boolean;
  /** The value from settings, else from protected settings (the CLI's lookup order). */
  get(key: string): string | undefined;
  getIn(where: SettingsLocation, key: string): string | undefined;
  /** The map that holds the key, settings first. */
  where(key: string): SettingsLocation | undefined;
  keys(where: SettingsLocation): readonly string[];
  /** How a catalog key is spelled in the maps read: its stored name when the view reads stored settings. */
  nameOf(key: string): string;
}

/** The CLI treats a flag as set when `str(value).lower() == 'true'`. */
export function isTrue(value: string | undefined): boolean {
  return value !== undefined && value.toLowerCase() === 'true';
}

/**
 * Builds a view over two string maps; case-insensitive types match keys ignoring case. With `names` (catalog key →
 * stored key), rules written against the keys users type read the settings as Azure stores them.
 */
export function createSettingsView(
  settings: ReadonlyMap<string, string>,
  protectedSettings: ReadonlyMap<string, string>,
  caseSensitive: boolean,
  names?: ReadonlyMap<string, string>,
): SettingsView {
  const fold = (map: ReadonlyMap<string, string>): ReadonlyMap<string, string> => {
    if (caseSensitive) return map;
    const folded = new Map<string, string>();
    for (const [k, v] of map) if (!folded.has(k.toLowerCase())) folded.set(k.toLowerCase(), v);
    return folded;
  };
  const maps = { settings: fold(settings), protected: fold(protectedSettings) };
  const nameOf = (key: string): string => names?.get(key) ?? key;
  const norm = (key: string): string => (caseSensitive ? nameOf(key) : nameOf(key).toLowerCase());
  const getIn = (where: SettingsLocation, key: string): string | undefined => maps[where].get(norm(key));
  return {
    caseSensitive,
    get: (key) => getIn('settings', key) ?? getIn('protected', key),
    getIn,
    where: (key) =>
      getIn('settings', key) !== undefined ? 'settings' : getIn('protected', key) !== undefined ? 'protected' : undefined,
    keys: (where) => [...(where === 'settings' ? settings : protectedSettings).keys()],
    nameOf,
  };
}
