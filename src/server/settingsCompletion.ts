import { getLocation } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Range } from 'vscode-languageserver/node';
import { findExtensionType } from '../shared/catalog';
import type { ExtensionTypeInfo } from '../shared/catalog/extensionType';
import { knownSetting } from '../shared/rules/keyLookup';
import { nestingTooDeepAt, readSettingsText } from '../shared/settingsText';
import { settingDocumentation } from './settingDocumentation';

/** Completion of keys (with docs and defaults) and of allowed values, for the bound type. */
export function completeSettings(document: TextDocument, offset: number, extensionType: string | undefined): CompletionItem[] {
  const info = extensionType ? findExtensionType(extensionType) : undefined;
  if (!info) return [];
  const text = document.getText();
  // The parser behind getLocation recurses per level: a document nested too deep gets no completion, not a crash.
  if (nestingTooDeepAt(text) !== undefined) return [];
  const location = getLocation(text, offset);
  if (location.path.length !== 1) return [];
  const node = location.previousNode;
  // Replace the string being typed; otherwise insert at the cursor.
  const replace: Range = node && node.offset <= offset && offset <= node.offset + node.length
    ? { start: document.positionAt(node.offset), end: document.positionAt(node.offset + node.length) }
    : { start: document.positionAt(offset), end: document.positionAt(offset) };
  if (location.isAtPropertyKey) {
    const end = node ? node.offset + node.length : offset;
    const hasColon = /^\s*:/.test(text.slice(end, end + 200));
    return keyItems(info, text, replace, hasColon, String(location.path[0]));
  }
  return valueItems(info, String(location.path[0]), replace);
}

function keyItems(info: ExtensionTypeInfo, text: string, replace: Range, hasColon: boolean, typing: string): CompletionItem[] {
  const present = new Set(readSettingsText(text).entries.map((e) => e.key));
  return info.keys
    .filter((s) => !present.has(s.key) || s.key === typing)
    .map((s) => {
      const isPrefix = s.key.endsWith('.');
      const keyText = isPrefix ? `"${s.key}\${1:name}"` : JSON.stringify(s.key);
      const valuePlaceholder = `\${${isPrefix ? 2 : 1}:${(s.default ?? '').replace(/[$}\\]/g, '\\$&')}}`;
      return {
        label: s.key,
        kind: CompletionItemKind.Property,
        detail: s.default !== undefined ? `default: ${s.default}` : undefined,
        documentation: { kind: MarkupKind.Markdown, value: settingDocumentation(info, s) },
        filterText: JSON.stringify(s.key),
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range: replace, newText: hasColon ? keyText : `${keyText}: "${valuePlaceholder}"` },
      };
    });
}

function valueItems(info: ExtensionTypeInfo, key: string, replace: Range): CompletionItem[] {
  const setting = knownSetting(info, key);
  if (!setting) return [];
  const values = setting.value?.kind === 'enum' ? setting.value.values : setting.default !== undefined ? [setting.default] : [];
  return values.map((v) => ({
    label: JSON.stringify(v),
    kind: CompletionItemKind.Value,
    detail: v === setting.default ? 'default' : undefined,
    documentation: { kind: MarkupKind.Markdown, value: settingDocumentation(info, setting) },
    textEdit: { range: replace, newText: JSON.stringify(v) },
  }));
}
