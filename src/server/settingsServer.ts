import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, TextDocumentSyncKind, TextDocuments, type Connection, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument as TextDocumentImpl } from 'vscode-languageserver-textdocument';
import { findExtensionType } from '../shared/catalog';
import {
  bindSettingsFileNotification,
  settingsFileBindingRequest,
  type BindSettingsFileParams,
  type SettingsFileBindingParams,
  type SettingsFileBindingResult,
} from '../shared/protocol';
import { openCompanions } from './companionDocuments';
import { settingsCodeActions } from './settingsCodeActions';
import { completeSettings } from './settingsCompletion';
import { publishDiagnostics } from './settingsDiagnostics';
import { SettingsFileBindings } from './settingsFileBindings';
import { hoverSetting } from './settingsHover';

/**
 * Serves settings files on a connection: diagnostics (with the companion file), completion,
 * hover and quick fixes. Logs name documents and counts, never setting values.
 */
export function startSettingsServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocumentImpl);
  let bindings: SettingsFileBindings | undefined;
  const ready = (): SettingsFileBindings => {
    if (!bindings) throw new Error('The server is not initialized.');
    return bindings;
  };
  const validate = (document: TextDocument): void => publishDiagnostics(connection, documents, ready(), document);
  const validateAll = (): void => documents.all().forEach(validate);

  connection.onInitialize((params): InitializeResult => {
    bindings = new SettingsFileBindings(connection, params.capabilities.workspace?.configuration === true);
    bindings.setWorkspaceFolders((params.workspaceFolders ?? []).map((f) => f.uri));
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['"'] },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'AKS extension settings' },
    };
  });

  connection.onInitialized(async () => {
    await ready().reloadConfiguration();
    validateAll();
  });

  connection.onDidChangeConfiguration(async () => {
    await ready().reloadConfiguration();
    validateAll();
  });

  // A companion changed on disk (or was created or deleted): its partner's cross-file rules change.
  connection.onDidChangeWatchedFiles(() => validateAll());

  // Validate the document and its open companion, whose cross-file findings depend on it.
  documents.onDidChangeContent((change) => {
    validate(change.document);
    openCompanions(documents, change.document).forEach(validate);
  });
  documents.onDidClose((event) => {
    ready().forget(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
    validateAll();
  });

  connection.onNotification(bindSettingsFileNotification, (params: BindSettingsFileParams) => {
    ready().bindExplicitly(params.uri, params.extensionType, params.isProtected, params.existing);
    connection.console.log(`Bound ${params.uri} to ${params.extensionType}${params.isProtected ? ' (protected)' : ''}.`);
    validateAll();
  });

  connection.onRequest(settingsFileBindingRequest, (params: SettingsFileBindingParams): SettingsFileBindingResult => {
    const binding = ready().bindingFor(params.uri);
    if (!binding) return null;
    const info = binding.extensionType ? findExtensionType(binding.extensionType) : undefined;
    return { ...binding, ...(info ? { displayName: info.displayName } : {}) };
  });

  connection.onCompletion((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    return completeSettings(document, document.offsetAt(params.position), ready().bindingFor(document.uri)?.extensionType);
  });

  connection.onHover((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    return hoverSetting(document, document.offsetAt(params.position), ready().bindingFor(document.uri)?.extensionType);
  });

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    return settingsCodeActions(documents, document, params, ready().bindingFor(document.uri)?.isProtected ?? false);
  });

  documents.listen(connection);
  connection.listen();
}
