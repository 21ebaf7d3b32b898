import { findExtensionType } from '../catalog';
import type { ExtensionTypeInfo } from '../catalog/extensionType';
import { matchKey } from './keyLookup';
import { mayQuoteValue } from './secretDetection';

type SettingsRecord = Readonly<Record<string, string>>;

function startsWith(info: ExtensionTypeInfo, key: string, prefix: string): boolean {
  return info.keysCaseSensitive ? key.startsWith(prefix) : key.toLowerCase().startsWith(prefix.toLowerCase());
}

/** True when the type fixes the key at creation (Dapr's `global.ha.*` and `dapr_placement.*`). */
export function isImmutable(info: ExtensionTypeInfo, key: string): boolean {
  if (info.immutablePrefixes?.some((p) => startsWith(info, key, p))) return true;
  const match = matchKey(info, key);
  return match.kind === 'known' && match.setting.immutableAfterCreate === true;
}

// An absent key means the chart's default, so writing the default out (or removing it) changes nothing.
function effectiveValue(info: ExtensionTypeInfo, settings: SettingsRecord, key: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(settings, key)) return settings[key];
  const match = matchKey(info, key);
  return match.kind === 'known' ? match.setting.default : undefined;
}

/**
 * The keys an update from `before` to `after` would change although the type fixes them at creation (Dapr's
 * `global.ha.*` and `dapr_placement.*`), in order; empty for types without such keys.
 */
export function immutableKeysChanged(type: string, before: SettingsRecord, after: SettingsRecord): string[] {
  const info = findExtensionType(type);
  if (!info) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys]
    .filter((key) => isImmutable(info, key) && effectiveValue(info, before, key) !== effectiveValue(info, after, key))
    .sort();
}

/** Why an update may not change a key fixed at creation, and what to do instead. */
export function immutableChangeMessage(type: string, key: string, before: SettingsRecord): string {
  const displayName = findExtensionType(type)?.displayName ?? type;
  const has = Object.prototype.hasOwnProperty.call(before, key);
  const current = !has ? 'leave it out' : mayQuoteValue(key, before[key], false) ? `keep "${before[key]}"` : 'keep its current value';
  return `${key} cannot change after ${displayName} is created: ${current}, or delete the extension and create it again with the new value.`;
}
