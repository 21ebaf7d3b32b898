import * as vscode from 'vscode';
import { asTreeNode, resolveSubscriptionNode } from '../nodePickers';
import { registerCommand } from '../registerCommand';
import type { ExtensionServices } from '../services';

/** Copies the subscription id of a subscription, cluster or extension row (for `az account set`, tickets, scripts). */
export function registerCopySubscriptionId(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerCommand(context, services, 'aksClusterExtensions.copySubscriptionId', 'Copy Subscription ID', async (arg?: unknown) => {
    const node = asTreeNode(arg);
    const subscriptionId =
      node?.kind === 'extension' ? node.parent.cluster.subscriptionId
      : node?.kind === 'cluster' ? node.cluster.subscriptionId
      : (await resolveSubscriptionNode(arg, services)).subscription.subscriptionId;
    await vscode.env.clipboard.writeText(subscriptionId);
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', subscriptionId), 3000);
    return subscriptionId;
  });
}
