/*
 * The fleet inventory's data: every AKS cluster of the selected subscriptions and every extension instance on them,
 * from Resource Graph or from Resource Manager, in one shape. An extension row is flat and holds only what the fleet
 * view groups, filters and exports by; a new field from a newer API is one more optional property here and one more
 * pair in the query's pack(), as autoUpgradeMode and managedBy are.
 */
import type { Extension } from '../azure/extensionModel';
import type { ClusterModel } from '../azure/clusterModel';
import type { InventoryExtension, InventoryRow } from '../azure/inventoryQuery';

/** One extension instance in the fleet. */
export interface FleetExtension {
  readonly id: string;
  readonly name: string;
  /** ARM id of the cluster, as the cluster spells it. */
  readonly clusterId: string;
  readonly extensionType: string;
  readonly provisioningState: string;
  /** The version installed (undefined before the first successful install). */
  readonly currentVersion?: string;
  /** The pinned version (only with auto-upgrade off). */
  readonly version?: string;
  readonly autoUpgradeMinorVersion: boolean;
  /** none / patch / compatible (API 2025-03-01), when known. */
  readonly autoUpgradeMode?: string;
  /** The resource that manages this extension, if another service does. */
  readonly managedBy?: string;
  readonly releaseTrain?: string;
  readonly errorMessage?: string;
  /** When the instance last changed (ISO time); tells how long a running operation has been running. */
  readonly lastModifiedAt?: string;
  /** Where the row was read: Resource Graph (may lag) or Resource Manager (current). */
  readonly source: 'resourceGraph' | 'resourceManager';
}

/** Where the inventory came from: one Resource Graph query, or each cluster listed from Resource Manager. */
export type InventorySource = 'resourceGraph' | 'perCluster';

export interface FleetSnapshot {
  readonly clusters: readonly ClusterModel[];
  readonly extensions: readonly FleetExtension[];
  /** When the data was read (Resource Graph may itself lag behind Resource Manager by a little). */
  readonly asOf: Date;
  readonly source: InventorySource;
  readonly roundTrips: number;
  /** Clusters whose extensions could not be listed (per-cluster listing only); they are not in `clusters`. */
  readonly unreadable?: readonly ClusterModel[];
}

const blankToUndefined = (value: string | null | undefined): string | undefined => (value ? value : undefined);

function clusterFromRow(row: InventoryRow): ClusterModel {
  // Resource Graph lower-cases ids and resource groups; the name keeps its case, and ARM compares ids case-insensitively.
  const clusterId = row.clusterId.replace(/\/managedclusters\/[^/]+$/i, `/managedClusters/${row.clusterName}`);
  return {
    id: clusterId,
    name: row.clusterName,
    subscriptionId: row.subscriptionId,
    resourceGroup: row.resourceGroup,
    location: row.location,
    kubernetesVersion: blankToUndefined(row.kubernetesVersion),
    powerState: blankToUndefined(row.powerState),
    provisioningState: undefined,
    hasManagedIdentity: (!!row.identityType && row.identityType.toLowerCase() !== 'none') || row.servicePrincipalClientId === 'msi',
    tags: row.tags ?? {},
  };
}

function extensionFromRow(item: InventoryExtension, clusterId: string): FleetExtension {
  return {
    id: item.id,
    name: item.name,
    clusterId,
    extensionType: item.extensionType ?? '',
    provisioningState: item.provisioningState || 'Unknown',
    currentVersion: blankToUndefined(item.currentVersion),
    version: blankToUndefined(item.version),
    autoUpgradeMinorVersion: item.autoUpgradeMinorVersion !== false,
    autoUpgradeMode: blankToUndefined(item.autoUpgradeMode),
    managedBy: blankToUndefined(item.managedBy),
    releaseTrain: blankToUndefined(item.releaseTrain),
    errorMessage: blankToUndefined(item.errorMessage),
    lastModifiedAt: blankToUndefined(item.lastModifiedAt),
    source: 'resourceGraph',
  };
}

/** Clusters and extensions from the inventory query's rows (one row per cluster with its extensions). */
export function fromInventoryRows(rows: readonly InventoryRow[]): { clusters: ClusterModel[]; extensions: FleetExtension[] } {
  const clusters = new Map<string, ClusterModel>();
  const extensions: FleetExtension[] = [];
  for (const row of rows) {
    const key = row.clusterId.toLowerCase();
    if (clusters.has(key)) {
      continue; // a cluster repeated across pages (its data changed between them) is taken once
    }
    const cluster = clusterFromRow(row);
    clusters.set(key, cluster);
    for (const item of row.extensions ?? []) {
      extensions.push(extensionFromRow(item, cluster.id));
    }
  }
  return { clusters: [...clusters.values()], extensions };
}

/** An extension as Resource Manager returned it, as a fleet row. */
export function fromArmExtension(clusterId: string, extension: Extension): FleetExtension {
  return {
    id: extension.id ?? `${clusterId}/providers/Microsoft.KubernetesConfiguration/extensions/${extension.name ?? ''}`,
    name: extension.name ?? '',
    clusterId,
    extensionType: extension.extensionType ?? '',
    provisioningState: extension.provisioningState ?? 'Unknown',
    currentVersion: extension.currentVersion ?? undefined,
    version: extension.version ?? undefined,
    autoUpgradeMinorVersion: extension.autoUpgradeMinorVersion !== false,
    autoUpgradeMode: extension.autoUpgradeMode ?? undefined,
    managedBy: extension.managedBy ?? undefined,
    releaseTrain: extension.releaseTrain ?? undefined,
    errorMessage: extension.errorInfo?.message ?? undefined,
    lastModifiedAt: extension.systemData?.lastModifiedAt,
    source: 'resourceManager',
  };
}

/** A fleet row in the SDK's Extension shape, for the tree's rows before Resource Manager has confirmed them. */
export function toArmExtension(extension: FleetExtension): Extension {
  return {
    id: extension.id,
    name: extension.name,
    extensionType: extension.extensionType,
    provisioningState: extension.provisioningState,
    currentVersion: extension.currentVersion,
    version: extension.version,
    autoUpgradeMinorVersion: extension.autoUpgradeMinorVersion,
    autoUpgradeMode: extension.autoUpgradeMode,
    managedBy: extension.managedBy,
    releaseTrain: extension.releaseTrain,
    ...(extension.errorMessage ? { errorInfo: { message: extension.errorMessage } } : {}),
    ...(extension.lastModifiedAt ? { systemData: { lastModifiedAt: extension.lastModifiedAt } } : {}),
  };
}
