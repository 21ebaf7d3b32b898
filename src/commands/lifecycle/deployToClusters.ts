import * as vscode from 'vscode';
import type { ClusterModel } from '../../azure/clusterModel';
import { requestFromExtension } from '../../lifecycle/extensionBody';
import { newRolloutRecord, type RolloutOptions, type RolloutTarget } from '../../rollout/rolloutRecord';
import { acceptsProtectedSettings, type ExtensionRequest } from '../../shared';
import { runSteps, type StepPosition } from '../../ui/multiStep';
import { type ClusterNode, type ExtensionNode, subscriptionNode } from '../../tree/treeNodes';
import { asTreeNode, resolveSubscriptionNode } from '../nodePickers';
import { registerCommand } from '../registerCommand';
import type { ExtensionServices } from '../services';
import { findExtension } from '../../azure/extensionOperations';
import { ensureUserMayWrite } from './clusterChecks';
import { askCreateRequest, type CreatePreset } from './createWizard';
import { checkTarget, deployReview, installIntent, pickDeployClusters, pickTypeAndClusters } from './deployTargets';
import { withProtectedSettings } from './recreateExtension';
import { confirmReview } from './reviewStep';
import { checkRequest } from './sendCreate';
import { askSettings, type SettingsAnswer } from './settingsQuestions';
import { defaultRolloutOptions, rolloutAdjustments } from '../rollout/rolloutOptionsReview';
import { rolloutOutcomes, rolloutUntilDone } from '../rollout/rolloutRunner';
import { clusterCount } from '../../ui/counts';

/** Checks each cluster before anything is sent (the picker's check, now): the clusters to send to, and those set aside with why. */
async function checkTargets(services: ExtensionServices, clusters: readonly ClusterModel[], req: ExtensionRequest): Promise<{ ready: ClusterModel[]; skipped: RolloutTarget[] }> {
  const checked = await Promise.all(clusters.map((cluster) => checkTarget(services, cluster, installIntent(req))));
  return {
    ready: checked.filter((c) => c.state === undefined).map((c) => c.cluster),
    skipped: checked.flatMap((c) => (c.state === undefined ? [] : [{ cluster: c.cluster, state: c.state, message: c.message }])),
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
  /** The canary and failure threshold, as the review left them. */
  readonly options: RolloutOptions;
}

/** The answers of a copy: the clusters picked and the protected settings (Azure never returns the stored ones). */
interface CopyAnswers {
  clusters: ClusterModel[];
  protectedAnswer: SettingsAnswer;
  options: RolloutOptions;
  plan?: CheckedTargets & { readonly req: ExtensionRequest };
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
  const intent = installIntent(requestFromExtension(template));
  const title = vscode.l10n.t('Deploy {0} ({1})', intent.name, intent.extensionType);
  const subscriptions = (await services.access.listSubscriptions()).map(subscriptionNode);
  const answers: CopyAnswers = { clusters: [...given], protectedAnswer: { kind: 'none' }, options: defaultRolloutOptions() };
  const completed = await runSteps<CopyAnswers>(
    [
      {
        when: () => given.length === 0,
        async run(state, position) {
          const picked = await pickDeployClusters(services, subscriptions, { intent, exclude: node.parent.cluster.id, position, picked: state.clusters });
          state.clusters = picked ?? state.clusters;
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
          const adjustments = rolloutAdjustments(services.prompter, state, targets.ready.length);
          return confirmReview(services.prompter, { title: reviewTitle, ...deployReview(req, targets.ready, targets.skipped), adjustments, warnings, errors }, position);
        },
      },
    ],
    answers,
  );
  return completed && answers.plan ? { ...answers.plan, options: answers.options } : undefined;
}

/**
 * A new extension: the create wizard, titled for the deployment, whose last step is the deployment's review; `within`
 * when it continues the type and cluster questions.
 */
async function planNew(services: ExtensionServices, clusters: readonly ClusterModel[], preset: CreatePreset = {}, within?: StepPosition): Promise<DeploymentPlan | undefined> {
  let targets: CheckedTargets | undefined;
  const choices = { options: defaultRolloutOptions() };
  const req = await askCreateRequest(services, {
    title: vscode.l10n.t('Deploy an extension to {0}', clusterCount(clusters.length)),
    // The questions offer what the first cluster's catalog lists.
    cluster: clusters[0],
    where: clusters.length === 1 ? clusters[0].name : vscode.l10n.t('the {0}', clusterCount(clusters.length)),
    async review(answered) {
      // Checked again on every review: going Back may have changed the name or the type.
      targets = await checkTargets(services, clusters, answered);
      return { ...deployReview(answered, targets.ready, targets.skipped), adjustments: rolloutAdjustments(services.prompter, choices, targets.ready.length) };
    },
  }, preset, within);
  return req && targets && { req, ...targets, options: choices.options };
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
  return pickTypeAndClusters(services, await resolveSubscriptionNode(arg, services), (typed, position) =>
    planNew(services, typed.clusters, { extensionType: typed.extensionType }, position),
  );
}

/** Deploy to Clusters…: the same extension on many clusters, checked first, rolled out within Azure's budgets, summarised. */
export function registerDeployToClusters(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerCommand(context, services, 'aksClusterExtensions.deployToClusters', 'Deploy to clusters', async (arg?: unknown, selection?: unknown) => {
    const plan = await planDeployment(services, arg, selection);
    if (!plan) {
      return undefined;
    }
    const record = newRolloutRecord({
      title: vscode.l10n.t('Deploy {0}', plan.req.name),
      request: plan.req,
      action: { kind: 'create' },
      options: plan.options,
      targets: [...plan.ready.map((cluster): RolloutTarget => ({ cluster, state: 'pending', message: '' })), ...plan.skipped.map((s) => ({ ...s }))],
    });
    return rolloutOutcomes(await rolloutUntilDone(services, record, plan.req, 'start'));
  });
}
