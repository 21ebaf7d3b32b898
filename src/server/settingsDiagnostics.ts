import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Connection, type Diagnostic, type TextDocuments } from 'vscode-languageserver/node';
import type { Severity } from '../shared/rules/settingsView';
import { validateSettingsDocument } from '../shared/validateSettingsDocument';
import { findCompanion } from './companionDocuments';
import type { SettingsFileBindings } from './settingsFileBindings';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Validates a document with its companion and publishes the result. */
export function publishDiagnostics(connection: Connection, documents: TextDocuments<TextDocument>, bindings: SettingsFileBindings, document: TextDocument): void {
  const binding = bindings.bindingFor(document.uri);
  const isProtected = binding?.isProtected ?? false;
  const companion = findCompanion(documents, document.uri, isProtected);
  const found = validateSettingsDocument(document.getText(), {
    extensionType: binding?.extensionType,
    isProtected,
    companionText: companion?.text,
    uri: document.uri,
    draft: document.uri.startsWith('untitled:'),
    existing: binding?.existing,
  });
  const diagnostics: Diagnostic[] = found.map((d) => ({
    range: d.range,
    severity: severities[d.severity],
    code: d.code,
    source: 'aksext',
    message: d.message,
    ...(d.data ? { data: d.data } : {}),
  }));
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
}
