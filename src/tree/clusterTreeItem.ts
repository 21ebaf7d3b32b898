import * as vscode from 'vscode';
import { clusterBlocker } from '../azure/clusterModel';
import { clusterIcon } from './clusterIcon';
import type { ClusterNode } from './treeNodes';

export function clusterTreeItem(node: ClusterNode): vscode.TreeItem {
  const cluster = node.cluster;
  const item = new vscode.TreeItem(cluster.name, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  const blocker = clusterBlocker(cluster);
  // A blocked cluster says why at a glance; the tooltip and its child row give the fix.
  const why = blocker && (cluster.hasManagedIdentity ? vscode.l10n.t('stopped') : vscode.l10n.t('service principal'));
  item.description = [cluster.resourceGroup, cluster.location, cluster.kubernetesVersion && `v${cluster.kubernetesVersion}`, why]
    .filter(Boolean)
    .join(' · ');
  const md = new vscode.MarkdownString(`**${cluster.name}**  \n${vscode.l10n.t('Resource group')}: ${cluster.resourceGroup}  \n${vscode.l10n.t('Location')}: ${cluster.location}  \n${vscode.l10n.t('Kubernetes')}: ${cluster.kubernetesVersion ?? '?'}  \n${vscode.l10n.t('Power state')}: ${cluster.powerState ?? '?'}`, true);
  md.supportThemeIcons = true;
  if (blocker) {
    md.appendMarkdown(`\n\n$(warning) ${blocker.reason}  \n${blocker.fix}`);
    item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  } else {
    item.iconPath = clusterIcon();
  }
  item.tooltip = md;
  item.contextValue = ['aksCluster', blocker ? 'blocked' : 'ready', cluster.hasManagedIdentity ? 'msi' : 'servicePrincipal'].join(';');
  return item;
}
