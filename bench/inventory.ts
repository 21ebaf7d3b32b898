// `npm run bench:inventory`: the fleet inventory of the 1,000-cluster scale seed as the fleet view fetches it (one
// Resource Graph query, paged) against listing every cluster's extensions from Resource Manager with today's bound (8),
// in the same run, with 200 ms added latency per request and Resource Manager's read budget on. Both start cold (no
// subscription, cluster or extension list remembered) and count every request the emulator received.
import { queryGraphInventoryOf } from '../src/azure/resourceGraphInventory';
import { FleetInventory } from '../src/fleet/fleetInventory';
import type { FleetSnapshot } from '../src/fleet/fleetModel';
import { startEmulator } from '../test/emulator/emulator';
import type { RunningEmulator } from '../test/emulator/emulatorTypes';
import { scaleSeed } from '../test/emulator/scaleSeed';
import { emulatorAccess } from '../test/support/emulatorAccess';

const CLUSTERS = 1000;
const SUBSCRIPTIONS = 3;
const LATENCY_MS = 200;
const LIST_BOUND = 8;

interface Measured {
  snapshot: FleetSnapshot;
  roundTrips: number;
  ms: number;
}

async function measure(emulator: RunningEmulator, graph: boolean): Promise<Measured> {
  const access = emulatorAccess(emulator, LIST_BOUND);
  // The baseline is the inventory's own fallback, as in a cloud without Resource Graph (no request is sent to it).
  const query = graph
    ? (subscriptions: Parameters<typeof queryGraphInventoryOf>[0]) => queryGraphInventoryOf(subscriptions, emulator.caPem)
    : () => Promise.reject(new Error('Resource Graph is not available in this cloud'));
  let fellBack: unknown;
  const inventory = new FleetInventory(access, query, { onFallback: (reason) => (fellBack = reason) });
  const before = emulator.requests.length;
  const started = performance.now();
  const snapshot = await inventory.load();
  const ms = performance.now() - started;
  if (graph && fellBack) {
    throw new Error(`Resource Graph failed in the benchmark: ${String(fellBack)}`);
  }
  return { snapshot, roundTrips: emulator.requests.length - before, ms };
}

async function main(): Promise<void> {
  const seed = scaleSeed({ clusters: CLUSTERS, subscriptions: SUBSCRIPTIONS });
  const emulator = await startEmulator({ seed, faults: { latencyMs: LATENCY_MS }, armBudget: true });
  try {
    const inventory = await measure(emulator, true);
    // Full read budgets again for the baseline: the inventory spent a few reads.
    emulator.setOptions({ armBudget: true });
    const perCluster = await measure(emulator, false);
    const extensions = inventory.snapshot.extensions.length;
    if (perCluster.snapshot.extensions.length !== extensions || perCluster.snapshot.clusters.length !== inventory.snapshot.clusters.length) {
      throw new Error(`The two ways disagree: ${inventory.snapshot.clusters.length} / ${extensions} vs ${perCluster.snapshot.clusters.length} / ${perCluster.snapshot.extensions.length}`);
    }
    const throttled = emulator.requests.filter((r) => r.status === 429).length;
    console.log(`Scale seed: ${CLUSTERS} clusters in ${SUBSCRIPTIONS} subscriptions, ${LATENCY_MS} ms added latency, read budget on (${throttled} requests answered 429)`);
    console.log(
      `inventory of ${inventory.snapshot.clusters.length} clusters (${extensions} extensions): ${inventory.roundTrips} round trips in ${inventory.ms.toFixed(0)} ms; ` +
        `per-cluster listing: ${perCluster.roundTrips} round trips in ${perCluster.ms.toFixed(0)} ms; ${(perCluster.ms / inventory.ms).toFixed(1)}x faster`,
    );
  } finally {
    await emulator.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
