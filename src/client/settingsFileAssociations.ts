import * as vscode from 'vscode';
import { configurationSection } from '../shared/protocol';
import type { AssociationScope, SettingsFileAssociations } from '../shared/settingsFileBinding';

/** The settingsFiles globs of every workspace folder, as the shared binding rules take them. */
export function associationScopes(): AssociationScope[] {
  return (vscode.workspace.workspaceFolders ?? []).map((folder) => ({
    folder: folder.uri.fsPath,
    associations: vscode.workspace.getConfiguration(configurationSection, folder.uri).get<SettingsFileAssociations>('settingsFiles') ?? {},
  }));
}
