import type { Extension } from '../azure/extensionModel';
import * as vscode from 'vscode';
import { type AdditionalLinkKind, additionalLinks, extensionManagement } from '../azure/extensionManagement';
import { type StallReason, stallReason } from '../azure/provisioningState';
import { isRunningState, stateIcon } from './extensionState';
import type { ExtensionNode } from './treeNodes';

/** The version a user cares about: the pinned one, else what runs, else that none is reported (with the train it follows). */
export function displayVersion(extension: Extension): string {
  // Without a version Azure knows none is installed yet (or it never reported one): say so, with the train it follows.
  const known = extension.version ?? extension.currentVersion;
  if (known) {
    return known;
  }
  return extension.releaseTrain ? vscode.l10n.t('{0} train, no version reported', extension.releaseTrain) : vscode.l10n.t('no version reported');
}

function formatDate(date: Date | undefined): string {
  return date ? date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : vscode.l10n.t('an unknown time');
}

/** What the user can do about a row that will not end by itself, in one sentence. */
function stallAdvice(reason: StallReason, extension: Extension, since: Date | undefined): string {
  const state = extension.provisioningState ?? '';
  return reason === 'clusterStopped'
    ? vscode.l10n.t('The cluster is stopped, so its extension agent cannot finish {0}. Start the cluster, or use Force Delete to remove the extension from Azure.', state)
    : vscode.l10n.t('Nothing has changed since {0}, longer than Azure waits for an operation (48 hours). Use Force Delete to remove the extension from Azure, then create it again.', formatDate(since));
}

function tooltipFor(extension: Extension, stall: StallReason | undefined, runningSince: Date | undefined): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.supportThemeIcons = true;
  md.appendMarkdown(`**${extension.name ?? ''}** · \`${extension.extensionType ?? ''}\`\n\n`);
  md.appendMarkdown(`${vscode.l10n.t('State')}: **${extension.provisioningState ?? vscode.l10n.t('unknown')}**`);
  const since = isRunningState(extension.provisioningState) ? runningSince : undefined;
  md.appendMarkdown(since ? ` ${vscode.l10n.t('since {0}', formatDate(since))}  \n` : '  \n');
  if (stall) {
    md.appendMarkdown(`$(warning) ${stallAdvice(stall, extension, since)}  \n`);
  }
  md.appendMarkdown(`${vscode.l10n.t('Version')}: ${displayVersion(extension)}`);
  md.appendMarkdown(extension.autoUpgradeMinorVersion === false ? ` (${vscode.l10n.t('pinned')})  \n` : `  \n`);
  if (extension.autoUpgradeMinorVersion !== false && extension.autoUpgradeMode) {
    md.appendMarkdown(`${vscode.l10n.t('Auto-upgrade mode')}: ${extension.autoUpgradeMode}  \n`);
  }
  if (extension.extensionState) {
    md.appendMarkdown(`${vscode.l10n.t('On the cluster')}: ${extension.extensionState}  \n`);
  }
  const scope = extension.scope?.cluster
    ? `${vscode.l10n.t('cluster')}, ${vscode.l10n.t('release namespace')} ${extension.scope.cluster.releaseNamespace ?? ''}`
    : extension.scope?.namespace
      ? `${vscode.l10n.t('namespace')} ${extension.scope.namespace.targetNamespace ?? ''}`
      : undefined;
  if (scope) {
    md.appendMarkdown(`${vscode.l10n.t('Scope')}: ${scope}  \n`);
  }
  appendIdentityAndPlan(md, extension);
  appendManagement(md, extension);
  const links = additionalLinks(extension);
  if (links.length > 0) {
    md.appendMarkdown(`\n${links.map((l) => `[${linkLabel(l.kind)}](${l.url})`).join(' · ')}  \n`);
  }
  if (extension.errorInfo) {
    md.appendMarkdown(`\n---\n$(error) **${extension.errorInfo.code ?? vscode.l10n.t('Error')}**: ${extension.errorInfo.message ?? ''}\n`);
  }
  for (const status of extension.statuses ?? []) {
    md.appendMarkdown(`\n- ${status.level ?? ''} ${status.code ?? ''}: ${status.displayStatus ?? ''} ${status.message ?? ''}`);
  }
  return md;
}

