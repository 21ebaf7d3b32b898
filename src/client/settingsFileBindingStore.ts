import * as path from 'node:path';
import * as vscode from 'vscode';
import { bindSettingsFileNotification, configurationSection, type BindSettingsFileParams } from '../shared/protocol';
import { bindingFromFileName, type SettingsFileAssociations } from '../shared/settingsFileBinding';
import type { SettingsDocuments } from './settingsDocuments';
import type { SettingsLanguageClient } from './settingsLanguageClient';

/**
 * Records that a file is a settings file of a type. Inside a workspace folder the choice is
 * written to aksClusterExtensions.settingsFiles, so it survives restarts and `aksext validate`
 * sees it too; the file itself stays plain JSON (its language too). The running server is told at once.
 */
export async function storeBinding(
  client: SettingsLanguageClient,
  documents: SettingsDocuments,
  uri: vscode.Uri,
  extensionType: string,
  isProtected: boolean,
  existing?: boolean,
): Promise<void> {
  const byName = bindingFromFileName(uri.fsPath);
  const nameSaysSo = byName?.extensionType?.toLowerCase() === extensionType.toLowerCase() && byName.isProtected === isProtected;
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (folder && !nameSaysSo) {
    const config = vscode.workspace.getConfiguration(configurationSection, folder.uri);
    const current = config.get<SettingsFileAssociations>('settingsFiles') ?? {};
    const relative = path.relative(folder.uri.fsPath, uri.fsPath).split(path.sep).join('/');
    const isProtectedByName = uri.fsPath.toLowerCase().endsWith('.protected.json');
    const value = isProtected === isProtectedByName ? extensionType : { extensionType, protected: isProtected };
    await config.update('settingsFiles', { ...current, [relative]: value }, vscode.ConfigurationTarget.WorkspaceFolder);
  }
  documents.add(uri);
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (document) await client.attach(document);
  const running = await client.start();
  const params: BindSettingsFileParams = { uri: uri.toString(), extensionType, isProtected, ...(existing ? { existing } : {}) };
  await running.sendNotification(bindSettingsFileNotification, params);
}
