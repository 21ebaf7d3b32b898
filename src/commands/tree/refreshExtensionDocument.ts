import * as vscode from 'vscode';
import { registerCommand } from '../registerCommand';
import type { ExtensionServices } from '../services';
import { EXTENSION_DOCUMENT_SCHEME, type ExtensionDocumentProvider } from './extensionDocumentProvider';

/** Refresh in the title of a shown extension: reads the instance from Azure again. */
export function registerRefreshExtensionDocument(context: vscode.ExtensionContext, services: ExtensionServices, provider: ExtensionDocumentProvider): void {
  registerCommand(context, services, 'aksClusterExtensions.refreshExtensionDocument', 'Refresh extension document', (arg?: unknown) => {
    const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    if (uri?.scheme === EXTENSION_DOCUMENT_SCHEME) {
      provider.reload(uri);
    }
  });
}
