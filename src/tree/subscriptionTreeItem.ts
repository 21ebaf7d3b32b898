import * as vscode from 'vscode';
import type { SubscriptionNode } from './treeNodes';

export function subscriptionTreeItem(node: SubscriptionNode): vscode.TreeItem {
  const s = node.subscription;
  const item = new vscode.TreeItem(s.name, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.description = s.subscriptionId;
  item.tooltip = `${s.name}\n${vscode.l10n.t('Subscription')}: ${s.subscriptionId}\n${vscode.l10n.t('Tenant')}: ${s.tenantId}`;
  item.iconPath = new vscode.ThemeIcon('key');
  item.contextValue = 'aksSubscription';
  return item;
}
