import type { Extension } from '../../azure/extensionModel';
import * as vscode from 'vscode';
import type { AzureAccess } from '../../azure/azureAccess';

export const EXTENSION_DOCUMENT_SCHEME = 'aks-extension';

/** The resource as ARM returns it, minus protected settings: Azure never returns their values, and we never show them. */
export function extensionDocumentText(extension: Extension): string {
  const { configurationProtectedSettings, ...shown } = extension;
  return `${JSON.stringify(shown, null, 2)}\n`;
}

/** The URI of the read-only document that shows an extension instance; its tab reads "dapr (aks-1).json". */
export function extensionDocumentUri(extensionId: string, name: string): vscode.Uri {
  const cluster = /\/managedClusters\/([^/]+)\//i.exec(extensionId)?.[1] ?? '';
  const file = cluster ? `${name} (${cluster}).json` : `${name}.json`;
  return vscode.Uri.from({ scheme: EXTENSION_DOCUMENT_SCHEME, path: `/${file}`, query: new URLSearchParams({ id: extensionId }).toString() });
}

/** Serves `aks-extension:` documents, read-only by construction (a content provider cannot be saved to). */
export class ExtensionDocumentProvider implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly access: AzureAccess) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const id = new URLSearchParams(uri.query).get('id') ?? '';
    return extensionDocumentText(await this.access.getExtensionById(id));
  }

  /** Refetches an open document (after an update, for instance). */
  reload(uri: vscode.Uri): void {
    this.changed.fire(uri);
  }
}
