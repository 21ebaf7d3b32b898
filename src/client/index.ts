import * as vscode from 'vscode';
import { settingsLanguageId } from '../shared/protocol';
import { setSettingsFileType } from './commands/setSettingsFileType';
import { adoptSettingsDocument } from './settingsFileAssociations';
import { storeBinding } from './settingsFileBindingStore';
import { SettingsLanguageClient } from './settingsLanguageClient';
import { SettingsStatusBar } from './settingsStatusBar';

let languageClient: SettingsLanguageClient | undefined;
let statusBar: SettingsStatusBar | undefined;

/** Wires settings files to the language server; the server starts with the first settings document. */
export function registerSettingsLanguageSupport(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  const client = new SettingsLanguageClient(context, log);
  const bar = new SettingsStatusBar(client);
  languageClient = client;
  statusBar = bar;
  const refresh = (): void => {
    bar.refresh().catch((e: unknown) => log.warn(`Status bar: ${(e as Error).message}`));
  };
  const onOpen = (document: vscode.TextDocument): void => {
    if (document.languageId === settingsLanguageId) {
      client.start().then(refresh, (e: unknown) => log.error(`The settings language server did not start: ${(e as Error).message}`));
    } else {
      adoptSettingsDocument(document).catch((e: unknown) => log.warn(`Could not mark ${document.uri.fsPath} as a settings file: ${(e as Error).message}`));
    }
  };
  context.subscriptions.push(
    client,
    bar,
    vscode.workspace.onDidOpenTextDocument(onOpen),
    vscode.window.onDidChangeActiveTextEditor(refresh),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('aksClusterExtensions.settingsFiles')) vscode.workspace.textDocuments.forEach(onOpen);
    }),
    vscode.commands.registerCommand('aksClusterExtensions.setSettingsFileType', (uri?: vscode.Uri) => setSettingsFileType(bindSettingsFile, uri)),
  );
  vscode.workspace.textDocuments.forEach(onOpen);
}

/** Binds a file to an extension type (used when the tree creates a settings file). */
export async function bindSettingsFile(uri: vscode.Uri, extensionType: string, isProtected: boolean): Promise<void> {
  if (!languageClient) throw new Error('registerSettingsLanguageSupport must run first.');
  await storeBinding(languageClient, uri, extensionType, isProtected);
  await statusBar?.refresh();
}
