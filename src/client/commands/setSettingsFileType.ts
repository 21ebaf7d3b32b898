import * as vscode from 'vscode';
import { extensionTypes } from '../../shared/catalog';

interface TypePick extends vscode.QuickPickItem {
  type?: string;
}

/** Asks which extension type (and which kind of settings) a file holds; undefined if cancelled. */
export async function pickSettingsFileType(): Promise<{ extensionType: string; isProtected: boolean } | undefined> {
  const picks: TypePick[] = [
    ...extensionTypes.map((t) => ({ label: t.displayName, description: t.type, type: t.type })),
    { label: vscode.l10n.t('Other extension type…'), description: vscode.l10n.t('Only the shared rules are checked') },
  ];
  const picked = await vscode.window.showQuickPick(picks, { title: vscode.l10n.t('Extension type of this settings file') });
  if (!picked) return undefined;
  const extensionType = picked.type ?? (await vscode.window.showInputBox({
    title: vscode.l10n.t('Extension type'),
    placeHolder: 'publisher.extensiontype',
    validateInput: (v) => (/^\S+$/.test(v) ? undefined : vscode.l10n.t('Enter an extension type without spaces.')),
  }));
  if (!extensionType) return undefined;
  const kinds = [
    { label: vscode.l10n.t('Configuration settings'), description: '--configuration-settings-file', isProtected: false },
    { label: vscode.l10n.t('Protected settings'), description: '--configuration-protected-settings-file', isProtected: true },
  ];
  const kind = await vscode.window.showQuickPick(kinds, { title: vscode.l10n.t('What does this file hold?') });
  return kind && { extensionType, isProtected: kind.isProtected };
}

/** aksClusterExtensions.setSettingsFileType: binds the active (or given) JSON file to a type. */
export async function setSettingsFileType(bind: (uri: vscode.Uri, extensionType: string, isProtected: boolean) => Promise<void>, uri?: vscode.Uri): Promise<void> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!target) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a JSON settings file first.'));
    return;
  }
  const choice = await pickSettingsFileType();
  if (choice) await bind(target, choice.extensionType, choice.isProtected);
}
