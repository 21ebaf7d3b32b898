import * as vscode from 'vscode';
import { describeAzureError } from '../../azure/azureErrorMessage';
import type { ClusterModel } from '../../azure/clusterModel';
import { createCommandLine } from '../../lifecycle/azCommandLine';
import { requestFromExtension } from '../../lifecycle/extensionBody';
import { deployBlocker } from '../../lifecycle/deployPlan';
import { parseFailureThreshold, type RolloutOptions, type RolloutRecord, type RolloutTarget, storableRequest } from '../../rollout/rolloutRecord';
import type { ExtensionRequest } from '../../shared';
import { type ClusterNode, type ExtensionNode, type SubscriptionNode, subscriptionNode } from '../../tree/treeNodes';
import { asTreeNode, resolveSubscriptionNode } from '../nodePickers';
import { registerCommand } from '../registerCommand';
import type { ExtensionServices } from '../services';
import { findExtension } from '../../azure/extensionOperations';
import { describeRequest, type TargetReview } from './createTarget';
import { askCreateRequest } from './createWizard';
import { askProtectedSettingsAgain, withProtectedSettings } from './recreateExtension';
import { confirmReview } from './reviewStep';
import { ensureValidRequest } from './sendCreate';
import { rolloutUntilDone } from '../rollout/rolloutRunner';

/** The rollout options the settings ask for: the canary and when failures pause the rollout. */
function rolloutOptions(): RolloutOptions {
  const settings = vscode.workspace.getConfiguration('aksClusterExtensions.rollout');
  const canary = settings.get<string>('canary', 'none');
  return {
    canary: canary === 'first' ? { kind: 'first', count: settings.get<number>('canaryCount', 1) } : canary === 'perRegion' ? { kind: 'perRegion' } : { kind: 'none' },
    failureThreshold: parseFailureThreshold(settings.get<string>('pauseAfterFailures', '10%')),
  };
}

/** The stored record of a new deployment: the clusters to send to, then those the check set aside, with why. */
function newRollout(title: string, req: ExtensionRequest, { ready, skipped }: CheckedTargets): RolloutRecord {
  const now = Date.now();
  return {
    id: `${now}-${Math.random().toString(36).slice(2, 8)}`,
    title,
    ...storableRequest(req),
    options: rolloutOptions(),
    targets: [...ready.map((cluster): RolloutTarget => ({ cluster, state: 'pending', message: '' })), ...skipped.map((s) => ({ ...s }))],
    status: 'running',
    startedAt: now,
    updatedAt: now,
  };
}

/**
 * Checks each cluster before anything is sent: managed identity, power state, and whether it already has the extension.
 * A cluster whose extensions could not be read is not checked, and nothing is sent to it (Resume tries it again).
 */
async function checkTargets(services: ExtensionServices, clusters: readonly ClusterModel[], req: ExtensionRequest): Promise<{ ready: ClusterModel[]; skipped: RolloutTarget[] }> {
  const checked = await Promise.all(
    clusters.map(async (cluster): Promise<{ cluster: ClusterModel; state?: 'skipped' | 'notChecked'; message: string }> => {
      services.access.invalidate(cluster.id);
      try {
        const existing = cluster.hasManagedIdentity ? await services.access.listExtensions(cluster) : [];
        const reason = deployBlocker(cluster, existing, req.name, req.extensionType);
        return { cluster, state: reason === undefined ? undefined : 'skipped', message: reason ?? '' };
      } catch (err) {
        return { cluster, state: 'notChecked', message: vscode.l10n.t('Not checked: {0}', describeAzureError(err, vscode.l10n.t('Read the extensions of {0}', cluster.name)).message) };
      }
    }),
  );
  return {
    ready: checked.filter((c) => c.state === undefined).map((c) => c.cluster),
    skipped: checked.flatMap((c) => (c.state === undefined ? [] : [{ cluster: c.cluster, state: c.state, message: c.message }])),
  };
}

/** Clusters the user picks from the subscriptions given (multi-select; typing filters by resource group or location). */
async function pickClusters(services: ExtensionServices, subscriptions: readonly SubscriptionNode[], exclude?: string): Promise<ClusterModel[]> {
  const clusters = (await Promise.all(subscriptions.map((s) => services.access.listClusters(s.subscription)))).flat().filter((c) => c.id.toLowerCase() !== exclude?.toLowerCase());
  const picked = await services.prompter.pickMany(
    clusters.map((c) => ({ label: c.name, description: `${c.resourceGroup} · ${c.location}`, detail: c.hasManagedIdentity ? undefined : vscode.l10n.t('service principal: will be skipped'), value: c })),
    { title: vscode.l10n.t('Clusters to deploy to'), placeHolder: vscode.l10n.t('Type to filter by name, resource group or location') },
  );
  if (!picked || picked.length === 0) {
    throw new vscode.CancellationError();
  }
  return picked;
}

