import * as vscode from 'vscode';
import type { AzureSubscription } from '@microsoft/vscode-azext-azureauth';
import type { ClusterModel } from '../azure/clusterModel';
import { displayVersion } from '../tree/extensionTreeItem';
import { stateIcon } from '../tree/extensionState';
import { type ClusterNode, clusterNode, type ExtensionNode, extensionNode, type SubscriptionNode, subscriptionNode, type TreeNode } from '../tree/treeNodes';
import { runSteps, type StepPosition } from '../ui/multiStep';
import { GoBackError, type PickItem } from '../ui/prompter';
import type { ExtensionServices } from './services';

/** The tree node a command was invoked on (context menu, inline action), if any. */
export function asTreeNode(arg: unknown): Exclude<TreeNode, { kind: 'message' }> | undefined {
  const kind = typeof arg === 'object' && arg !== null ? (arg as TreeNode).kind : undefined;
  return kind === 'subscription' || kind === 'cluster' || kind === 'extension' ? (arg as Exclude<TreeNode, { kind: 'message' }>) : undefined;
}

function isNode<K extends TreeNode['kind']>(arg: unknown, kind: K): arg is Extract<TreeNode, { kind: K }> {
  return typeof arg === 'object' && arg !== null && (arg as TreeNode).kind === kind;
}

/** What the palette asks, step by step: a subscription, then a cluster, then an extension, as far as the command needs. */
interface PaletteAnswers {
  subscription?: SubscriptionNode;
  cluster?: ClusterNode;
  extension?: ExtensionNode;
}

type Depth = 'subscription' | 'cluster' | 'extension';

function titleOf(depth: Depth): string {
  switch (depth) {
    case 'subscription':
      return vscode.l10n.t('Select a subscription');
    case 'cluster':
      return vscode.l10n.t('Select an AKS cluster');
    case 'extension':
      return vscode.l10n.t('Select an extension');
  }
}

/** The options of one palette step: its question, a placeholder, the counter and Back. */
function pickOptions(depth: Depth, placeHolder: string, position: StepPosition): { title: string; placeHolder: string } & StepPosition {
  return { title: titleOf(depth), placeHolder, ...position };
}

async function askSubscription(services: ExtensionServices, state: PaletteAnswers, position: StepPosition): Promise<boolean> {
  const subscriptions = await services.access.listSubscriptions();
  const items: PickItem<AzureSubscription>[] = subscriptions.map((s) => ({ label: s.name, description: s.subscriptionId, value: s }));
  const picked = await services.prompter.pick(items, pickOptions('subscription', vscode.l10n.t('The subscription of the cluster (type to filter)'), position));
  state.subscription = picked && subscriptionNode(picked);
  return picked !== undefined;
}

async function askCluster(services: ExtensionServices, state: PaletteAnswers, position: StepPosition): Promise<boolean> {
  const parent = state.subscription as SubscriptionNode;
  const clusters = await services.access.listClusters(parent.subscription);
  if (clusters.length === 0) {
    void services.prompter.notify('info', vscode.l10n.t('{0} has no AKS clusters: choose another subscription.', parent.subscription.name));
    return askAgainOrCancel(position);
  }
  const items: PickItem<ClusterModel>[] = clusters.map((c) => ({ label: c.name, description: `${c.resourceGroup} · ${c.location}`, value: c }));
  const picked = await services.prompter.pick(items, pickOptions('cluster', vscode.l10n.t('The AKS cluster in {0} (type to filter by name, resource group or location)', parent.subscription.name), position));
  state.cluster = picked && clusterNode(parent, picked);
  return picked !== undefined;
}

async function askExtension(services: ExtensionServices, state: PaletteAnswers, position: StepPosition): Promise<boolean> {
  const parent = state.cluster as ClusterNode;
  const extensions = await services.access.listExtensions(parent.cluster);
  if (extensions.length === 0) {
    void services.prompter.notify('info', vscode.l10n.t('{0} has no extensions: choose another cluster.', parent.cluster.name));
    return askAgainOrCancel(position);
  }
  const picked = await services.prompter.pick(
    extensions.map((e) => ({ label: e.name ?? '', description: `${e.extensionType ?? ''} · ${displayVersion(e)} · ${e.provisioningState ?? ''}`, value: e })),
    pickOptions('extension', vscode.l10n.t('The extension on {0}', parent.cluster.name), position),
  );
  state.extension = picked && extensionNode(parent, picked);
  return picked !== undefined;
}

/** An empty list: back to the previous step when there is one (as if the user pressed Back), else the command ends. */
function askAgainOrCancel(position: StepPosition): boolean {
  if (position.canGoBack) {
    throw new GoBackError();
  }
  return false;
}

/** Asks from the palette down to `depth`, starting below what the argument already gives; cancelling ends the command quietly. */
async function askPalette(services: ExtensionServices, arg: unknown, depth: Depth): Promise<PaletteAnswers> {
  const state: PaletteAnswers = {
    subscription: isNode(arg, 'subscription') ? arg : undefined,
    cluster: isNode(arg, 'cluster') ? arg : undefined,
  };
  const given = state.cluster ? 'cluster' : state.subscription ? 'subscription' : undefined;
  const wanted: Depth[] = depth === 'subscription' ? ['subscription'] : depth === 'cluster' ? ['subscription', 'cluster'] : ['subscription', 'cluster', 'extension'];
  const skip = given === 'cluster' ? 2 : given === 'subscription' ? 1 : 0;
  const ask = { subscription: askSubscription, cluster: askCluster, extension: askExtension };
  const completed = await runSteps<PaletteAnswers>(
    wanted.slice(skip).map((d) => ({ run: (s, position) => ask[d](services, s, position) })),
    state,
  );
  if (!completed) {
    throw new vscode.CancellationError();
  }
  return state;
}

