import { notFound } from './armErrors';
import type { Operation } from './longRunningOperations';
import type { CatalogExtensionType, JsonObject, SeedData } from './seed';

export const EXTENSION_RESOURCE_TYPE = 'Microsoft.KubernetesConfiguration/extensions';

export interface ExtensionProperties extends JsonObject {
  extensionType: string;
  autoUpgradeMinorVersion: boolean;
  releaseTrain: string;
  version: string | null;
  scope: JsonObject;
  configurationSettings: Record<string, string>;
  provisioningState: string;
  currentVersion: string | null;
  statuses: JsonObject[];
  isSystemExtension: boolean;
}

/** The extension exactly as GET returns it (protected settings are kept apart, in StoredExtension). */
export interface ExtensionBody extends JsonObject {
  id: string;
  name: string;
  type: string;
  systemData: JsonObject;
  properties: ExtensionProperties;
}

export interface StoredExtension {
  /** Id of the cluster, as spelled in the seed. */
  clusterId: string;
  body: ExtensionBody;
  protectedSettings: Record<string, string>;
}

/** Path parts of a cluster, as in the extension routes. */
export interface ClusterRef {
  subscriptionId: string;
  resourceGroupName: string;
  clusterRp: string;
  clusterResourceName: string;
  clusterName: string;
}

export function clusterIdOf(ref: ClusterRef): string {
  return `/subscriptions/${ref.subscriptionId}/resourceGroups/${ref.resourceGroupName}/providers/${ref.clusterRp}/${ref.clusterResourceName}/${ref.clusterName}`;
}

const key = (id: string): string => id.toLowerCase();
const CLUSTER_ID = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/[^/]+\/[^/]+\/[^/]+$/i;

/** The emulator's in-memory Azure: built from the seed, replaced wholesale on reset. ARM ids compare case-insensitively. */
export class EmulatorState {
  readonly tenants: JsonObject[];
  readonly subscriptions: JsonObject[];
  readonly clusters = new Map<string, JsonObject>();
  readonly extensions = new Map<string, StoredExtension>();
  readonly operations = new Map<string, Operation>();
  readonly catalog: CatalogExtensionType[];
  private readonly resourceGroups = new Set<string>();

  constructor(seed: SeedData) {
    // Deep copies: the state mutates its objects, and a reset must get the pristine seed back.
    const copy = structuredClone(seed);
    this.tenants = copy.tenants;
    this.subscriptions = copy.subscriptions;
    this.catalog = copy.extensionTypes;
    for (const group of copy.resourceGroups) {
      this.resourceGroups.add(key(`${group.subscriptionId}/${group.name}`));
    }
    for (const cluster of copy.clusters) {
      const id = String(cluster.id);
      const match = CLUSTER_ID.exec(id);
      if (!match) {
        throw new Error(`Seed cluster id '${id}' is not /subscriptions/{sub}/resourceGroups/{rg}/providers/{rp}/{type}/{name}`);
      }
      this.resourceGroups.add(key(`${match[1]}/${match[2]}`));
      this.clusters.set(key(id), cluster);
    }
    for (const seeded of copy.extensions) {
      const { configurationProtectedSettings, ...properties } = seeded.properties;
      const id = `${seeded.clusterId}/providers/${EXTENSION_RESOURCE_TYPE}/${seeded.name}`;
      const body: ExtensionBody = {
        id,
        name: seeded.name,
        type: EXTENSION_RESOURCE_TYPE,
        ...(seeded.identity ? { identity: seeded.identity } : {}),
        ...(seeded.plan ? { plan: seeded.plan } : {}),
        ...(seeded.managedBy ? { managedBy: seeded.managedBy } : {}),
        systemData: seeded.systemData ?? {},
        properties: properties as ExtensionProperties,
      };
      this.extensions.set(key(id), {
        clusterId: seeded.clusterId,
        body,
        protectedSettings: (configurationProtectedSettings ?? {}) as Record<string, string>,
      });
    }
  }

  subscription(subscriptionId: string): JsonObject {
    const found = this.subscriptions.find((s) => key(String(s.subscriptionId)) === key(subscriptionId));
    if (!found) {
      throw notFound(`/subscriptions/${subscriptionId}`, 'subscription');
    }
    return found;
  }

  requireResourceGroup(subscriptionId: string, resourceGroupName: string): void {
    this.subscription(subscriptionId);
    if (!this.resourceGroups.has(key(`${subscriptionId}/${resourceGroupName}`))) {
      throw notFound(`/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}`, 'resource group');
    }
  }

  /** The cluster an extension route names; 404 (subscription, resource group or cluster) if it does not exist. */
  cluster(ref: ClusterRef): JsonObject {
    this.requireResourceGroup(ref.subscriptionId, ref.resourceGroupName);
    const id = clusterIdOf(ref);
    const found = this.clusters.get(key(id));
    if (!found) {
      throw notFound(id, 'cluster');
    }
    return found;
  }

  clustersOfType(resourceType: string, subscriptionId: string, resourceGroupName?: string): JsonObject[] {
    const prefix = key(`/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName ?? ''}`);
    return [...this.clusters.values()].filter(
      (c) => key(String(c.type)) === key(resourceType) && key(String(c.id)).startsWith(prefix),
    );
  }

  extensionsOf(clusterId: string): StoredExtension[] {
    return [...this.extensions.values()].filter((e) => key(e.clusterId) === key(clusterId));
  }

  findExtension(id: string): StoredExtension | undefined {
    return this.extensions.get(key(id));
  }

  putExtension(extension: StoredExtension): void {
    this.extensions.set(key(extension.body.id), extension);
  }

  deleteExtension(id: string): void {
    this.extensions.delete(key(id));
  }

  catalogType(name: string): CatalogExtensionType | undefined {
    return this.catalog.find((t) => key(t.name) === key(name));
  }

  findOperation(id: string): Operation | undefined {
    return this.operations.get(key(id));
  }

  addOperation(operation: Operation): void {
    this.operations.set(key(operation.id), operation);
  }
}
