import * as vscode from 'vscode';
import type { DriftReason, FleetBucket } from '../fleet/fleetBuckets';
import { stateIcon } from '../tree/extensionState';
import type { FleetBucketNode, FleetInfoNode, FleetMemberNode, FleetNode, FleetTypeNode } from './fleetNodes';
import { clusterCount } from '../ui/counts';

const count = (n: number): string => n.toLocaleString('en-US');

export const REVEAL_IN_TREE_COMMAND = 'aksClusterExtensions.fleet.revealInTree';
export const FLEET_REFRESH_COMMAND = 'aksClusterExtensions.fleet.refresh';

/** How a drift reason reads in a row. */
export function driftLabel(reason: DriftReason): string {
  switch (reason) {
    case 'behind':
      return vscode.l10n.t('behind');
    case 'autoUpgradeOff':
      return vscode.l10n.t('auto-upgrade off');
    case 'failed':
      return vscode.l10n.t('failed');
    case 'runningLong':
      // Not "stuck": the Clusters view keeps that word for an operation that cannot end by itself (48 h, stopped cluster).
      return vscode.l10n.t('running long');
  }
}


const WARNING = new vscode.ThemeColor('problemsWarningIcon.foreground');
const ERROR = new vscode.ThemeColor('problemsErrorIcon.foreground');

function bucketIcon(bucket: FleetBucket): vscode.ThemeIcon {
  if (bucket.kind === 'failed' || bucket.drift.includes('runningLong')) {
    return new vscode.ThemeIcon('error', ERROR);
  }
  if (bucket.kind === 'notInstalled') {
    return new vscode.ThemeIcon('circle-large-outline');
  }
  if (bucket.kind === 'running') {
    return new vscode.ThemeIcon('sync~spin');
  }
  return bucket.drift.length > 0 ? new vscode.ThemeIcon('warning', WARNING) : new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
}

function bucketLabel(bucket: FleetBucket): string {
  if (bucket.kind === 'notInstalled') {
    return vscode.l10n.t('Not installed');
  }
  if (bucket.kind === 'failed') {
    return vscode.l10n.t('Failed');
  }
  return bucket.pinned ? vscode.l10n.t('{0} (pinned)', bucket.label) : bucket.label;
}

/** The bucket's drift: a reason every member has by itself ("behind"), one only some have with their count ("2 running long"). */
function bucketDrift(bucket: FleetBucket): string[] {
  return bucket.drift
    .filter((reason) => !(reason === 'failed' && bucket.kind === 'failed')) // the label says it
    .map((reason) => {
      const having = bucket.members.filter((m) => m.drift.includes(reason)).length;
      return having === bucket.members.length ? driftLabel(reason) : `${count(having)} ${driftLabel(reason)}`;
    });
}

function infoItem(node: FleetInfoNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.tooltip = node.tooltip;
  item.iconPath = new vscode.ThemeIcon(node.severity === 'error' ? 'error' : node.severity === 'warning' ? 'warning' : 'info');
  item.contextValue = 'fleetInfo';
  if (node.retry) {
    item.command = { command: FLEET_REFRESH_COMMAND, title: vscode.l10n.t('Retry') };
  }
  return item;
}

