import * as vscode from 'vscode';
import type { ExtensionServices } from '../commands/services';
import type { FleetMember } from '../fleet/fleetBuckets';
import { toArmExtension } from '../fleet/fleetModel';
import { isRunningState } from '../azure/provisioningState';
import { type ClusterNode, clusterNode, type ExtensionNode, extensionNode, subscriptionNode } from '../tree/treeNodes';
import type { FleetNode } from './fleetNodes';

function isFleetNode(value: unknown): value is FleetNode {
  const kind = typeof value === 'object' && value !== null ? (value as FleetNode).kind : undefined;
  return kind === 'fleetBucket' || kind === 'fleetMember' || kind === 'fleetType' || kind === 'fleetInfo';
}

/**
 * The clusters a fleet command acts on: those of the selected buckets and members (the clicked row when it is not part
 * of the selection), each cluster and instance once.
 */
export function selectedMembers(arg: unknown, selection: unknown): FleetMember[] {
  const selected = Array.isArray(selection) ? selection.filter(isFleetNode) : [];
  const nodes = isFleetNode(arg) && !selected.some((n) => n.id === arg.id) ? [arg] : selected.length > 0 ? selected : isFleetNode(arg) ? [arg] : [];
  const members = new Map<string, FleetMember>();
  for (const node of nodes) {
    const list = node.kind === 'fleetBucket' ? node.bucket.members : node.kind === 'fleetMember' ? [node.member] : [];
    for (const member of list) {
      members.set(`${member.cluster.id.toLowerCase()}|${member.extension?.name ?? ''}`, member);
    }
  }
  return [...members.values()];
}

/** The Clusters view's node of a fleet member's cluster (ids spelled as Resource Manager spells them). */
export async function clusterNodeOf(services: ExtensionServices, member: FleetMember): Promise<ClusterNode> {
  const subscriptions = await services.access.listSubscriptions();
  const subscription = subscriptions.find((s) => s.subscriptionId.toLowerCase() === member.cluster.subscriptionId.toLowerCase());
  if (!subscription) {
    throw new Error(vscode.l10n.t('Subscription {0} is not among the selected subscriptions. Refresh the fleet view.', member.cluster.subscriptionId));
  }
  const clusters = await services.access.listClusters(subscription);
  const cluster = clusters.find((c) => c.id.toLowerCase() === member.cluster.id.toLowerCase()) ?? member.cluster;
  return clusterNode(subscriptionNode(subscription), cluster);
}

/** The Clusters view's node of a fleet member's extension instance. */
export async function extensionNodeOf(services: ExtensionServices, member: FleetMember): Promise<ExtensionNode | undefined> {
  return member.extension ? extensionNode(await clusterNodeOf(services, member), toArmExtension(member.extension)) : undefined;
}

/** How often, and for how long at most, a cluster just acted on is re-read while an operation runs on it. */
const FOLLOW_EVERY_MS = 2000;
const FOLLOW_AT_MOST_MS = 15 * 60_000;

/**
 * Reads a cluster the user just acted on from Resource Manager into the inventory, again while an operation runs on it,
 * so the fleet view shows the change at once rather than when Resource Graph catches up.
 */
export async function followFromResourceManager(services: ExtensionServices, node: ClusterNode): Promise<void> {
  const deadline = Date.now() + FOLLOW_AT_MOST_MS;
  for (;;) {
    services.access.invalidate(node.id);
    try {
      const extensions = await services.access.listExtensions(node.cluster);
      services.inventory.confirm(node.cluster, extensions);
      if (!extensions.some((e) => isRunningState(e.provisioningState)) || Date.now() > deadline) {
        return;
      }
    } catch (err) {
      services.log.warn(`Could not re-read ${node.cluster.name} after a fleet action: ${String(err)}`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, FOLLOW_EVERY_MS));
  }
}
