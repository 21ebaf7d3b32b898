import { isDeepStrictEqual } from 'node:util';
import type { Extension } from '../azure/extensionModel';
import * as vscode from 'vscode';
import type { AzureAccess } from '../azure/azureAccess';
import { describeAzureError } from '../azure/azureErrorMessage';
import { clusterBlocker } from '../azure/clusterModel';
import type { FleetInventory } from '../fleet/fleetInventory';
import { toArmExtension } from '../fleet/fleetModel';
import { clusterTreeItem } from './clusterTreeItem';
import { isRunningState, runningSinceEstimate, stallReason } from '../azure/provisioningState';
import { extensionTreeItem } from './extensionTreeItem';
import { messageTreeItem } from './messageTreeItem';
import { RunningStateWatcher } from './runningStateWatcher';
import { subscriptionTreeItem } from './subscriptionTreeItem';
import {
  type ClusterNode,
  clusterNode,
  type ExtensionNode,
  extensionNode,
  type MessageNode,
  messageNode,
  type SubscriptionNode,
  subscriptionNode,
  type TreeNode,
} from './treeNodes';

/** Up to this many clusters in a subscription, expanding it lists each one's extensions ahead; above, the fleet inventory serves. */
const PREFETCH_AT_MOST = 20;

/**
 * Subscriptions > AKS clusters > extension instances. At scale a cluster's rows come at once from the fleet inventory
 * (Resource Graph), and are confirmed from Resource Manager in the background; a cluster refreshed, watched or already
 * confirmed is read from Resource Manager.
 */
