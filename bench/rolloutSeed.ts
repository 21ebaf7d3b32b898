import { type JsonObject, loadSeed, type SeedData } from '../test/emulator/seed';
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

/** The same clusters, each with the default seed's flux instance (Succeeded, auto-upgrade on): what an update rolls over. */
export function fleetWithFlux(count: number): SeedData {
  const fleet = readyFleet(count);
  const template = loadSeed().extensions.find((e) => e.name === 'flux' && e.properties.provisioningState === 'Succeeded');
  if (!template) {
    throw new Error('The default seed has no Succeeded flux to clone.');
  }
  const extensions = fleet.clusters.map((cluster) => ({ ...structuredClone(template), clusterId: String(cluster.id) }));
  return { ...fleet, extensions };
}