function linkLabel(kind: AdditionalLinkKind): string {
  switch (kind) {
    case 'docs':
      return vscode.l10n.t('Documentation');
    case 'releaseNotes':
      return vscode.l10n.t('Release notes');
    case 'troubleshootingGuide':
      return vscode.l10n.t('Troubleshooting guide');
  }
}

/** The resource's own identity (other cluster kinds) apart from the one AKS gives the extension in the cluster (see src/azure/README.md). */
function appendIdentityAndPlan(md: vscode.MarkdownString, extension: Extension): void {
  if (extension.identity?.type) {
    md.appendMarkdown(`${vscode.l10n.t('Identity')}: ${extension.identity.type}  \n`);
  }
  if (extension.aksAssignedIdentity?.type) {
    md.appendMarkdown(`${vscode.l10n.t('Identity in the cluster: {0}, given by AKS', extension.aksAssignedIdentity.type)}  \n`);
  }
  if (extension.plan) {
    md.appendMarkdown(`${vscode.l10n.t('Marketplace plan')}: ${extension.plan.name} / ${extension.plan.product} / ${extension.plan.publisher}  \n`);
  }
}

/** Who manages a managed extension and what the user may do, in Azure's words when it gives them. */
function appendManagement(md: vscode.MarkdownString, extension: Extension): void {
  const management = extensionManagement(extension);
  if (!management) {
    return;
  }
  const by = management.writers.length > 0 ? ` (${management.writers.join(', ')})` : '';
  md.appendMarkdown(`\n$(lock) ${vscode.l10n.t('Managed by **{0}**{1}', management.manager, by)}  \n`);
  md.appendMarkdown(
    management.usersMayWrite
      ? `${vscode.l10n.t('You may change it.')}  \n`
      : `${management.usersDescription ?? vscode.l10n.t('You may only read it.')} ${vscode.l10n.t('Change it through {0}.', management.manager)}  \n`,
  );
}

export function extensionTreeItem(node: ExtensionNode): vscode.TreeItem {
  const extension = node.extension;
  const state = extension.provisioningState;
  const item = new vscode.TreeItem(extension.name ?? '', vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  const stall = stallReason(state, node.parent.cluster.powerState, node.runningSince, Date.now());
  const stallLabel = stall === 'clusterStopped' ? vscode.l10n.t('cluster stopped: Force Delete?') : vscode.l10n.t('stuck: Force Delete?');
  const stateLabel = state && state.toLowerCase() !== 'succeeded' ? ` · ${state}${stall ? ` (${stallLabel})` : ''}` : '';
  const management = extensionManagement(extension);
  const managedLabel = management ? ` · ${vscode.l10n.t('managed by {0}', management.manager)}` : '';
  item.description = `${extension.extensionType ?? ''} · ${displayVersion(extension)}${stateLabel}${managedLabel}`;
  item.iconPath = stateIcon(state);
  item.tooltip = tooltipFor(extension, stall, node.runningSince);
  // Enter or a click opens the read-only view of the instance, like a file in the explorer.
  item.command = { command: 'aksClusterExtensions.showExtension', title: vscode.l10n.t('Show Extension'), arguments: [node, 'preview'] };
  // Tokens matched with `viewItem =~ /token/` in package.json menus.
  // `readonly`: Azure accepts only reads from users (a managed extension); menus offer no write to it.
  const tokens = [
    'aksExtension',
    `state-${(state ?? 'unknown').toLowerCase()}`,
    isRunningState(state) ? 'running' : 'idle',
    ...(stall ? ['stalled'] : []),
    ...(management ? ['managed'] : []),
    ...(management && !management.usersMayWrite ? ['readonly'] : []),
  ];
  item.contextValue = tokens.join(';');
  item.accessibilityInformation = { label: `${extension.name ?? ''}, ${extension.extensionType ?? ''}, ${state ?? ''}${managedLabel}` };
  return item;
}
