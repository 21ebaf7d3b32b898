/** The fleet view's filter (subscription, resource group, location, Kubernetes version, tag) and cluster-name search. */
import type { ClusterModel } from '../azure/clusterModel';
import type { FleetExtension, FleetSnapshot } from './fleetModel';

export type FilterDimension = 'subscription' | 'resourceGroup' | 'location' | 'kubernetesVersion' | 'tag';

/** Values chosen per dimension (any of them matches; an empty or absent list matches all); tags as `key=value`. */
export type FleetFilter = Partial<Record<FilterDimension, readonly string[]>> & {
  /** Part of a cluster name, case-insensitive. */
  readonly search?: string;
};

/** The value(s) of a cluster for a dimension, lower-cased for comparing (ARM names are case-insensitive). */
export function valuesOf(cluster: ClusterModel, dimension: FilterDimension): string[] {
  switch (dimension) {
    case 'subscription':
      return [cluster.subscriptionId.toLowerCase()];
    case 'resourceGroup':
      return [cluster.resourceGroup.toLowerCase()];
    case 'location':
      return [cluster.location.toLowerCase()];
    case 'kubernetesVersion':
      return cluster.kubernetesVersion ? [cluster.kubernetesVersion] : [];
    case 'tag':
      return Object.entries(cluster.tags ?? {}).map(([k, v]) => `${k.toLowerCase()}=${v}`);
  }
}

const DIMENSIONS: FilterDimension[] = ['subscription', 'resourceGroup', 'location', 'kubernetesVersion', 'tag'];

export function matchesFilter(cluster: ClusterModel, filter: FleetFilter): boolean {
  for (const dimension of DIMENSIONS) {
    const wanted = filter[dimension];
    if (wanted && wanted.length > 0) {
      const have = valuesOf(cluster, dimension);
      if (!wanted.some((w) => have.includes(dimension === 'kubernetesVersion' ? w : w.toLowerCase()))) {
        return false;
      }
    }
  }
  return !filter.search || cluster.name.toLowerCase().includes(filter.search.toLowerCase());
}

/** The clusters the filter keeps, and their extensions. */
export function applyFilter(snapshot: Pick<FleetSnapshot, 'clusters' | 'extensions'>, filter: FleetFilter): { clusters: ClusterModel[]; extensions: FleetExtension[] } {
  const clusters = snapshot.clusters.filter((c) => matchesFilter(c, filter));
  const kept = new Set(clusters.map((c) => c.id.toLowerCase()));
  return { clusters, extensions: snapshot.extensions.filter((e) => kept.has(e.clusterId.toLowerCase())) };
}

/** Every value of a dimension in the fleet, with how many clusters have it, most common first. */
export function filterChoices(clusters: readonly ClusterModel[], dimension: FilterDimension): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const cluster of clusters) {
    for (const value of valuesOf(cluster, dimension)) {
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
  }
  return [...counts.entries()].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** True when the filter keeps anything out. */
export function isFiltering(filter: FleetFilter): boolean {
  return !!filter.search || DIMENSIONS.some((d) => (filter[d]?.length ?? 0) > 0);
}

/** What the filter keeps, in a line such as `location: westeurope · name contains "data"` (empty when it keeps all). */
export function describeFilter(filter: FleetFilter, names: Readonly<Record<FilterDimension | 'search', string>>): string {
  const parts = DIMENSIONS.filter((d) => (filter[d]?.length ?? 0) > 0).map((d) => `${names[d]}: ${filter[d]?.join(', ') ?? ''}`);
  if (filter.search) {
    parts.push(`${names.search} "${filter.search}"`);
  }
  return parts.join(' · ');
}
