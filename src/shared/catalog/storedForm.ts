import type { ExtensionTypeInfo } from './extensionType';

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
