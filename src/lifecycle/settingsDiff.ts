import type { SettingsMap } from './extensionBody';

/** How desired configuration settings differ from what the extension has. */
export interface SettingsDiff {
  readonly added: readonly (readonly [key: string, value: string])[];
  readonly changed: readonly { readonly key: string; readonly from: string; readonly to: string }[];
  readonly removed: readonly string[];
}

/** Compares settings key by key (keys compare exactly: the API keeps their case). */
export function diffSettings(current: SettingsMap, desired: SettingsMap): SettingsDiff {
  const added: [string, string][] = [];
  const changed: { key: string; from: string; to: string }[] = [];
  for (const [key, value] of Object.entries(desired)) {
    if (!Object.prototype.hasOwnProperty.call(current, key)) {
      added.push([key, value]);
    } else if (current[key] !== value) {
      changed.push({ key, from: current[key], to: value });
    }
  }
  const removed = Object.keys(current).filter((key) => !Object.prototype.hasOwnProperty.call(desired, key));
  return { added, changed, removed };
}

export function isEmptyDiff(diff: SettingsDiff): boolean {
  return diff.added.length === 0 && diff.changed.length === 0 && diff.removed.length === 0;
}

/** Added and changed keys with their new values: the only settings an update sends. */
export function changedValues(diff: SettingsDiff): Record<string, string> {
  return Object.fromEntries([...diff.added, ...diff.changed.map((c) => [c.key, c.to] as const)]);
}

/**
 * The configurationSettings of a PATCH: only changed keys, and removed keys as null, which is how an ARM merge patch
 * deletes a key (the SDK's type says string, the wire format allows null).
 */
export function settingsPatch(diff: SettingsDiff): Record<string, string | null> {
  return { ...changedValues(diff), ...Object.fromEntries(diff.removed.map((key) => [key, null])) };
}

/** One line per key for the preview: `+ key = value`, `~ key: old → new`, `- key`. */
export function describeDiff(diff: SettingsDiff): string[] {
  return [
    ...diff.added.map(([key, value]) => `+ ${key} = ${value}`),
    ...diff.changed.map((c) => `~ ${c.key}: ${c.from} → ${c.to}`),
    ...diff.removed.map((key) => `- ${key}`),
  ];
}
