import * as vscode from 'vscode';
import { resolveExtensionNode } from '../nodePickers';
import { registerCommand } from '../registerCommand';
import type { ExtensionServices } from '../services';
import { EXTENSION_DOCUMENT_SCHEME, ExtensionDocumentProvider, extensionDocumentUri } from './extensionDocumentProvider';

/** How a click on a row opens it: in the preview tab, like a file clicked in the explorer (the menu opens a tab of its own). */
export const SHOW_IN_PREVIEW = 'preview';

/** Show: the extension instance as a read-only JSON document; returns the provider, which Refresh reloads. */
export function registerShowExtension(context: vscode.ExtensionContext, services: ExtensionServices): ExtensionDocumentProvider {
  const provider = new ExtensionDocumentProvider(services.access);
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(EXTENSION_DOCUMENT_SCHEME, provider));
  registerCommand(context, services, 'aksClusterExtensions.showExtension', 'Show extension', async (arg?: unknown, how?: unknown) => {
    const node = await resolveExtensionNode(arg, services);
    const uri = extensionDocumentUri(node.id, node.extension.name ?? 'extension');
    const existing = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (existing) {
      provider.reload(uri);
    }
    const document = await vscode.languages.setTextDocumentLanguage(existing ?? (await vscode.workspace.openTextDocument(uri)), 'json');
    await vscode.window.showTextDocument(document, { preview: how === SHOW_IN_PREVIEW });
    return document;
  });
  return provider;
}
