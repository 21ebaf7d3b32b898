import * as vscode from 'vscode';
import { describeAzureError } from '../../azure/azureErrorMessage';
import type { ClusterModel } from '../../azure/clusterModel';
import { createLimiter } from '../../azure/concurrency';
import { requestFromExtension } from '../../lifecycle/extensionBody';
import { deployToCluster, NotWaitedError } from '../../lifecycle/deployToCluster';
import { type DeployResult, deployBlocker, deploySummaryMarkdown, runDeployments } from '../../lifecycle/deployPlan';
import { acceptsProtectedSettings, type ExtensionRequest } from '../../shared';
import { runSteps } from '../../ui/multiStep';
import { type ClusterNode, type ExtensionNode, subscriptionNode } from '../../tree/treeNodes';
import { asTreeNode, resolveSubscriptionNode } from '../nodePickers';
import { registerCommand } from '../registerCommand';
import type { ExtensionServices } from '../services';
import { findExtension } from '../../azure/extensionOperations';
import { catalogReasons, ensureUserMayWrite } from './clusterChecks';
import { askCreateRequest } from './createWizard';
import { clusterCount, deployReview, pickDeployClusters } from './deployTargets';
import { withProtectedSettings } from './recreateExtension';
import { confirmReview } from './reviewStep';
import { checkRequest } from './sendCreate';
import { requestTargetOf, requestToSend } from '../../lifecycle/requestToSend';
import { askSettings, type SettingsAnswer } from './settingsQuestions';
import { pollOptions } from './trackOperation';

function deployConcurrency(): number {
  return vscode.workspace.getConfiguration('aksClusterExtensions').get<number>('deployConcurrency', 10);
}

/** Runs the deployment to every ready cluster under the concurrency setting, with "k of n" progress. */
async function deployAll(services: ExtensionServices, clusters: readonly ClusterModel[], req: ExtensionRequest): Promise<DeployResult[]> {
  const limit = createLimiter(deployConcurrency);
  return services.prompter.withProgress(
    vscode.l10n.t('Deploying {0}', req.name),
    async (token, report) => {
      const abort = new AbortController();
      const cancelled = token.onCancellationRequested(() => abort.abort());
      report(vscode.l10n.t('0 of {0}', clusters.length));
      try {
        return await runDeployments(
          clusters,
          (cluster) => {
            // Per cluster: what the CLI fills in can depend on the target (Azure Backup records the tenant).
            const toSend = requestToSend(req, requestTargetOf(cluster, services.access.clientsFor(cluster.subscriptionId).subscription.tenantId));
            return deployToCluster(services.access, cluster, toSend, abort.signal, pollOptions().updateIntervalInMs ?? 5000);
          },
          limit,
          (err) => {
            if (err instanceof NotWaitedError) {
              return { outcome: 'skipped', message: err.message };
            }
            const described = describeAzureError(err, `Deploy ${req.name}`);
            services.log.error(described.detail);
            return { outcome: 'failed', message: described.message };
          },
          (result, finished) => {
            services.log.info(`Deploy ${req.name} to ${result.cluster.name}: ${result.outcome} (${finished} of ${clusters.length})`);
            report(vscode.l10n.t('{0} of {1}', finished, clusters.length), 100 / clusters.length);
          },
        );
      } finally {
        cancelled.dispose();
      }
    },
  );
}

/** Checks each cluster before anything is sent: managed identity, power state, whether it already has the extension, and Azure's catalog (region, Kubernetes version, one instance). */
async function checkTargets(services: ExtensionServices, clusters: readonly ClusterModel[], req: ExtensionRequest): Promise<{ ready: ClusterModel[]; skipped: DeployResult[] }> {
  const checked = await Promise.all(
    clusters.map(async (cluster) => {
      services.access.invalidate(cluster.id);
      const existing = cluster.hasManagedIdentity ? await services.access.listExtensions(cluster).catch(() => []) : [];
      const blocker = deployBlocker(cluster, existing, req.name, req.extensionType);
      const intent = { extensionType: req.extensionType, name: req.name, version: req.autoUpgradeMinorVersion === false ? req.version : undefined, releaseTrain: req.releaseTrain };
      const reasons = blocker === undefined ? await catalogReasons(services, cluster, intent) : [];
      return { cluster, reason: blocker ?? (reasons.length > 0 ? reasons.join(' ') : undefined) };
    }),
  );
  return {
    ready: checked.filter((c) => c.reason === undefined).map((c) => c.cluster),
    skipped: checked.filter((c) => c.reason !== undefined).map((c) => ({ cluster: c.cluster, outcome: 'skipped', message: c.reason ?? '' })),
  };
}

/** The clusters selected in the tree when the command runs on a multi-selection of clusters. */
function selectedClusters(arg: unknown, selection: unknown): ClusterNode[] {
  const nodes = Array.isArray(selection) ? selection : [arg];
  return nodes.map(asTreeNode).filter((n): n is ClusterNode => n?.kind === 'cluster');
}

/** The checked targets of a deployment: the clusters it goes to, and those skipped with the reason. */
type CheckedTargets = Awaited<ReturnType<typeof checkTargets>>;

/** The request, reviewed, and where it goes, from where the command ran: an extension, selected clusters, a subscription, or the palette. */
interface DeploymentPlan extends CheckedTargets {
  readonly req: ExtensionRequest;
}

