import * as vscode from 'vscode';
import { asTreeNode, resolveExtensionNode } from '../nodePickers';
import { registerCommand } from '../registerCommand';
import type { ExtensionServices } from '../services';

/** Copies the ARM id of a cluster or an extension instance. */
export function registerCopyResourceId(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerCommand(context, services, 'aksClusterExtensions.copyResourceId', 'Copy Resource ID', async (arg?: unknown) => {
    const node = asTreeNode(arg) ?? (await resolveExtensionNode(arg, services));
    await vscode.env.clipboard.writeText(node.id);
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', node.id), 3000);
    return node.id;
  });
}