/** The clusters selected in the tree when the command runs on a multi-selection of clusters. */
function selectedClusters(arg: unknown, selection: unknown): ClusterNode[] {
  const nodes = Array.isArray(selection) ? selection : [arg];
  return nodes.map(asTreeNode).filter((n): n is ClusterNode => n?.kind === 'cluster');
}

/** The checked targets of a deployment: the clusters it goes to, and those skipped with the reason. */
type CheckedTargets = Awaited<ReturnType<typeof checkTargets>>;

/** The one review of a deployment: the clusters (those skipped with why), then the request, and an az line per cluster. */
function deployReview(req: ExtensionRequest, { ready, skipped }: CheckedTargets): TargetReview {
  return {
    action: vscode.l10n.t('Deploy to {0} cluster(s)', ready.length),
    lines: [
      ...ready.map((c) => vscode.l10n.t('Deploy to {0} ({1})', c.name, c.resourceGroup)),
      ...skipped.map((s) => (s.state === 'notChecked' ? vscode.l10n.t('Not sent to {0}: {1}', s.cluster.name, s.message) : vscode.l10n.t('Skip {0}: {1}', s.cluster.name, s.message))),
      ...describeRequest(req),
    ],
    azCommand: ready.map((c) => createCommandLine(c, req)).join('\n'),
  };
}

/** The request, reviewed, and where it goes, from where the command ran: an extension, selected clusters, a subscription, or the palette. */
interface DeploymentPlan extends CheckedTargets {
  readonly req: ExtensionRequest;
}

/** A copy of an existing extension: only protected settings are asked (Azure never returns them), then the review. */
async function planCopy(services: ExtensionServices, node: ExtensionNode): Promise<DeploymentPlan | undefined> {
  const source = await findExtension(services.access, node.parent.cluster, node.extension.name ?? '');
  const clusters = await pickClusters(services, (await services.access.listSubscriptions()).map(subscriptionNode), node.parent.cluster.id);
  const template = source ?? node.extension;
  // Asked once for all clusters.
  const protectedAnswer = await askProtectedSettingsAgain(services.prompter, vscode.l10n.t('Deploy {0}', template.name ?? ''), template.extensionType ?? '');
  if (!protectedAnswer) {
    return undefined;
  }
  const req = withProtectedSettings(requestFromExtension(template), protectedAnswer);
  // Its settings are as Azure stores them.
  const warnings = ensureValidRequest(req, vscode.l10n.t('Deploy {0}', req.name), undefined, { settingsForm: 'stored' });
  const targets = await checkTargets(services, clusters, req);
  const title = vscode.l10n.t('Deploy {0} ({1}) to {2} cluster(s)', req.name, req.extensionType, targets.ready.length);
  return (await confirmReview(services.prompter, { title, ...deployReview(req, targets), warnings })) ? { req, ...targets } : undefined;
}

/** A new extension: the create wizard, titled for the deployment, whose last step is the deployment's review. */
async function planNew(services: ExtensionServices, clusters: readonly ClusterModel[]): Promise<DeploymentPlan | undefined> {
  let targets: CheckedTargets | undefined;
  const req = await askCreateRequest(services, {
    title: clusters.length === 1 ? vscode.l10n.t('Deploy an extension to 1 cluster') : vscode.l10n.t('Deploy an extension to {0} clusters', clusters.length),
    // The questions offer what the first cluster's catalog lists.
    cluster: clusters[0],
    where: clusters.length === 1 ? clusters[0].name : vscode.l10n.t('the {0} clusters', clusters.length),
    async review(answered) {
      // Checked again on every review: going Back may have changed the name or the type.
      targets = await checkTargets(services, clusters, answered);
      return deployReview(answered, targets);
    },
  });
  return req && targets && { req, ...targets };
}

async function planDeployment(services: ExtensionServices, arg: unknown, selection: unknown): Promise<DeploymentPlan | undefined> {
  const node = asTreeNode(arg);
  if (node?.kind === 'extension') {
    return planCopy(services, node);
  }
  const fromTree = selectedClusters(arg, selection);
  return planNew(services, fromTree.length > 0 ? fromTree.map((n) => n.cluster) : await pickClusters(services, [await resolveSubscriptionNode(arg, services)]));
}

/** What the command returns (tests read it): every cluster with the state it ended in and why. */
function outcomes(record: RolloutRecord): { cluster: ClusterModel; outcome: string; message: string }[] {
  return record.targets.map((t) => ({ cluster: t.cluster, outcome: t.state, message: t.message }));
}

/** Deploy to Clusters…: the same extension on many clusters, checked first, rolled out within Azure's budgets, summarised. */
export function registerDeployToClusters(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerCommand(context, services, 'aksClusterExtensions.deployToClusters', 'Deploy to clusters', async (arg?: unknown, selection?: unknown) => {
    const plan = await planDeployment(services, arg, selection);
    if (!plan) {
      return undefined;
    }
    const record = newRollout(vscode.l10n.t('Deploy {0}', plan.req.name), plan.req, plan);
    return outcomes(await rolloutUntilDone(services, record, plan.req, 'start'));
  });
}
