import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../runner/paths';

// What the tree must show, read from the emulator's seed so the UI check follows the fixture when it changes.

interface Seed {
  subscriptions: Array<{ subscriptionId: string; displayName: string }>;
  clusters: Array<{ id: string; name: string }>;
  extensions: Array<{
    clusterId: string;
    name: string;
    managedBy?: string;
    properties: { extensionType?: string; version?: string; currentVersion?: string; provisioningState?: string; errorInfo?: { code?: string } };
  }>;
}

export interface ExpectedExtension {
  name: string;
  /** Start of the row's description: "type · version" (a state may follow). */
  description: string;
}

const seed = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test', 'emulator', 'fixtures', 'seed.json'), 'utf8')) as Seed;

export const subscriptionNames = seed.subscriptions.map((s) => s.displayName);

/** The AKS clusters (Arc connected clusters are not in the tree) of the subscription with this name. */
export function clustersOf(subscriptionName: string): string[] {
  const subscription = seed.subscriptions.find((s) => s.displayName === subscriptionName);
  if (!subscription) {
    throw new Error(`"${subscriptionName}" is not a seeded subscription (${subscriptionNames.join(', ')})`);
  }
  return seed.clusters
    .filter((c) => c.id.toLowerCase().startsWith(`/subscriptions/${subscription.subscriptionId}/`) && /\/managedclusters\//i.test(c.id))
    .map((c) => c.name);
}

/** The seeded AKS cluster with the most extensions that show a version, its subscription and those extensions. */
export function richestCluster(): { subscription: string; cluster: string; extensions: ExpectedExtension[] } {
  const candidates = seed.subscriptions.flatMap((subscription) => clustersOf(subscription.displayName).map((name) => {
    const id = seed.clusters.find((c) => c.name === name)?.id.toLowerCase();
    const extensions = seed.extensions
      .filter((e) => e.clusterId.toLowerCase() === id)
      .flatMap(({ name: extension, properties: p }) => {
        const version = p.version ?? p.currentVersion;
        return version && p.extensionType ? [{ name: extension, description: `${p.extensionType} · ${version}` }] : [];
      });
    return { subscription: subscription.displayName, cluster: name, extensions };
  }));
  const best = candidates.sort((a, b) => b.extensions.length - a.extensions.length)[0];
  if (!best || best.extensions.length === 0) {
    throw new Error('no seeded AKS cluster has an extension with a version');
  }
  return best;
}

/** A seeded Failed extension on an AKS cluster, with where it is and the error code its tooltip must show. */
export function failedExtension(): { subscription: string; cluster: string; name: string; errorCode: string } {
  for (const subscription of seed.subscriptions) {
    for (const cluster of clustersOf(subscription.displayName)) {
      const id = seed.clusters.find((c) => c.name === cluster)?.id.toLowerCase();
      const failed = seed.extensions.find((e) => e.clusterId.toLowerCase() === id && e.properties.provisioningState === 'Failed' && e.properties.errorInfo?.code);
      if (failed) {
        return { subscription: subscription.displayName, cluster, name: failed.name, errorCode: failed.properties.errorInfo?.code ?? '' };
      }
    }
  }
  throw new Error('no seeded AKS cluster has a Failed extension with errorInfo');
}

/** A seeded managed extension (API 2025-03-01 managedBy) on an AKS cluster, and the manager its row must name. */
export function managedExtension(): { subscription: string; cluster: string; name: string; manager: string } {
  for (const subscription of seed.subscriptions) {
    for (const cluster of clustersOf(subscription.displayName)) {
      const id = seed.clusters.find((c) => c.name === cluster)?.id.toLowerCase();
      const managed = seed.extensions.find((e) => e.clusterId.toLowerCase() === id && e.managedBy);
      if (managed) {
        return { subscription: subscription.displayName, cluster, name: managed.name, manager: managed.managedBy?.split('/').pop() ?? '' };
      }
    }
  }
  throw new Error('no seeded AKS cluster has a managed extension');
}