/** The subscription the command was run on, or one the user picks (from the palette). */
export async function resolveSubscriptionNode(arg: unknown, services: ExtensionServices): Promise<SubscriptionNode> {
  return isNode(arg, 'subscription') ? arg : ((await askPalette(services, arg, 'subscription')).subscription as SubscriptionNode);
}

/** The cluster the command was run on, or one the user picks. */
export async function resolveClusterNode(arg: unknown, services: ExtensionServices): Promise<ClusterNode> {
  return isNode(arg, 'cluster') ? arg : ((await askPalette(services, arg, 'cluster')).cluster as ClusterNode);
}

/**
 * What a keybinding on the tree passes (package.json `keybindings` args): act on the selected row. The API tells
 * extensions the selection, not the focused row (TreeView.activeItem is still a proposal), and arrow keys move only the
 * focus, so the keybinding first selects the focused row (list.selectAndPreserveFocus, which also shows it, as Enter does).
 */
const FROM_SELECTION = 'selection';

/** The extension row selected in the tree, when a keybinding asked for it; a key on another row does nothing. */
function selectedExtension(arg: unknown, services: ExtensionServices): ExtensionNode | undefined {
  if (typeof arg !== 'object' || arg === null || (arg as { from?: unknown }).from !== FROM_SELECTION) {
    return undefined;
  }
  const selected = services.view.selection.find((n): n is ExtensionNode => n.kind === 'extension');
  if (!selected) {
    throw new vscode.CancellationError();
  }
  return selected;
}

/**
 * Up to this many clusters the palette offers every extension in one list: their lists are usually read already for the
 * tree. Beyond it, reading them all would keep the user waiting, so subscription and cluster are asked first.
 */
const FLAT_PICK_MAX_CLUSTERS = 60;

/** The extension rows of every cluster of the selected subscriptions; undefined when there are too many clusters to read. */
async function everyExtension(services: ExtensionServices): Promise<ExtensionNode[] | undefined> {
  const subscriptions = (await services.access.listSubscriptions()).map(subscriptionNode);
  const clusters = (await Promise.all(subscriptions.map(async (s) => (await services.access.listClusters(s.subscription)).map((c) => clusterNode(s, c))))).flat();
  if (clusters.length > FLAT_PICK_MAX_CLUSTERS) {
    return undefined;
  }
  const perCluster = await Promise.all(
    // A service-principal cluster can hold no extensions: the tree says why instead of listing them.
    clusters.filter((c) => c.cluster.hasManagedIdentity).map((c) =>
      services.access.listExtensions(c.cluster).then(
        (extensions) => extensions.map((e) => extensionNode(c, e)),
        (err: unknown) => {
          // The tree shows this cluster's error row; the list offers what could be read.
          services.log.warn(`Extensions of ${c.cluster.name} not listed in the picker: ${err instanceof Error ? err.message : String(err)}`);
          return [];
        },
      ),
    ),
  );
  return perCluster.flat();
}

/** One list of every extension, cluster and subscription in each row, so typing a name, cluster or type finds it. */
async function pickAnyExtension(services: ExtensionServices): Promise<ExtensionNode | undefined | 'steps'> {
  const rows = await everyExtension(services);
  if (rows === undefined) {
    return 'steps';
  }
  if (rows.length === 0) {
    void services.prompter.notify('info', vscode.l10n.t('The selected subscriptions have no extensions on their AKS clusters.'));
    return undefined;
  }
  // The state as the tree shows it (icon, and its name unless Succeeded) comes before type and version, which a
  // narrow list may cut.
  const state = (n: ExtensionNode): string[] => (n.extension.provisioningState && n.extension.provisioningState !== 'Succeeded' ? [n.extension.provisioningState] : []);
  return services.prompter.pick(
    rows.map((n) => ({
      label: `$(${stateIcon(n.extension.provisioningState).id}) ${n.extension.name ?? ''}`,
      description: [n.parent.cluster.name, n.parent.parent.subscription.name, ...state(n), n.extension.extensionType ?? '', displayVersion(n.extension)].join(' · '),
      value: n,
    })),
    { title: titleOf('extension'), placeHolder: vscode.l10n.t('Type to filter by name, cluster, subscription or type') },
  );
}

/**
 * The extension instance the command was run on (a row, or the selected row for a key), or one the user picks: from
 * the palette in one list of all of them, from a subscription or cluster step by step below it.
 */
export async function resolveExtensionNode(arg: unknown, services: ExtensionServices): Promise<ExtensionNode> {
  if (isNode(arg, 'extension')) {
    return arg;
  }
  const selected = selectedExtension(arg, services);
  if (selected) {
    return selected;
  }
  const picked = asTreeNode(arg) === undefined ? await pickAnyExtension(services) : 'steps';
  if (picked === undefined) {
    throw new vscode.CancellationError();
  }
  return picked === 'steps' ? ((await askPalette(services, arg, 'extension')).extension as ExtensionNode) : picked;
}
