import * as vscode from 'vscode';
import { describeAzureError } from '../../azure/azureErrorMessage';
import type { InstallIntent } from '../../azure/catalogChecks';
import { clusterBlocker, type ClusterModel } from '../../azure/clusterModel';
import { createCommandLine } from '../../lifecycle/azCommandLine';
import { deployBlocker } from '../../lifecycle/deployPlan';
import type { RolloutTarget } from '../../rollout/rolloutRecord';
import type { ExtensionRequest } from '../../shared';
import type { SubscriptionNode } from '../../tree/treeNodes';
import { listCatalogTypes } from '../../azure/extensionTypesCatalog';
import { runSteps, type StepPosition } from '../../ui/multiStep';
import type { PickItem } from '../../ui/prompter';
import type { ExtensionServices } from '../services';
import { catalogReasons } from './clusterChecks';
import { createQuestionCount, pickExtensionType } from './createWizard';
import { describeRequest, type TargetReview } from './createTarget';
import { clusterCount } from '../../ui/counts';

/** The outcome of checking one cluster before anything is sent: ready (no state), or skipped / not checked with why. */
export interface TargetCheck {
  readonly cluster: ClusterModel;
  readonly state?: 'skipped' | 'notChecked';
  readonly message: string;
}

/** What a request installs, as the checks of a target need it. */
export function installIntent(req: ExtensionRequest): InstallIntent {
  return { extensionType: req.extensionType, name: req.name, version: req.autoUpgradeMinorVersion === false ? req.version : undefined, releaseTrain: req.releaseTrain };
}

/**
 * Checks one cluster as it is now, before anything is sent: managed identity, power state, an extension of that name or
 * type already there, then Azure's catalog (region, Kubernetes version, one instance per cluster). The picker and the
 * review both ask this. A cluster whose extensions could not be read is not checked (nothing is sent to it).
 */
export async function checkTarget(services: ExtensionServices, cluster: ClusterModel, intent: InstallIntent): Promise<TargetCheck> {
  services.access.invalidate(cluster.id);
  try {
    const existing = cluster.hasManagedIdentity ? await services.access.listExtensions(cluster) : [];
    const blocker = deployBlocker(cluster, existing, intent.name, intent.extensionType);
    const reasons = blocker === undefined ? await catalogReasons(services, cluster, intent) : [];
    const reason = blocker ?? (reasons.length > 0 ? reasons.join(' ') : undefined);
    return { cluster, state: reason === undefined ? undefined : 'skipped', message: reason ?? '' };
  } catch (err) {
    return { cluster, state: 'notChecked', message: vscode.l10n.t('Not checked: {0}', describeAzureError(err, vscode.l10n.t('Read the extensions of {0}', cluster.name)).message) };
  }
}

/** Tags as the picker shows them (and filters on): "env=prod team=ml". */
function tagText(cluster: ClusterModel): string {
  return Object.entries(cluster.tags ?? {}).map(([k, v]) => `${k}=${v}`).join(' ');
}

/**
 * A reason cut to the clause that says what is wrong ("X uses a service principal"), asides in brackets left out, for the picker's one-line detail
 * that a narrow window cuts; the review shows the whole sentence with the fix.
 */
function headline(reason: string): string {
  return reason
    .split(/; |: (?=[a-z])|\. (?=[A-Z])/)[0]
    .replace(/ \([^)]*\)/g, '')
    .replace(/\.$/, '');
}

/** What the picker says of a cluster: its own state when the extension is not known yet, else the review's whole check. */
async function pickerCheck(services: ExtensionServices, cluster: ClusterModel, intent: InstallIntent | undefined): Promise<TargetCheck> {
  if (intent) {
    return checkTarget(services, cluster, intent);
  }
  const blocker = clusterBlocker(cluster);
  return { cluster, state: blocker && 'skipped', message: blocker?.reason ?? '' };
}

