import type { AzureSubscription, AzureSubscriptionProvider } from '@microsoft/vscode-azext-azureauth';
import { type ClusterModel, toClusterModel } from './clusterModel';
import { createLimiter, type Limiter } from './concurrency';
import type { Extension } from './extensionModel';
import type { CatalogType, CatalogVersion } from './extensionTypesCatalog';
import { PromiseCache } from './promiseCache';
import type { RequestLogger } from './requestLogPolicy';
import { createSubscriptionClients, type SubscriptionClients } from './subscriptionClients';

/** What the extension adds to plain access: the subscription filter and the request log. */
export interface AccessOptions {
  /** The chosen "tenantId/subscriptionId" entries; undefined shows every subscription. */
  readonly subscriptionFilter?: () => readonly string[] | undefined;
  /** Receives one line per ARM request (method, path, status, duration, ids). */
  readonly logRequest?: RequestLogger;
}

/**
 * Read access to Azure for the tree and the commands: subscriptions, clusters and extension instances,
 * with lists remembered until a refresh and extension lists fetched in parallel under a bound.
 */
export class AzureAccess {
  private readonly clients = new Map<string, SubscriptionClients>();
  private readonly clusterLists = new PromiseCache<ClusterModel[]>();
  private readonly extensionLists = new PromiseCache<Extension[]>();
  /** Azure's extension-types catalog per subscription, and type versions per region: shared by create and deploy. */
  readonly catalogTypes = new PromiseCache<CatalogType[]>();
  readonly catalogVersions = new PromiseCache<CatalogVersion[]>();
  private readonly subscriptions = new Map<string, AzureSubscription>();
  readonly limit: Limiter;

  constructor(
    readonly provider: AzureSubscriptionProvider,
    private readonly caPem: string | undefined,
    listConcurrency: () => number,
    private readonly options: AccessOptions = {},
  ) {
    this.limit = createLimiter(listConcurrency);
  }

  /** Subscriptions the user selected (the subscription filter; none when the user chose none). */
  async listSubscriptions(): Promise<AzureSubscription[]> {
    const filter = this.options.subscriptionFilter?.();
    const all = await this.provider.getSubscriptions(false);
    const subscriptions = filter === undefined ? all : all.filter((s) => filter.includes(`${s.tenantId}/${s.subscriptionId}`));
    for (const s of subscriptions) {
      this.subscriptions.set(s.subscriptionId.toLowerCase(), s);
    }
    return subscriptions;
  }

  /** The clients for a subscription (by object or id), built once. */
  clientsFor(subscription: AzureSubscription | string): SubscriptionClients {
    const sub = typeof subscription === 'string' ? this.subscriptions.get(subscription.toLowerCase()) : subscription;
    if (!sub) {
      throw new Error(`Subscription ${String(subscription)} is not among the signed-in subscriptions. Refresh the view.`);
    }
    const key = `${sub.tenantId}/${sub.subscriptionId}`;
    let clients = this.clients.get(key);
    if (!clients) {
      clients = createSubscriptionClients(sub, this.caPem, this.options.logRequest);
      this.clients.set(key, clients);
      this.subscriptions.set(sub.subscriptionId.toLowerCase(), sub);
    }
    return clients;
  }

  listClusters(subscription: AzureSubscription): Promise<ClusterModel[]> {
    return this.clusterLists.get(`/subscriptions/${subscription.subscriptionId}`, async () => {
      const clusters: ClusterModel[] = [];
      for await (const cluster of this.clientsFor(subscription).containerService.managedClusters.list()) {
        clusters.push(toClusterModel(cluster));
      }
      return clusters.sort((a, b) => a.name.localeCompare(b.name));
    });
  }

  /** The extension instances of a cluster; concurrent and repeated calls share one request until invalidated. */
  listExtensions(cluster: ClusterModel): Promise<Extension[]> {
    return this.extensionLists.get(cluster.id, () =>
      this.limit(async () => {
        const extensions = await this.clientsFor(cluster.subscriptionId).kubernetesConfiguration.listExtensions(cluster);
        return extensions.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
      }),
    );
  }

  /** Starts fetching the extension lists of many clusters at once (bounded by the limiter); errors surface when each is read. */
  prefetchExtensions(clusters: readonly ClusterModel[]): void {
    for (const cluster of clusters) {
      this.listExtensions(cluster).catch(() => undefined);
    }
  }

  /** The current state of one extension instance, always fresh. */
  getExtension(cluster: Pick<ClusterModel, 'subscriptionId' | 'resourceGroup' | 'name'>, name: string): Promise<Extension> {
    return this.clientsFor(cluster.subscriptionId).kubernetesConfiguration.getExtension(cluster, name);
  }

  /** The current state of an extension instance given its ARM id (used by documents that outlive tree nodes). */
  getExtensionById(id: string): Promise<Extension> {
    const match = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/[^/]+\/[^/]+\/([^/]+)\/providers\/Microsoft\.KubernetesConfiguration\/extensions\/([^/]+)$/i.exec(id);
    if (!match) {
      throw new Error(`Not an extension resource id: ${id}`);
    }
    const [, subscriptionId, resourceGroup, clusterName, name] = match;
    return this.getExtension({ subscriptionId, resourceGroup, name: clusterName }, name);
  }

  /** Forgets remembered lists under an ARM id (a subscription or a cluster), or all of them. */
  invalidate(id?: string): void {
    this.clusterLists.invalidate(id);
    this.extensionLists.invalidate(id);
    this.catalogTypes.invalidate(id);
    this.catalogVersions.invalidate(id);
    // The subscription lookup stays: commands still holding clusters of the last listing must reach their clients.
  }
}