function typeItem(node: FleetTypeNode): vscode.TreeItem {
  const { group } = node;
  const item = new vscode.TreeItem(group.extensionType, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  const drifting = group.drifting > 0 ? ` · ${vscode.l10n.t('{0} drifting', count(group.drifting))}` : '';
  item.description = `${clusterCount(group.installedOn)}${drifting}`;
  item.iconPath = group.drifting > 0 ? new vscode.ThemeIcon('warning', WARNING) : new vscode.ThemeIcon('extensions');
  item.tooltip = group.newestVersion ? vscode.l10n.t('Newest version in use: {0}', group.newestVersion) : undefined;
  item.contextValue = 'fleetType';
  return item;
}

function bucketItem(node: FleetBucketNode): vscode.TreeItem {
  const { bucket } = node;
  const item = new vscode.TreeItem(bucketLabel(bucket), vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  const clusters = new Set(bucket.members.map((m) => m.cluster.id.toLowerCase())).size;
  item.description = [clusterCount(clusters), ...bucketDrift(bucket)].join(' · ');
  item.iconPath = bucketIcon(bucket);
  item.accessibilityInformation = { label: `${node.parent.group.extensionType} ${bucketLabel(bucket)}, ${item.description}` };
  // Tokens matched with `viewItem =~ /token/` in package.json menus.
  item.contextValue = ['fleetBucket', `kind-${bucket.kind}`, bucket.kind === 'notInstalled' ? 'notInstalled' : 'installed', ...bucket.drift.map((d) => `drift-${d}`)].join(';');
  return item;
}

function memberTooltip(node: FleetMemberNode): vscode.MarkdownString {
  const { cluster, extension, drift } = node.member;
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${cluster.name}** · ${cluster.resourceGroup} · ${cluster.location}  \n`);
  md.appendMarkdown(`${vscode.l10n.t('Subscription')}: ${cluster.subscriptionId}  \n`);
  md.appendMarkdown(`${vscode.l10n.t('Kubernetes')}: ${cluster.kubernetesVersion ?? vscode.l10n.t('unknown')}  \n`);
  if (extension) {
    md.appendMarkdown(`\n${extension.name} · \`${extension.extensionType}\` · ${extension.provisioningState}  \n`);
    md.appendMarkdown(`${vscode.l10n.t('Version')}: ${extension.currentVersion ?? extension.version ?? vscode.l10n.t('none yet')}`);
    md.appendMarkdown(extension.autoUpgradeMinorVersion ? '  \n' : ` (${vscode.l10n.t('auto-upgrade off')})  \n`);
    if (extension.autoUpgradeMode) {
      md.appendMarkdown(`${vscode.l10n.t('Auto-upgrade mode')}: ${extension.autoUpgradeMode}  \n`);
    }
    if (extension.managedBy) {
      md.appendMarkdown(`${vscode.l10n.t('Managed by')}: ${extension.managedBy}  \n`);
    }
    if (extension.lastModifiedAt) {
      md.appendMarkdown(`${vscode.l10n.t('Last changed')}: ${new Date(extension.lastModifiedAt).toLocaleString()}  \n`);
    }
    if (extension.errorMessage) {
      md.appendMarkdown(`\n$(error) ${extension.errorMessage}\n`);
    }
    md.appendMarkdown(`\n_${extension.source === 'resourceManager' ? vscode.l10n.t('Read from Resource Manager') : vscode.l10n.t('From Resource Graph')}_`);
  }
  if (drift.length > 0) {
    md.appendMarkdown(`\n\n$(warning) ${drift.map(driftLabel).join(', ')}`);
  }
  md.supportThemeIcons = true;
  return md;
}

function memberItem(node: FleetMemberNode): vscode.TreeItem {
  const { cluster, extension, drift } = node.member;
  const item = new vscode.TreeItem(cluster.name, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  const where = `${cluster.resourceGroup} · ${cluster.location} · ${cluster.kubernetesVersion ?? ''}`;
  // The bucket already says the version, the state and what its members share; only running long differs among them.
  const own = drift.filter((reason) => reason === 'runningLong').map(driftLabel);
  item.description = [where, ...(extension && node.parent.bucket.kind !== 'version' ? [extension.name] : []), ...own].join(' · ');
  item.iconPath = extension ? stateIcon(extension.provisioningState) : new vscode.ThemeIcon('circle-large-outline');
  item.tooltip = memberTooltip(node);
  item.command = { command: REVEAL_IN_TREE_COMMAND, title: vscode.l10n.t('Reveal in Clusters'), arguments: [node] };
  const state = extension ? `state-${extension.provisioningState.toLowerCase()}` : 'notInstalled';
  item.contextValue = ['fleetMember', extension ? 'installed' : 'notInstalled', state, ...drift.map((d) => `drift-${d}`)].join(';');
  return item;
}

export function fleetTreeItem(node: FleetNode): vscode.TreeItem {
  switch (node.kind) {
    case 'fleetInfo':
      return infoItem(node);
    case 'fleetType':
      return typeItem(node);
    case 'fleetBucket':
      return bucketItem(node);
    case 'fleetMember':
      return memberItem(node);
  }
}
