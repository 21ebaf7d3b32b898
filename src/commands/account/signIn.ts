import type * as vscode from 'vscode';
import { registerCommand } from '../registerCommand';
import type { ExtensionServices } from '../services';

/** Sign in with VS Code's Microsoft account, then redraw the tree. */
export function registerSignIn(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerCommand(context, services, 'aksClusterExtensions.signIn', 'Sign in to Azure', async () => {
    const signedIn = await services.access.provider.signIn();
    services.tree.refresh();
    return signedIn;
  });
}
