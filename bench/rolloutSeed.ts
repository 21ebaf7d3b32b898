import type { JsonObject, SeedData } from '../test/emulator/seed';
import { scaleSeed } from '../test/emulator/scaleSeed';

/**
 * `count` clusters of the emulator's scale seed in one subscription, every one ready for a new extension: the seeded
 * extensions left out, and the few stopped or service-principal clusters of the fleet started and given a managed
 * identity, so that a rollout to all of them writes to all of them.
 */
export function readyFleet(count: number): SeedData {
  const seed = scaleSeed({ clusters: count, subscriptions: 1 });
  const clusters = seed.clusters.map((cluster): JsonObject => {
    const properties = cluster.properties as JsonObject;
    return {
      ...cluster,
      identity: cluster.identity ?? { type: 'SystemAssigned' },
      properties: { ...properties, powerState: { code: 'Running' }, servicePrincipalProfile: { clientId: 'msi' } },
    };
  });
  return { ...seed, clusters, extensions: [] };
}
