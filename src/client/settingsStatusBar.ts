import * as vscode from 'vscode';
import { settingsFileBindingRequest, type SettingsFileBindingParams, type SettingsFileBindingResult } from '../shared/protocol';
import type { SettingsDocuments } from './settingsDocuments';
import type { SettingsLanguageClient } from './settingsLanguageClient';

/** Shows the extension type the active settings file is bound to; a click changes it. */
export class SettingsStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('aksClusterExtensions.settingsFileType', vscode.StatusBarAlignment.Right, 100);

  constructor(
    private readonly client: SettingsLanguageClient,
    private readonly documents: SettingsDocuments,
  ) {
    this.item.name = vscode.l10n.t('AKS Extension Settings Type');
    this.item.command = 'aksClusterExtensions.setSettingsFileType';
  }

  async refresh(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    const running = this.client.running;
    if (!document || !this.documents.includes(document) || !running) {
      this.item.hide();
      return;
    }
    const params: SettingsFileBindingParams = { uri: document.uri.toString() };
    const binding = await (await running).sendRequest<SettingsFileBindingResult>(settingsFileBindingRequest, params);
    if (vscode.window.activeTextEditor?.document !== document) return;
    const type = binding?.displayName ?? binding?.extensionType ?? vscode.l10n.t('No extension type');
    this.item.text = binding?.isProtected ? vscode.l10n.t('$(lock) {0} (protected)', type) : vscode.l10n.t('$(extensions) {0}', type);
    this.item.tooltip = binding?.extensionType
      ? vscode.l10n.t('Settings file for {0}. Click to change the extension type.', binding.extensionType)
      : vscode.l10n.t('Only the shared rules are checked. Click to choose the extension type.');
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
