import * as vscode from 'vscode';
import { setSettingsFileType } from './commands/setSettingsFileType';
import { storeBinding } from './settingsFileBindingStore';
import { SettingsDocuments } from './settingsDocuments';
import { SettingsLanguageClient } from './settingsLanguageClient';
import { SettingsStatusBar } from './settingsStatusBar';

const SET_TYPE_COMMAND = 'aksClusterExtensions.setSettingsFileType';
/** The contributed commands the settings-file support registers itself (the rest belong to the Azure part). */
export const settingsFileCommands: readonly string[] = [SET_TYPE_COMMAND];

let languageClient: SettingsLanguageClient | undefined;
let statusBar: SettingsStatusBar | undefined;
let settingsDocuments: SettingsDocuments | undefined;

/** Wires settings files to the language server; the server starts with the first settings document. */
export function registerSettingsLanguageSupport(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  const documents = new SettingsDocuments();
  const client = new SettingsLanguageClient(context, log, documents);
  const bar = new SettingsStatusBar(client, documents);
  settingsDocuments = documents;
  languageClient = client;
  statusBar = bar;
  const refresh = (): void => {
    bar.refresh().catch((e: unknown) => log.warn(`Status bar: ${(e as Error).message}`));
  };
  // The server starts with the first settings document; other JSON files never start it.
  const onOpen = (document: vscode.TextDocument): void => {
    if (documents.includes(document)) {
      client.attach(document).then(refresh, (e: unknown) => log.error(`The settings language server did not start: ${(e as Error).message}`));
    }
  };
  context.subscriptions.push(
    documents,
    client,
    bar,
    vscode.workspace.onDidOpenTextDocument(onOpen),
    vscode.window.onDidChangeActiveTextEditor(refresh),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('aksClusterExtensions.settingsFiles')) vscode.workspace.textDocuments.forEach(onOpen);
    }),
    vscode.commands.registerCommand(SET_TYPE_COMMAND, (uri?: vscode.Uri) => setSettingsFileType(bindSettingsFile, uri)),
  );
  vscode.workspace.textDocuments.forEach(onOpen);
}

/** Binds a file to an extension type (used when a flow opens a settings document); `existing` for an update's document. */
export async function bindSettingsFile(uri: vscode.Uri, extensionType: string, isProtected: boolean, existing?: boolean): Promise<void> {
  if (!languageClient || !settingsDocuments) throw new Error('registerSettingsLanguageSupport must run first.');
  await storeBinding(languageClient, settingsDocuments, uri, extensionType, isProtected, existing);
  await statusBar?.refresh();
}