export class AksTreeDataProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly watcher: RunningStateWatcher;
  /**
   * The node objects the view holds, by id: VS Code redraws only an element it handed out itself, so a refresh with an
   * equal node built elsewhere (a command's, or a stale one) is mapped to the view's own.
   */
  private readonly shown = new Map<string, TreeNode>();
  /** Clusters (lower-case ids) whose rows come from Resource Manager, not the inventory. */
  private readonly fromResourceManager = new Set<string>();
  /** Subscriptions (lower-case ids) with more than PREFETCH_AT_MOST clusters, whose rows the inventory serves first. */
  private readonly atScale = new Set<string>();
  /** The extension rows last handed to the view per cluster id: a poll compares Azure's answer with them. */
  private readonly shownRows = new Map<string, ExtensionNode[]>();
  /** Extension ids seen idle in this session: a later running state is an operation that started since. */
  private readonly seenIdle = new Set<string>();

  constructor(
    private readonly access: AzureAccess,
    private readonly log: vscode.LogOutputChannel,
    pollIntervalMs: () => number,
    private readonly inventory?: FleetInventory,
  ) {
    this.watcher = new RunningStateWatcher(pollIntervalMs, (node) => void this.pollCluster(node));
  }

  dispose(): void {
    this.watcher.dispose();
    this.changed.dispose();
  }

  /** Refetches under a node (or everything) and redraws just that part of the tree. */
  refresh(node?: TreeNode): void {
    const target = node?.kind === 'message' || node?.kind === 'extension' ? node.parent : node;
    this.access.invalidate(target?.id);
    if (target?.kind === 'cluster') {
      this.fromResourceManager.add(target.id.toLowerCase());
    } else if (!target) {
      this.fromResourceManager.clear();
      this.inventory?.refresh();
    }
    // A node the view has not shown (yet) has nothing on screen to redraw but what is above it: redraw everything.
    this.changed.fire(target && this.shown.get(target.id));
  }

  /**
   * Re-reads a cluster whose operations run and redraws only the rows whose content changed, so the rest of the tree
   * (and a tooltip open on it) holds still; a row added or removed redraws the cluster.
   */
  async pollCluster(node: ClusterNode): Promise<void> {
    const viewNode = this.shown.get(node.id) ?? node;
    const rows = this.shownRows.get(node.id) ?? [];
    this.access.invalidate(node.id);
    let fresh: Extension[];
    try {
      fresh = await this.access.listExtensions(node.cluster);
      this.fromResourceManager.add(node.id.toLowerCase());
      this.inventory?.confirm(node.cluster, fresh);
    } catch {
      // The error row and its retry come from a full read of the cluster.
      this.changed.fire(viewNode);
      return;
    }
    if (fresh.length !== rows.length || fresh.some((e, i) => e.id !== rows[i].extension.id)) {
      this.changed.fire(viewNode);
      return;
    }
    rows.forEach((row, i) => {
      if (!isDeepStrictEqual(row.extension, fresh[i])) {
        row.extension = fresh[i];
        this.noteRunning(row);
        this.changed.fire(row);
      }
    });
    this.watchRunning(node, rows);
  }

  /** Keeps a row's running-since estimate: set when it is first seen running, cleared once it ends. */
  private noteRunning(row: ExtensionNode): void {
    const now = Date.now();
    if (!isRunningState(row.extension.provisioningState)) {
      this.seenIdle.add(row.id);
      row.runningSince = undefined;
    } else if (!row.runningSince) {
      const modified = row.extension.systemData?.lastModifiedAt;
      row.runningSince = runningSinceEstimate(this.seenIdle.has(row.id), modified ? new Date(modified) : undefined, now);
    }
  }

  /** Watches the cluster while a row runs that may still end by itself; rows that will not are left alone. */
  private watchRunning(node: ClusterNode, rows: readonly ExtensionNode[]): void {
    const now = Date.now();
    const progressing = rows.some((r) => isRunningState(r.extension.provisioningState) && !stallReason(r.extension.provisioningState, node.cluster.powerState, r.runningSince, now));
    this.watcher.watch(node, progressing);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'subscription':
        return subscriptionTreeItem(node);
      case 'cluster':
        return clusterTreeItem(node);
      case 'extension':
        return extensionTreeItem(node);
      case 'message':
        return messageTreeItem(node);
    }
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.kind === 'subscription' ? undefined : node.parent;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    const children = await this.loadChildren(node);
    children.forEach((child) => this.shown.set(child.id, child));
    return children;
  }

  private async loadChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) {
      return this.guard(undefined, 'Listing subscriptions', () => this.rootChildren());
    }
    switch (node.kind) {
      case 'subscription':
        return this.guard(node, 'Listing AKS clusters', () => this.clusterChildren(node));
      case 'cluster':
        return this.guard(node, 'Listing extensions', () => this.extensionChildren(node));
      default:
        return [];
    }
  }

  private async rootChildren(): Promise<TreeNode[]> {
    const signedIn = await this.access.provider.isSignedIn();
    await vscode.commands.executeCommand('setContext', 'aksClusterExtensions.signedIn', signedIn);
    if (!signedIn) {
      return [];
    }
    const subscriptions = await this.access.listSubscriptions();
    await vscode.commands.executeCommand('setContext', 'aksClusterExtensions.hasSubscriptions', subscriptions.length > 0);
    return subscriptions.map(subscriptionNode);
  }

  private async clusterChildren(node: SubscriptionNode): Promise<TreeNode[]> {
    const clusters = await this.access.listClusters(node.subscription);
    if (clusters.length === 0) {
      return [messageNode(node, 'empty', { label: vscode.l10n.t('No AKS clusters in this subscription'), severity: 'info', retry: false })];
    }
    if (clusters.length <= PREFETCH_AT_MOST || !this.inventory) {
      this.atScale.delete(node.id.toLowerCase());
      // Fetch every capable cluster's extensions now, in parallel under the bound, so expanding a cluster is instant.
      this.access.prefetchExtensions(clusters.filter((c) => c.hasManagedIdentity));
    } else {
      // One inventory query instead of a request per cluster (which would exhaust Resource Manager's read budget).
      this.atScale.add(node.id.toLowerCase());
      this.inventory.load({ graphOnly: true }).catch(() => undefined);
    }
    return clusters.map((c) => clusterNode(node, c));
  }

  private async extensionChildren(node: ClusterNode): Promise<TreeNode[]> {
    const blocker = clusterBlocker(node.cluster);
    if (blocker && !node.cluster.hasManagedIdentity) {
      return [messageNode(node, 'blocked', { label: blocker.reason, tooltip: blocker.fix, severity: 'warning', retry: false })];
    }
    const extensions = await this.extensionsOf(node);
    const extensionRows = this.keepRowIdentity(node, extensions);
    const rows: TreeNode[] = [...extensionRows];
    if (blocker) {
      rows.unshift(messageNode(node, 'blocked', { label: blocker.reason, tooltip: blocker.fix, severity: 'warning', retry: false }));
    }
    if (extensions.length === 0) {
      rows.push(messageNode(node, 'empty', { label: vscode.l10n.t('No extensions on this cluster'), severity: 'info', retry: false }));
    }
    this.watchRunning(node, extensionRows);
    return rows;
  }

  /**
   * The rows of a cluster, reusing the object of a row already handed out (updated in place): the view and every
   * command then hold the same object per extension, so a poll's redraw of that object reaches the view.
   */
  private keepRowIdentity(node: ClusterNode, extensions: readonly Extension[]): ExtensionNode[] {
    const previous = new Map((this.shownRows.get(node.id) ?? []).map((row) => [row.id, row]));
    const rows = extensions.map((e) => {
      const fresh = extensionNode(node, e);
      const row = previous.get(fresh.id) ?? fresh;
      row.parent = node;
      row.extension = e;
      this.noteRunning(row);
      return row;
    });
    this.shownRows.set(node.id, rows);
    return rows;
  }

  /**
   * In a subscription at scale, from the inventory at once (confirmed in the background) if it knows the cluster; else,
   * and once refreshed or confirmed, from Resource Manager.
   */
  private async extensionsOf(node: ClusterNode): Promise<Extension[]> {
    const key = node.id.toLowerCase();
    const fromInventory = this.atScale.has(node.parent.id.toLowerCase()) && !this.fromResourceManager.has(key);
    const known = fromInventory ? this.inventory?.extensionsOf(node.cluster.id) : undefined;
    if (known) {
      this.confirmInBackground(node);
      return known.map(toArmExtension).sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
    }
    const extensions = await this.access.listExtensions(node.cluster);
    this.fromResourceManager.add(key);
    this.inventory?.confirm(node.cluster, extensions);
    return extensions;
  }

  /** Reads the cluster from Resource Manager and redraws it (a failure shows as the error row on that redraw). */
  private confirmInBackground(node: ClusterNode): void {
    const redraw = (): void => {
      this.fromResourceManager.add(node.id.toLowerCase());
      this.changed.fire(this.shown.get(node.id));
    };
    this.access.listExtensions(node.cluster).then(redraw, redraw);
  }

  /** A failed request becomes one error row with its reason and a retry, never an empty tree. */
  private async guard(parent: SubscriptionNode | ClusterNode | undefined, action: string, load: () => Promise<TreeNode[]>): Promise<TreeNode[]> {
    try {
      return await load();
    } catch (err) {
      const described = describeAzureError(err, action);
      this.log.error(described.detail);
      const row: MessageNode = messageNode(parent, 'error', {
        label: described.message,
        tooltip: vscode.l10n.t('{0} Click to retry.', described.message),
        severity: 'error',
        retry: true,
      });
      return [row];
    }
  }

  /** The extension rows currently known under a cluster (for commands that act on a cluster's extensions). */
  async extensionNodesOf(node: ClusterNode): Promise<ExtensionNode[]> {
    return (await this.getChildren(node)).filter((n): n is ExtensionNode => n.kind === 'extension');
  }
}
