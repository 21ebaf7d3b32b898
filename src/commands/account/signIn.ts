import * as vscode from 'vscode';
import { EmulatorSubscriptionProvider } from '../../azure/emulatorSubscriptionProvider';
import { registerCommand } from '../registerCommand';
import type { ExtensionServices } from '../services';

/** Sign in with VS Code's Microsoft account, then redraw the tree. */
export function registerSignIn(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerCommand(context, services, 'aksClusterExtensions.signIn', 'Sign in to Azure', async () => {
    if (services.access.provider instanceof EmulatorSubscriptionProvider) {
      // Nothing to sign in to: say so rather than doing nothing visible.
      void services.prompter.notify('info', vscode.l10n.t('Development mode: the extension is always signed in to the local Azure emulator, with a test credential.'));
    }
    const signedIn = await services.access.provider.signIn();
    services.tree.refresh();
    return signedIn;
  });
}