/** The answers of a copy: the clusters picked and the protected settings (Azure never returns the stored ones). */
interface CopyAnswers {
  clusters: ClusterModel[];
  protectedAnswer: SettingsAnswer;
  plan?: DeploymentPlan;
}

/**
 * A copy of an existing extension: the clusters (marked where it will be skipped; not asked when given, as the fleet
 * view gives the clusters lacking the type), protected settings, the review; with Back.
 */
async function planCopy(services: ExtensionServices, node: ExtensionNode, given: readonly ClusterModel[]): Promise<DeploymentPlan | undefined> {
  const source = await findExtension(services.access, node.parent.cluster, node.extension.name ?? '');
  // A managed extension is its manager's to install: a copy would not be managed, nor wanted by it.
  ensureUserMayWrite(source ?? node.extension, node.parent.cluster);
  const template = source ?? node.extension;
  const intent = { name: template.name ?? '', extensionType: template.extensionType ?? '' };
  const title = vscode.l10n.t('Deploy {0} ({1})', intent.name, intent.extensionType);
  const subscriptions = (await services.access.listSubscriptions()).map(subscriptionNode);
  const answers: CopyAnswers = { clusters: [...given], protectedAnswer: { kind: 'none' } };
  const completed = await runSteps<CopyAnswers>(
    [
      {
        when: () => given.length === 0,
        async run(state, position) {
          const picked = await pickDeployClusters(services, subscriptions, { intent, exclude: node.parent.cluster.id, position });
          state.clusters = picked ?? [];
          return picked !== undefined;
        },
      },
      {
        when: () => acceptsProtectedSettings(intent.extensionType),
        async run(state, position) {
          const answer = await askSettings(services.prompter, { title, isProtected: true }, position);
          state.protectedAnswer = answer ?? state.protectedAnswer;
          return answer !== undefined;
        },
      },
      {
        async run(state, position) {
          const req = withProtectedSettings(requestFromExtension(template), state.protectedAnswer);
          // Its settings are as Azure stores them.
          const { errors, warnings } = checkRequest(req, undefined, { settingsForm: 'stored' });
          const targets = await checkTargets(services, state.clusters, req);
          state.plan = { req, ...targets };
          const reviewTitle = vscode.l10n.t('Deploy {0} ({1}) to {2}', req.name, req.extensionType, clusterCount(targets.ready.length));
          return confirmReview(services.prompter, { title: reviewTitle, ...deployReview(req, targets.ready, targets.skipped), warnings, errors }, position);
        },
      },
    ],
    answers,
  );
  return completed ? answers.plan : undefined;
}

/** A new extension: the create wizard, titled for the deployment, whose last step is the deployment's review. */
async function planNew(services: ExtensionServices, clusters: readonly ClusterModel[]): Promise<DeploymentPlan | undefined> {
  let targets: CheckedTargets | undefined;
  const req = await askCreateRequest(services, {
    title: vscode.l10n.t('Deploy an extension to {0}', clusterCount(clusters.length)),
    // The questions offer what the first cluster's catalog lists.
    cluster: clusters[0],
    where: clusters.length === 1 ? clusters[0].name : vscode.l10n.t('the {0}', clusterCount(clusters.length)),
    async review(answered) {
      // Checked again on every review: going Back may have changed the name or the type.
      targets = await checkTargets(services, clusters, answered);
      return deployReview(answered, targets.ready, targets.skipped);
    },
  });
  return req && targets && { req, ...targets };
}

async function planDeployment(services: ExtensionServices, arg: unknown, selection: unknown): Promise<DeploymentPlan | undefined> {
  const node = asTreeNode(arg);
  const fromTree = selectedClusters(arg, selection);
  if (node?.kind === 'extension') {
    return planCopy(services, node, fromTree.map((n) => n.cluster));
  }
  if (fromTree.length > 0) {
    return planNew(services, fromTree.map((n) => n.cluster));
  }
  const picked = await pickDeployClusters(services, [await resolveSubscriptionNode(arg, services)], {});
  return picked && planNew(services, picked);
}

/** Deploy to Clusters…: the same extension on many clusters, checked first, run with bounded concurrency, summarised. */
export function registerDeployToClusters(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerCommand(context, services, 'aksClusterExtensions.deployToClusters', 'Deploy to clusters', async (arg?: unknown, selection?: unknown) => {
    const plan = await planDeployment(services, arg, selection);
    if (!plan) {
      return undefined;
    }
    const action = vscode.l10n.t('Deploy {0}', plan.req.name);
    let targets = plan.ready;
    let results: DeployResult[] = [...plan.skipped];
    for (;;) {
      const round = await deployAll(services, targets, plan.req);
      results = [...results.filter((r) => !targets.includes(r.cluster)), ...round];
      services.tree.refresh();
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: deploySummaryMarkdown(action, results) });
      await vscode.window.showTextDocument(document, { preview: false });
      const failed = round.filter((r) => r.outcome === 'failed').map((r) => r.cluster);
      const retry = vscode.l10n.t('Retry the Failed Ones');
      if (failed.length === 0 || (await services.prompter.notify('warning', vscode.l10n.t('{0}: {1} of {2} failed.', action, failed.length, clusterCount(round.length)), retry)) !== retry) {
        return results;
      }
      targets = failed;
    }
  });
}