async function clusterItem(services: ExtensionServices, subscription: SubscriptionNode, cluster: ClusterModel, intent: InstallIntent | undefined, picked: boolean): Promise<PickItem<ClusterModel>> {
  const check = await pickerCheck(services, cluster, intent);
  const version = cluster.kubernetesVersion ? `v${cluster.kubernetesVersion}` : undefined;
  const icon = check.state === 'skipped' ? '$(warning) ' : check.state === 'notChecked' ? '$(question) ' : '';
  return {
    label: `${icon}${cluster.name}`,
    description: [cluster.resourceGroup, cluster.location, version, tagText(cluster)].filter(Boolean).join(' · '),
    detail:
      check.state === 'skipped'
        ? vscode.l10n.t('Will be skipped: {0}', headline(check.message))
        : check.state === 'notChecked'
          ? vscode.l10n.t('Could not be checked now; checked again before sending')
          : undefined,
    value: cluster,
    picked,
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
  options: { readonly intent?: InstallIntent; readonly exclude?: string; readonly position?: StepPosition; readonly picked?: readonly ClusterModel[] },
): Promise<ClusterModel[] | undefined> {
  // Back to the picker keeps the clusters picked before.
  const pickedIds = new Set(options.picked?.map((c) => c.id.toLowerCase()));
  const items = (
    await Promise.all(
      subscriptions.map(async (s) => {
        const clusters = (await services.access.listClusters(s.subscription)).filter((c) => c.id.toLowerCase() !== options.exclude?.toLowerCase());
        return Promise.all(clusters.map((c) => clusterItem(services, s, c, options.intent, pickedIds.has(c.id.toLowerCase()))));
      }),
    )
  ).flat();
  const picked = await services.prompter.pickMany(items, {
    title: options.intent ? vscode.l10n.t('Clusters to deploy {0} to', options.intent.name || options.intent.extensionType) : vscode.l10n.t('Clusters to deploy to'),
    placeHolder: vscode.l10n.t('Filter by name, resource group, location or tag (env=prod)'),
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

/** What a deployment from the palette or a subscription starts from: the type, then the clusters checked for it. */
export interface TypedTargets {
  readonly extensionType: string;
  readonly clusters: ClusterModel[];
}

/**
 * From the palette or a subscription: the extension type first, so the cluster picker can mark every cluster that will
 * be skipped and why (the catalog's reasons included) before the user picks; then `next` (the create wizard) as the
 * third step of the same flow: one step counter, and Back from its first question returns to the clusters, then the type,
 * each with its answer kept.
 */
export async function pickTypeAndClusters<R>(
  services: ExtensionServices,
  subscription: SubscriptionNode,
  next: (typed: TypedTargets, position: StepPosition) => Promise<R | undefined>,
): Promise<R | undefined> {
  const title = vscode.l10n.t('Deploy an extension to clusters of {0}', subscription.subscription.name);
  const catalog = await listCatalogTypes(services.access, { subscriptionId: subscription.subscription.subscriptionId }, (err) =>
    services.log.warn(`Extension-types catalog of ${subscription.subscription.name} did not answer; using the built-in list (${describeAzureError(err, 'Listing extension types').detail})`),
  );
  const answers: { extensionType?: string; clusters: ClusterModel[]; result?: R } = { clusters: [] };
  const completed = await runSteps(
    [
      {
        async run(state: typeof answers, position) {
          state.extensionType = await pickExtensionType(services.prompter, catalog, { title, value: state.extensionType }, position);
          return state.extensionType !== undefined;
        },
      },
      {
        async run(state: typeof answers, position) {
          const intent = { extensionType: state.extensionType ?? '', name: '' };
          const picked = await pickDeployClusters(services, [subscription], { intent, position, picked: state.clusters });
          state.clusters = picked ?? state.clusters;
          return picked !== undefined;
        },
      },
      {
        // Counted as the wizard's questions, so the counter is one from the type to the review.
        size: (state: typeof answers) => createQuestionCount(catalog, state.extensionType),
        async run(state: typeof answers, position) {
          state.result = await next({ extensionType: state.extensionType ?? '', clusters: state.clusters }, position);
          return state.result !== undefined;
        },
      },
    ],
    answers,
  );
  return completed ? answers.result : undefined;
}
