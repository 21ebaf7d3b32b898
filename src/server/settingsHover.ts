import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import { findExtensionType } from '../shared/catalog';
import { knownSetting } from '../shared/rules/keyLookup';
import { readSettingsText } from '../shared/settingsText';
import { settingDocumentation } from './settingDocumentation';

/** The meaning, default and allowed values of the key under the cursor (on its key or its value). */
export function hoverSetting(document: TextDocument, offset: number, extensionType: string | undefined): Hover | null {
  const info = extensionType ? findExtensionType(extensionType) : undefined;
  if (!info) return null;
  const entry = readSettingsText(document.getText()).entries.find(
    (e) => (e.keyOffset <= offset && offset <= e.keyOffset + e.keyLength) || (e.valueOffset <= offset && offset <= e.valueOffset + e.valueLength),
  );
  const setting = entry && knownSetting(info, entry.key);
  if (!entry || !setting) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: settingDocumentation(info, setting) },
    range: { start: document.positionAt(entry.keyOffset), end: document.positionAt(entry.keyOffset + entry.keyLength) },
  };
}
