import * as vscode from 'vscode';
import type { MessageNode } from './treeNodes';

const ICONS: Record<MessageNode['severity'], vscode.ThemeIcon> = {
  info: new vscode.ThemeIcon('info'),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
};

export function messageTreeItem(node: MessageNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.iconPath = ICONS[node.severity];
  item.tooltip = node.tooltip ?? node.label;
  item.contextValue = node.retry ? 'aksMessage;retry' : 'aksMessage';
  if (node.retry) {
    item.command = { command: 'aksClusterExtensions.refresh', title: vscode.l10n.t('Retry'), arguments: [node] };
  }
  return item;
}
