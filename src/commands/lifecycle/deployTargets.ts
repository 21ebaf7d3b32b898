import * as vscode from 'vscode';
import { clusterBlocker, type ClusterModel } from '../../azure/clusterModel';
import { createCommandLine } from '../../lifecycle/azCommandLine';
import { deployBlocker } from '../../lifecycle/deployPlan';
import type { RolloutTarget } from '../../rollout/rolloutRecord';
import type { ExtensionRequest } from '../../shared';
import type { SubscriptionNode } from '../../tree/treeNodes';
import type { StepPosition } from '../../ui/multiStep';
import type { PickItem } from '../../ui/prompter';
import type { ExtensionServices } from '../services';
import { describeRequest, type TargetReview } from './createTarget';

/** "1 cluster", "3 clusters". */
export function clusterCount(count: number): string {
  return count === 1 ? vscode.l10n.t('1 cluster') : vscode.l10n.t('{0} clusters', count);
}

/** The extension a deployment installs, when it is known before the clusters are picked (a copy of an existing one). */
export interface DeployIntent {
  readonly name: string;
  readonly extensionType: string;
}

/** Tags as the picker shows them (and filters on): "env=prod team=ml". */
function tagText(cluster: ClusterModel): string {
  return Object.entries(cluster.tags ?? {}).map(([k, v]) => `${k}=${v}`).join(' ');
}

/**
 * Why a cluster will be skipped, known before the user picks: the cluster's own state, and with the extension known,
 * an extension of that name or type already there. A list that cannot be read is checked again before sending.
 */
async function knownSkipReason(services: ExtensionServices, cluster: ClusterModel, intent: DeployIntent | undefined): Promise<string | undefined> {
  const blocker = clusterBlocker(cluster);
  if (blocker || !intent) {
    return blocker?.reason;
  }
  const existing = await services.access.listExtensions(cluster).catch(() => []);
  return deployBlocker(cluster, existing, intent.name, intent.extensionType);
}

async function clusterItem(services: ExtensionServices, subscription: SubscriptionNode, cluster: ClusterModel, intent: DeployIntent | undefined): Promise<PickItem<ClusterModel>> {
  const skip = await knownSkipReason(services, cluster, intent);
  const version = cluster.kubernetesVersion ? `v${cluster.kubernetesVersion}` : undefined;
  return {
    label: skip ? `$(warning) ${cluster.name}` : cluster.name,
    description: [cluster.resourceGroup, cluster.location, version, tagText(cluster)].filter(Boolean).join(' · '),
    detail: skip && vscode.l10n.t('Will be skipped: {0}', skip),
    value: cluster,
    group: subscription.subscription.name,
  };
}

/**
 * The clusters of the given subscriptions, grouped under each subscription's name, every one that will be skipped
 * marked with why; typing filters by name, resource group, location or tag.
 */
export async function pickDeployClusters(
  services: ExtensionServices,
  subscriptions: readonly SubscriptionNode[],
  options: { readonly intent?: DeployIntent; readonly exclude?: string; readonly position?: StepPosition },
): Promise<ClusterModel[] | undefined> {
  const items = (
    await Promise.all(
      subscriptions.map(async (s) => {
        const clusters = (await services.access.listClusters(s.subscription)).filter((c) => c.id.toLowerCase() !== options.exclude?.toLowerCase());
        return Promise.all(clusters.map((c) => clusterItem(services, s, c, options.intent)));
      }),
    )
  ).flat();
  const picked = await services.prompter.pickMany(items, {
    title: options.intent ? vscode.l10n.t('Clusters to deploy {0} to', options.intent.name) : vscode.l10n.t('Clusters to deploy to'),
    placeHolder: vscode.l10n.t('Check the clusters; type to filter by name, resource group, location or tag (env=prod)'),
    ...options.position,
  });
  return picked && picked.length > 0 ? picked : undefined;
}

/** The one review of a deployment: the clusters (those skipped or not checked with why), then the request, and an az line per cluster. */
export function deployReview(req: ExtensionRequest, ready: readonly ClusterModel[], skipped: readonly RolloutTarget[]): TargetReview {
  return {
    action: vscode.l10n.t('Deploy to {0}', clusterCount(ready.length)),
    lines: [
      ...ready.map((c) => vscode.l10n.t('Deploys to {0} (resource group {1}).', c.name, c.resourceGroup)),
      ...skipped.map((s) => (s.state === 'notChecked' ? vscode.l10n.t('Sends nothing to {0}: {1}', s.cluster.name, s.message) : vscode.l10n.t('Skips {0}: {1}', s.cluster.name, s.message))),
      ...describeRequest(req),
    ],
    azCommand: ready.map((c) => createCommandLine(c, req)).join('\n'),
  };
}
