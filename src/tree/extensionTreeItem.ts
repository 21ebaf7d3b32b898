import type { Extension } from '../azure/extensionModel';
import * as vscode from 'vscode';
import { isRunningState, stateIcon } from './extensionState';
import type { ExtensionNode } from './treeNodes';

/** The version a user cares about: the pinned one, else what runs, else the release train it follows. */
export function displayVersion(extension: Extension): string {
  return extension.version ?? extension.currentVersion ?? (extension.releaseTrain ? `auto (${extension.releaseTrain})` : 'auto');
}

function tooltipFor(extension: Extension): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.supportThemeIcons = true;
  md.appendMarkdown(`**${extension.name ?? ''}** · \`${extension.extensionType ?? ''}\`\n\n`);
  md.appendMarkdown(`${vscode.l10n.t('State')}: **${extension.provisioningState ?? vscode.l10n.t('unknown')}**  \n`);
  md.appendMarkdown(`${vscode.l10n.t('Version')}: ${displayVersion(extension)}`);
  md.appendMarkdown(extension.autoUpgradeMinorVersion === false ? ` (${vscode.l10n.t('pinned')})  \n` : `  \n`);
  const scope = extension.scope?.cluster
    ? `${vscode.l10n.t('cluster')}, ${vscode.l10n.t('release namespace')} ${extension.scope.cluster.releaseNamespace ?? ''}`
    : extension.scope?.namespace
      ? `${vscode.l10n.t('namespace')} ${extension.scope.namespace.targetNamespace ?? ''}`
      : undefined;
  if (scope) {
    md.appendMarkdown(`${vscode.l10n.t('Scope')}: ${scope}  \n`);
  }
  if (extension.errorInfo) {
    md.appendMarkdown(`\n---\n$(error) **${extension.errorInfo.code ?? vscode.l10n.t('Error')}**: ${extension.errorInfo.message ?? ''}\n`);
  }
  for (const status of extension.statuses ?? []) {
    md.appendMarkdown(`\n- ${status.level ?? ''} ${status.code ?? ''}: ${status.displayStatus ?? ''} ${status.message ?? ''}`);
  }
  return md;
}

export function extensionTreeItem(node: ExtensionNode): vscode.TreeItem {
  const extension = node.extension;
  const state = extension.provisioningState;
  const item = new vscode.TreeItem(extension.name ?? '', vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  const stateLabel = state && state.toLowerCase() !== 'succeeded' ? ` · ${state}` : '';
  item.description = `${extension.extensionType ?? ''} · ${displayVersion(extension)}${stateLabel}`;
  item.iconPath = stateIcon(state);
  item.tooltip = tooltipFor(extension);
  // Tokens matched with `viewItem =~ /token/` in package.json menus.
  const tokens = ['aksExtension', `state-${(state ?? 'unknown').toLowerCase()}`, isRunningState(state) ? 'running' : 'idle'];
  item.contextValue = tokens.join(';');
  item.accessibilityInformation = { label: `${extension.name ?? ''}, ${extension.extensionType ?? ''}, ${state ?? ''}` };
  return item;
}
