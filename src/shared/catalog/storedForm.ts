import type { CliTarget, ExtensionTypeInfo } from './extensionType';

/** Which spelling of the settings is checked: as a user types them, or as Azure stores them. */
export type SettingsForm = 'typed' | 'stored';

/** A type's catalog entry for one form, and for the stored form the catalog key → stored key names its rules read. */
export interface FormCatalog {
  info: ExtensionTypeInfo;
  names?: ReadonlyMap<string, string>;
}

const storedForms = new WeakMap<ExtensionTypeInfo, FormCatalog>();

/**
 * The catalog as it applies to settings read back from Azure (recreate, deploy a copy elsewhere). Types whose CLI
 * renames keys (Azure Backup) are stored under other names and gain keys the CLI adds; the others are unchanged.
 */
export function catalogForForm(info: ExtensionTypeInfo, form: SettingsForm): FormCatalog {
  if (form === 'typed' || (!info.keys.some((k) => k.storedAs) && !info.storedOnlyKeys)) return { info };
  let stored = storedForms.get(info);
  if (stored) return stored;
  const names = new Map<string, string>();
  for (const k of info.keys) if (k.storedAs) names.set(k.key, k.storedAs);
  stored = {
    info: {
      ...info,
      keys: [...info.keys.map((k) => (k.storedAs ? { ...k, key: k.storedAs } : k)), ...(info.storedOnlyKeys ?? [])],
      // The CLI writes the stored names itself, exactly, and the chart reads them as written.
      keysCaseSensitive: true,
      // The note is about what the CLI drops from typed settings; stored settings reach the chart as they are.
      unknownKeyNote: undefined,
    },
    names,
  };
  storedForms.set(info, stored);
  return stored;
}

type Settings = Record<string, string>;

/** What the CLI knows about the target when it fills in a request. */
export type RequestTarget = CliTarget;

/**
 * Settings as the az CLI sends them for the type: typed keys renamed to the names Azure stores (matched ignoring case
 * where the type does), keys the CLI does not know dropped as it drops them, and the keys the CLI adds (`filledFrom` the
 * target, such as the tenant ID) filled in when absent. Settings already in stored form pass through; types that rename nothing are unchanged.
 */
export function toStoredSettings(info: ExtensionTypeInfo, settings: Settings, target: RequestTarget = {}): Settings {
  const { names } = catalogForForm(info, 'stored');
  if (!names) return settings;
  const storedNames = new Set(catalogForForm(info, 'stored').info.keys.map((k) => k.key));
  const typedName = new Map(info.keys.map((k) => [info.keysCaseSensitive ? k.key : k.key.toLowerCase(), k.key]));
  const out: Settings = {};
  for (const [key, value] of Object.entries(settings)) {
    const typed = typedName.get(info.keysCaseSensitive ? key : key.toLowerCase());
    const stored = typed !== undefined ? names.get(typed) : storedNames.has(key) ? key : undefined;
    if (stored !== undefined) out[stored] = value;
  }
  for (const k of info.storedOnlyKeys ?? []) {
    const value = k.filledFrom ? target[k.filledFrom] : undefined;
    if (value !== undefined) out[k.key] ??= value;
  }
  return out;
}

/**
 * Settings as a user types them for `az k8s-extension`: stored names turned back into the CLI's keys, and the keys the
 * CLI adds by itself left out. Used for "Copy as az command" of a resource read back from Azure.
 */
export function toTypedSettings(info: ExtensionTypeInfo, settings: Settings): Settings {
  const { names } = catalogForForm(info, 'stored');
  if (!names) return settings;
  const typedOf = new Map([...names].map(([typed, stored]) => [stored, typed]));
  const addedByCli = new Set((info.storedOnlyKeys ?? []).map((k) => k.key));
  const out: Settings = {};
  for (const [key, value] of Object.entries(settings)) {
    if (!addedByCli.has(key)) out[typedOf.get(key) ?? key] = value;
  }
  return out;
}
