import * as vscode from 'vscode';
import { describeAzureError } from '../azure/azureErrorMessage';
import { type FleetTypeGroup, groupFleet } from '../fleet/fleetBuckets';
import { applyFilter, type FleetFilter, isFiltering } from '../fleet/fleetFilter';
import type { FleetInventory } from '../fleet/fleetInventory';
import type { FleetSnapshot } from '../fleet/fleetModel';
import { type FleetInfoNode, type FleetNode, fleetBucketNode, fleetMemberNode, fleetTypeNode } from './fleetNodes';
import { fleetTreeItem } from './fleetTreeItems';

/** Changes (a confirmation from the tree, a command's refresh) arriving together redraw once. */
const REDRAW_DELAY_MS = 300;

const count = (n: number): string => n.toLocaleString('en-US');

/**
 * The fleet view: extension type > version or state > clusters, from the fleet inventory, under the user's filter.
 * It reads the inventory when first shown; Refresh reads it again.
 */
export class FleetTreeDataProvider implements vscode.TreeDataProvider<FleetNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<FleetNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly filterChanged = new vscode.EventEmitter<FleetFilter>();
  /** Fires with the new filter, so the view can say what it hides. */
  readonly onDidChangeFilter = this.filterChanged.event;
  private filterValue: FleetFilter = {};
  private groupsCache: { snapshot: FleetSnapshot; filter: FleetFilter; groups: FleetTypeGroup[] } | undefined;
  private redrawTimer: NodeJS.Timeout | undefined;
  private readonly subscription: { dispose(): void };

  constructor(
    private readonly inventory: FleetInventory,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscription = inventory.onDidChange(() => this.scheduleRedraw());
  }

  dispose(): void {
    clearTimeout(this.redrawTimer);
    this.subscription.dispose();
    this.changed.dispose();
    this.filterChanged.dispose();
  }

  get filter(): FleetFilter {
    return this.filterValue;
  }

  /** Applies a new filter (and search) and redraws. */
  setFilter(filter: FleetFilter): void {
    this.filterValue = filter;
    void vscode.commands.executeCommand('setContext', 'aksClusterExtensions.fleetFiltered', isFiltering(filter));
    this.filterChanged.fire(filter);
    this.changed.fire(undefined);
  }

  /** Reads the inventory again. */
  refresh(): void {
    this.inventory.refresh();
  }

  /** The type groups as shown now (after the filter), reading the inventory if needed. */
  async groups(): Promise<{ snapshot: FleetSnapshot; groups: FleetTypeGroup[] }> {
    const snapshot = this.inventory.current() ?? (await this.inventory.load());
    if (this.groupsCache?.snapshot !== snapshot || this.groupsCache.filter !== this.filterValue) {
      const kept = applyFilter(snapshot, this.filterValue);
      this.groupsCache = { snapshot, filter: this.filterValue, groups: groupFleet(kept.clusters, kept.extensions) };
    }
    return { snapshot, groups: this.groupsCache.groups };
  }

  getTreeItem(node: FleetNode): vscode.TreeItem {
    return fleetTreeItem(node);
  }

  getParent(node: FleetNode): FleetNode | undefined {
    return node.kind === 'fleetBucket' || node.kind === 'fleetMember' ? node.parent : undefined;
  }

  async getChildren(node?: FleetNode): Promise<FleetNode[]> {
    if (!node) {
      return this.rootChildren();
    }
    switch (node.kind) {
      case 'fleetType':
        return node.group.buckets.map((b) => fleetBucketNode(node, b));
      case 'fleetBucket':
        return node.bucket.members.map((m) => fleetMemberNode(node, m));
      default:
        return [];
    }
  }

  private async rootChildren(): Promise<FleetNode[]> {
    try {
      const { snapshot, groups } = await this.groups();
      return [this.infoNode(snapshot), ...groups.map(fleetTypeNode)];
    } catch (err) {
      const described = describeAzureError(err, vscode.l10n.t('Reading the fleet inventory'));
      this.log.error(described.detail);
      return [{ kind: 'fleetInfo', id: 'fleet:info', label: described.message, tooltip: vscode.l10n.t('{0} Click to retry.', described.message), severity: 'error', retry: true }];
    }
  }

  private infoNode(snapshot: FleetSnapshot): FleetInfoNode {
    const time = snapshot.asOf.toLocaleTimeString();
    const kept = applyFilter(snapshot, this.filterValue).clusters.length;
    const shown = isFiltering(this.filterValue) ? vscode.l10n.t('{0} of {1} clusters', count(kept), count(snapshot.clusters.length)) : vscode.l10n.t('{0} clusters', count(snapshot.clusters.length));
    const source = snapshot.source === 'resourceGraph' ? vscode.l10n.t('Resource Graph') : vscode.l10n.t('listed per cluster');
    const unreadable = snapshot.unreadable?.length ?? 0;
    const label = unreadable > 0
      ? vscode.l10n.t('As of {0} · {1} · {2} · {3} could not be read', time, source, shown, count(unreadable))
      : vscode.l10n.t('As of {0} · {1} · {2}', time, source, shown);
    const tooltip = snapshot.source === 'resourceGraph'
      ? vscode.l10n.t('Read from Azure Resource Graph at {0}. Resource Graph can lag behind by a few minutes; clusters you expanded, changed or watch in the Clusters view show what Resource Manager says.', snapshot.asOf.toLocaleString())
      : vscode.l10n.t('Resource Graph was not available, so each cluster was listed from Resource Manager at {0}.', snapshot.asOf.toLocaleString());
    return { kind: 'fleetInfo', id: 'fleet:info', label, tooltip, severity: unreadable > 0 ? 'warning' : 'info', retry: false };
  }

  private scheduleRedraw(): void {
    clearTimeout(this.redrawTimer);
    this.redrawTimer = setTimeout(() => this.changed.fire(undefined), REDRAW_DELAY_MS);
  }
}
