import * as vscode from 'vscode';

const SCHEME = 'aks-extension-settings';

/** Keys in order, so the diff lines up key by key. */
function settingsText(settings: Readonly<Record<string, string>>): string {
  const sorted = Object.fromEntries(Object.entries(settings).sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

/**
 * The before and after of an update's configuration settings in VS Code's diff editor: read-only documents served
 * from memory. Only plain settings ever go in (Azure never returns protected ones, and they are never shown).
 */
export class SettingsDiffEditor implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();
  private shown = 0;

  /** Registers the documents' scheme for the life of the extension. */
  static register(context: vscode.ExtensionContext): SettingsDiffEditor {
    const editor = new SettingsDiffEditor();
    context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(SCHEME, editor));
    return editor;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  /** Opens the diff of `before` (what Azure stores) and `after` (what the update makes of it), titled for the extension. */
  async show(extensionName: string, clusterName: string, before: Readonly<Record<string, string>>, after: Readonly<Record<string, string>>): Promise<void> {
    // A fresh pair of URIs per diff: VS Code keeps a document's text once opened.
    const query = String(++this.shown);
    const left = vscode.Uri.from({ scheme: SCHEME, path: `/${extensionName} (${clusterName}) in Azure.json`, query });
    const right = vscode.Uri.from({ scheme: SCHEME, path: `/${extensionName} (${clusterName}) after the update.json`, query });
    this.contents.set(left.toString(), settingsText(before));
    this.contents.set(right.toString(), settingsText(after));
    const title = vscode.l10n.t('Settings of {0} on {1}: in Azure ↔ after the update', extensionName, clusterName);
    await vscode.commands.executeCommand('vscode.diff', left, right, title, { preview: true, preserveFocus: true });
  }
}
