import * as vscode from 'vscode';
import { configurationSection, settingsLanguageId } from '../shared/protocol';
import { resolveBinding, type AssociationScope, type SettingsFileAssociations } from '../shared/settingsFileBinding';

/** The settingsFiles globs of every workspace folder, as the shared binding rules take them. */
export function associationScopes(): AssociationScope[] {
  return (vscode.workspace.workspaceFolders ?? []).map((folder) => ({
    folder: folder.uri.fsPath,
    associations: vscode.workspace.getConfiguration(configurationSection, folder.uri).get<SettingsFileAssociations>('settingsFiles') ?? {},
  }));
}

/**
 * Gives plain JSON documents the settings language when a settingsFiles glob or the file name
 * (with a full type, e.g. prod.microsoft.dapr.settings.json) says they are settings files.
 */
export async function adoptSettingsDocument(document: vscode.TextDocument): Promise<void> {
  if (document.languageId !== 'json' || document.uri.scheme !== 'file') return;
  const binding = resolveBinding(document.uri.fsPath, associationScopes());
  if (binding?.extensionType === undefined) return;
  await vscode.languages.setTextDocumentLanguage(document, settingsLanguageId);
}
