import type { JsonObject, SeedData } from '../test/emulator/seed';
import { loadSeed } from '../test/emulator/seed';

export const BENCH_RESOURCE_GROUP = 'rg-bench';

/** `count` managed-identity clusters without extensions cloned from a seeded one, in one subscription. */
export function benchSeed(count: number): Partial<SeedData> {
  const template = loadSeed().clusters.find((c) => String(c.name) === 'aks-dev-westus2') as JsonObject;
  const base = String(template.id).replace(/resourceGroups\/.*$/, `resourceGroups/${BENCH_RESOURCE_GROUP}/providers/Microsoft.ContainerService/managedClusters/`);
  return { clusters: Array.from({ length: count }, (_, i) => ({ ...structuredClone(template), id: `${base}aks-bench-${String(i).padStart(3, '0')}`, name: `aks-bench-${String(i).padStart(3, '0')}` })) };
}
