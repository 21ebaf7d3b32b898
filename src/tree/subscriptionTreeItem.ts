import * as vscode from 'vscode';
import type { SubscriptionNode } from './treeNodes';

/** The first group of a subscription id: enough to tell subscriptions apart in a default-width side bar. */
function shortId(subscriptionId: string): string {
  return `${subscriptionId.split('-')[0]}…`;
}

export function subscriptionTreeItem(node: SubscriptionNode): vscode.TreeItem {
  const s = node.subscription;
  const item = new vscode.TreeItem(s.name, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.description = shortId(s.subscriptionId);
  item.tooltip = `${s.name}\n${vscode.l10n.t('Subscription')}: ${s.subscriptionId}\n${vscode.l10n.t('Tenant')}: ${s.tenantId}`;
  item.iconPath = new vscode.ThemeIcon('azure');
  item.contextValue = 'aksSubscription';
  return item;
}
