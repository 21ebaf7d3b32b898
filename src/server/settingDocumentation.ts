import type { ExtensionTypeInfo, SettingKeyInfo } from '../shared/catalog/extensionType';

/** Markdown describing one setting, for hover and completion. */
export function settingDocumentation(info: ExtensionTypeInfo, setting: SettingKeyInfo): string {
  const facts: string[] = [];
  if (setting.default !== undefined) facts.push(`Default: \`${setting.default}\``);
  if (setting.value?.kind === 'enum') facts.push(`Allowed: ${setting.value.values.map((v) => `\`${v}\``).join(', ')}`);
  if (setting.value?.kind === 'pattern') facts.push(`Value: ${setting.value.description}`);
  if (setting.protected === 'required') facts.push('Protected settings only');
  if (setting.protected === 'recommended') facts.push('Secret: put it in the protected settings');
  if (setting.immutableAfterCreate) facts.push('Cannot change after creation');
  const name = setting.key.endsWith('.') ? `${setting.key}<name>` : setting.key;
  return [`**${name}** — ${info.displayName}`, setting.doc, facts.join(' · ')].filter((s) => s.length > 0).join('\n\n');
}
