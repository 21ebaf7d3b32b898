/*
 * The fleet inventory shared by the fleet view and the tree. It is read with one Resource Graph query over all selected
 * subscriptions (a few pages), or, when Resource Graph refuses or fails (403, a cloud without it), by listing each
 * cluster from Resource Manager under the existing bound — said once, then it keeps working that way.
 * Resource Graph lags behind Resource Manager, so whatever was read from Resource Manager since (a cluster the tree
 * expanded, a change a command just made, a running operation the tree watches) replaces that cluster's rows.
 */
import type { Extension } from '../azure/extensionModel';
import type { AzureSubscription } from '@microsoft/vscode-azext-azureauth';
import type { AzureAccess } from '../azure/azureAccess';
import type { ClusterModel } from '../azure/clusterModel';
import type { GraphInventory } from '../azure/resourceGraphInventory';
import { type FleetExtension, type FleetSnapshot, fromArmExtension, fromInventoryRows } from './fleetModel';

/** How long a cluster read from Resource Manager outranks Resource Graph after a reload (Resource Graph's usual lag). */
const CONFIRMATION_OUTLIVES_RELOAD_MS = 5 * 60_000;

/** Runs the inventory query for the subscriptions of one tenant and cloud. */
export type GraphQuery = (subscriptions: readonly AzureSubscription[]) => Promise<GraphInventory>;

export interface FleetInventoryHooks {
  /** Resource Graph could not be used; called once per session with the reason. */
  onFallback(reason: unknown): void;
}

interface Confirmation {
  readonly at: number;
  readonly extensions: FleetExtension[];
}

export class FleetInventory {
  private loading: Promise<FleetSnapshot> | undefined;
  private latest: FleetSnapshot | undefined;
  private merged: FleetSnapshot | undefined;
  private readonly confirmed = new Map<string, Confirmation>();
  private graphUnavailable = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly access: AzureAccess,
    private readonly graphQuery: GraphQuery,
    private readonly hooks: FleetInventoryHooks,
  ) {}

  /**
   * The inventory, read once and then remembered until refresh(). With `graphOnly` (the tree, which can list a cluster
   * when it is expanded), a Resource Graph failure rejects instead of listing every cluster.
   */
  load(options: { graphOnly?: boolean } = {}): Promise<FleetSnapshot> {
    if (options.graphOnly && this.graphUnavailable && !this.loading) {
      return Promise.reject(new Error('Resource Graph is not available.'));
    }
    this.loading ??= this.read(options.graphOnly === true).then(
      (snapshot) => {
        this.latest = snapshot;
        this.merged = undefined;
        this.notify();
        return this.current() as FleetSnapshot;
      },
      (error: unknown) => {
        this.loading = undefined; // a failed read is not remembered: the next load tries again
        throw error;
      },
    );
    return this.loading;
  }

  /** Forgets the inventory (recent confirmations from Resource Manager stay: Resource Graph may not have them yet). */
  refresh(): void {
    this.loading = undefined;
    this.latest = undefined;
    this.merged = undefined;
    const now = Date.now();
    for (const [key, confirmation] of this.confirmed) {
      if (now - confirmation.at > CONFIRMATION_OUTLIVES_RELOAD_MS) {
        this.confirmed.delete(key);
      }
    }
    this.notify();
  }

  /** The last inventory read, with what Resource Manager said since; undefined before the first load ends. */
  current(): FleetSnapshot | undefined {
    if (!this.latest) {
      return undefined;
    }
    this.merged ??= this.withConfirmations(this.latest);
    return this.merged;
  }

  /** A cluster's extensions as the inventory knows them, or undefined if it does not know the cluster. */
  extensionsOf(clusterId: string): FleetExtension[] | undefined {
    const confirmation = this.confirmed.get(clusterId.toLowerCase());
    if (confirmation) {
      return confirmation.extensions;
    }
    const snapshot = this.latest;
    if (!snapshot || !snapshot.clusters.some((c) => c.id.toLowerCase() === clusterId.toLowerCase())) {
      return undefined;
    }
    return snapshot.extensions.filter((e) => e.clusterId.toLowerCase() === clusterId.toLowerCase());
  }

  /** Records what Resource Manager just returned for a cluster; it wins over Resource Graph's rows. */
  confirm(cluster: ClusterModel, extensions: readonly Extension[]): void {
    this.confirmed.set(cluster.id.toLowerCase(), { at: Date.now(), extensions: extensions.map((e) => fromArmExtension(cluster.id, e)) });
    this.merged = undefined;
    this.notify();
  }

  /** Called whenever the inventory or a confirmation changes. */
  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private notify(): void {
    for (const listener of this.listeners) {
      listener();
    }
  }

  private withConfirmations(snapshot: FleetSnapshot): FleetSnapshot {
    if (this.confirmed.size === 0) {
      return snapshot;
    }
    const known = new Set(snapshot.clusters.map((c) => c.id.toLowerCase()));
    const extensions = snapshot.extensions.filter((e) => !this.confirmed.has(e.clusterId.toLowerCase()));
    for (const [key, confirmation] of this.confirmed) {
      if (known.has(key)) {
        extensions.push(...confirmation.extensions);
      }
    }
    return { ...snapshot, extensions };
  }

  private async read(graphOnly: boolean): Promise<FleetSnapshot> {
    const subscriptions = await this.access.listSubscriptions();
    if (!this.graphUnavailable) {
      try {
        return await this.readFromGraph(subscriptions);
      } catch (error) {
        // Two reads can overlap (a refresh during a read): the first to fail says it.
        if (!this.graphUnavailable) {
          this.graphUnavailable = true;
          this.hooks.onFallback(error);
        }
        if (graphOnly) {
          throw error;
        }
      }
    }
    return this.readPerCluster(subscriptions);
  }

  private async readFromGraph(subscriptions: readonly AzureSubscription[]): Promise<FleetSnapshot> {
    const asOf = new Date();
    // One query per tenant and cloud: each has its own credential and endpoint.
    const groups = new Map<string, AzureSubscription[]>();
    for (const s of subscriptions) {
      const key = `${s.tenantId}|${s.environment.resourceManagerEndpointUrl}`;
      groups.set(key, [...(groups.get(key) ?? []), s]); // a handful of tenants: copying is cheap
    }
    const answers = await Promise.all([...groups.values()].map((group) => this.graphQuery(group)));
    const { clusters, extensions } = fromInventoryRows(answers.flatMap((a) => a.rows));
    return { clusters, extensions, asOf, source: 'resourceGraph', roundTrips: answers.reduce((sum, a) => sum + a.roundTrips, 0) };
  }

  /** Every cluster's extensions from Resource Manager, under the listing bound (the tree's own cached lists). */
  private async readPerCluster(subscriptions: readonly AzureSubscription[]): Promise<FleetSnapshot> {
    const asOf = new Date();
    const clusters = (await Promise.all(subscriptions.map((s) => this.access.listClusters(s)))).flat();
    const capable = clusters.filter((c) => c.hasManagedIdentity);
    const lists = await Promise.all(capable.map((c) => this.access.listExtensions(c).then((list) => list.map((e) => fromArmExtension(c.id, e)), () => undefined)));
    // A cluster that could not be read is left out and named, never shown as one without extensions.
    const unreadable = capable.filter((_, i) => lists[i] === undefined);
    const read = clusters.filter((c) => !unreadable.includes(c));
    return { clusters: read, extensions: lists.flatMap((l) => l ?? []), asOf, source: 'perCluster', roundTrips: subscriptions.length + capable.length, unreadable };
  }
}
