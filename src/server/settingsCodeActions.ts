import * as path from 'node:path';
import { applyEdits, modify, type FormattingOptions } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextDocumentEdit,
  type TextDocuments,
  type TextEdit,
  type CreateFile,
} from 'vscode-languageserver/node';
import type { DiagnosticData } from '../shared/validateSettingsDocument';
import { LineIndex, readSettingsText } from '../shared/settingsText';
import { findCompanion, newCompanionPath } from './companionDocuments';
import { pathToUri } from './documentPaths';

const formatting: FormattingOptions = { insertSpaces: true, tabSize: 2, eol: '\n' };
const movableCodes = new Set(['settings/secret-in-settings', 'settings/must-be-protected']);

/** Quick fixes: rename to the suggested key, quote a value, move a secret to the protected file, write what a rule says to. */
export function settingsCodeActions(documents: TextDocuments<TextDocument>, document: TextDocument, params: CodeActionParams, isProtected: boolean): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    const data = diagnostic.data as DiagnosticData | undefined;
    if (data?.suggestion && (diagnostic.code === 'settings/unknown-key' || diagnostic.code === 'settings/key-case')) {
      actions.push(editAction(`Rename to ${data.suggestion}`, document, diagnostic, [{ range: diagnostic.range, newText: JSON.stringify(data.suggestion) }], diagnostic.code === 'settings/key-case'));
    }
    if (diagnostic.code === 'settings/value-not-string') {
      const written = document.getText(diagnostic.range);
      // null has no string meaning to convert to: no quick fix for it.
      if (!/^(\[|\{|null$)/.test(written)) actions.push(editAction('Convert the value to a string', document, diagnostic, [{ range: diagnostic.range, newText: JSON.stringify(written) }], true));
    }
    for (const fix of isProtected ? [] : (data?.fixes ?? [])) {
      actions.push(editAction(fix.title, document, diagnostic, ruleFixEdits(document, fix.edits), false));
    }
    if (data?.key && !isProtected && movableCodes.has(String(diagnostic.code))) {
      const move = moveToProtected(documents, document, diagnostic, data.key);
      if (move) actions.push(move);
    }
  }
  return actions;
}

function editAction(title: string, document: TextDocument, diagnostic: Diagnostic, edits: TextEdit[], isPreferred: boolean): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred, edit: { changes: { [document.uri]: edits } } };
}

/** A rule's fix as edits of the document: each key set to its value, or removed (null), applied one after another. */
function ruleFixEdits(document: TextDocument, edits: Readonly<Record<string, string | null>>): TextEdit[] {
  let text = document.getText();
  for (const [key, value] of Object.entries(edits)) {
    const base = readSettingsText(text).rootKind === 'object' ? text : '{}';
    text = applyEdits(base, modify(base, [key], value ?? undefined, { formattingOptions: formatting }));
  }
  // One edit of the whole text: the keys' edits are computed on each other's results.
  return [{ range: { start: document.positionAt(0), end: document.positionAt(document.getText().length) }, newText: text }];
}

function toTextEdits(document: { positionAt(offset: number): { line: number; character: number } }, edits: ReturnType<typeof modify>): TextEdit[] {
  return edits.map((e) => ({ range: { start: document.positionAt(e.offset), end: document.positionAt(e.offset + e.length) }, newText: e.content }));
}

function moveToProtected(documents: TextDocuments<TextDocument>, document: TextDocument, diagnostic: Diagnostic, key: string): CodeAction | undefined {
  const text = document.getText();
  const entry = readSettingsText(text).entries.filter((e) => e.key === key).pop();
  if (!entry) return undefined;
  const value: unknown = JSON.parse(text.slice(entry.valueOffset, entry.valueOffset + entry.valueLength));
  const removal: TextDocumentEdit = {
    textDocument: { uri: document.uri, version: document.version },
    edits: toTextEdits(document, modify(text, [key], undefined, { formattingOptions: formatting })),
  };
  const companion = findCompanion(documents, document.uri, false);
  const changes: (TextDocumentEdit | CreateFile)[] = [removal];
  let target: string;
  if (companion) {
    target = companion.path;
    const index = new LineIndex(companion.text);
    const lines = { positionAt: (offset: number) => index.position(offset) };
    // An unusable companion (empty, not an object) is replaced by a fresh object.
    const base = readSettingsText(companion.text).rootKind === 'object' ? companion.text : '{}';
    const edits = base === companion.text
      ? toTextEdits(lines, modify(base, [key], value, { formattingOptions: formatting }))
      : [{ range: { start: lines.positionAt(0), end: lines.positionAt(companion.text.length) }, newText: `${JSON.stringify({ [key]: value }, null, 2)}\n` }];
    changes.push({ textDocument: { uri: companion.uri, version: companion.version }, edits });
  } else {
    const created = newCompanionPath(document.uri, false);
    if (!created) return undefined;
    target = created;
    const uri = pathToUri(created);
    changes.push({ kind: 'create', uri, options: { ignoreIfExists: true } });
    changes.push({ textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `${JSON.stringify({ [key]: value }, null, 2)}\n` }] });
  }
  return {
    title: `Move ${key} to ${path.basename(target)}`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: diagnostic.code === 'settings/must-be-protected',
    edit: { documentChanges: changes },
  };
}
