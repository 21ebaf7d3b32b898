import * as vscode from 'vscode';
import { displayVersion } from '../tree/extensionTreeItem';
import { type ClusterNode, clusterNode, type ExtensionNode, extensionNode, type SubscriptionNode, subscriptionNode, type TreeNode } from '../tree/treeNodes';
import type { ExtensionServices } from './services';
import type { PickItem } from '../ui/prompter';

/** The tree node a command was invoked on (context menu, inline action), if any. */
export function asTreeNode(arg: unknown): Exclude<TreeNode, { kind: 'message' }> | undefined {
  const kind = typeof arg === 'object' && arg !== null ? (arg as TreeNode).kind : undefined;
  return kind === 'subscription' || kind === 'cluster' || kind === 'extension' ? (arg as Exclude<TreeNode, { kind: 'message' }>) : undefined;
}

/** One choice through the prompter; cancelling ends the command quietly (the error wrapper ignores cancellation). */
async function pickOrCancel<T>(services: ExtensionServices, items: readonly PickItem<T>[], title: string): Promise<T> {
  const picked = await services.prompter.pick(items, { title });
  if (picked === undefined) {
    throw new vscode.CancellationError();
  }
  return picked;
}

function isNode<K extends TreeNode['kind']>(arg: unknown, kind: K): arg is Extract<TreeNode, { kind: K }> {
  return typeof arg === 'object' && arg !== null && (arg as TreeNode).kind === kind;
}

/** The subscription the command was run on, or one the user picks (from the palette). */
export async function resolveSubscriptionNode(arg: unknown, services: ExtensionServices): Promise<SubscriptionNode> {
  if (isNode(arg, 'subscription')) {
    return arg;
  }
  const subscriptions = await services.access.listSubscriptions();
  const picked = await pickOrCancel(services, subscriptions.map((s) => ({ label: s.name, description: s.subscriptionId, value: s })), vscode.l10n.t('Select a subscription'));
  return subscriptionNode(picked);
}

/** The cluster the command was run on, or one the user picks. */
export async function resolveClusterNode(arg: unknown, services: ExtensionServices): Promise<ClusterNode> {
  if (isNode(arg, 'cluster')) {
    return arg;
  }
  const parent = await resolveSubscriptionNode(arg, services);
  const clusters = await services.access.listClusters(parent.subscription);
  const picked = await pickOrCancel(
    services,
    clusters.map((c) => ({ label: c.name, description: `${c.resourceGroup} · ${c.location}`, value: c })),
    vscode.l10n.t('Select an AKS cluster'),
  );
  return clusterNode(parent, picked);
}

/** The extension instance the command was run on, or one the user picks. */
export async function resolveExtensionNode(arg: unknown, services: ExtensionServices): Promise<ExtensionNode> {
  if (isNode(arg, 'extension')) {
    return arg;
  }
  const parent = await resolveClusterNode(arg, services);
  const extensions = await services.access.listExtensions(parent.cluster);
  const picked = await pickOrCancel(
    services,
    extensions.map((e) => ({ label: e.name ?? '', description: `${e.extensionType ?? ''} · ${displayVersion(e)} · ${e.provisioningState ?? ''}`, value: e })),
    vscode.l10n.t('Select an extension'),
  );
  return extensionNode(parent, picked);
}
