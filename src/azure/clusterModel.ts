import type { ManagedCluster } from '@azure/arm-containerservice';
import { parseArmId } from './armIds';

/** What the tree and the commands need to know about an AKS cluster. */
export interface ClusterModel {
  readonly id: string;
  readonly name: string;
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly location: string;
  readonly kubernetesVersion: string | undefined;
  readonly powerState: string | undefined;
  readonly provisioningState: string | undefined;
  /** False for clusters that still authenticate with a service principal. */
  readonly hasManagedIdentity: boolean;
  /** Nodes over all agent pools, when Azure reports them (the az CLI sizes AzureML by it). */
  readonly nodeCount?: number;
  /** The cluster's Azure tags (pickers and the fleet view filter on them). */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Why a cluster cannot take extensions now, with the fix, or undefined when it can. */
export interface ClusterBlocker {
  readonly reason: string;
  readonly fix: string;
  /** A command the user can copy and run, when one fixes it. */
  readonly fixCommand?: string;
}

export function toClusterModel(cluster: ManagedCluster): ClusterModel {
  const id = cluster.id ?? '';
  const parts = parseArmId(id);
  const identityType = cluster.identity?.type;
  // Clusters created with a managed identity report it in `identity`; older ones show clientId "msi" instead.
  const hasManagedIdentity =
    (identityType !== undefined && identityType !== 'None') || cluster.servicePrincipalProfile?.clientId === 'msi';
  return {
    id,
    name: cluster.name ?? parts.name,
    subscriptionId: parts.subscriptionId,
    resourceGroup: parts.resourceGroup,
    location: cluster.location,
    kubernetesVersion: cluster.currentKubernetesVersion ?? cluster.kubernetesVersion,
    powerState: cluster.powerState?.code,
    provisioningState: cluster.provisioningState,
    hasManagedIdentity,
    ...(cluster.agentPoolProfiles ? { nodeCount: cluster.agentPoolProfiles.reduce((sum, pool) => sum + (pool.count ?? 0), 0) } : {}),
    tags: cluster.tags ?? {},
  };
}

/** Checks, before anything is sent, whether Azure would accept an extension on this cluster. */
export function clusterBlocker(cluster: ClusterModel): ClusterBlocker | undefined {
  if (!cluster.hasManagedIdentity) {
    const fixCommand = `az aks update --resource-group ${cluster.resourceGroup} --name ${cluster.name} --enable-managed-identity`;
    return {
      reason: `${cluster.name} uses a service principal; cluster extensions need a managed identity.`,
      fix: `Switch the cluster to a managed identity: ${fixCommand}`,
      fixCommand,
    };
  }
  if (cluster.powerState?.toLowerCase() === 'stopped') {
    const fixCommand = `az aks start --resource-group ${cluster.resourceGroup} --name ${cluster.name}`;
    return { reason: `${cluster.name} is stopped; its extension agent cannot install or change anything.`, fix: `Start the cluster: ${fixCommand}`, fixCommand };
  }
  return undefined;
}
