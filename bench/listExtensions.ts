// Time to list the extensions of every seeded cluster with 200 ms added latency:
// the extension's bounded parallel listing against fetching them one cluster at a time, in the same run.
import type { ClusterModel } from '../src/azure/clusterModel';
import { startEmulator } from '../test/emulator/emulator';
import { emulatorAccess } from '../test/support/emulatorAccess';

const LATENCY_MS = 200;
const RUNS = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const emulator = await startEmulator({});
  try {
    const setup = emulatorAccess(emulator);
    const subscriptions = await setup.listSubscriptions();
    const clusters: ClusterModel[] = (await Promise.all(subscriptions.map((s) => setup.listClusters(s)))).flat().filter((c) => c.hasManagedIdentity);
    emulator.setFaults({ latencyMs: LATENCY_MS });

    const timings = { parallel: [] as number[], sequential: [] as number[] };
    const requests = { parallel: 0, sequential: 0 };
    for (let run = 0; run < RUNS; run++) {
      const parallel = emulatorAccess(emulator, 8);
      await parallel.listSubscriptions();
      let before = emulator.requests.length;
      let started = performance.now();
      parallel.prefetchExtensions(clusters);
      await Promise.all(clusters.map((c) => parallel.listExtensions(c)));
      timings.parallel.push(performance.now() - started);
      requests.parallel = emulator.requests.length - before;

      const sequential = emulatorAccess(emulator, 1);
      await sequential.listSubscriptions();
      before = emulator.requests.length;
      started = performance.now();
      for (const cluster of clusters) {
        await sequential.listExtensions(cluster);
      }
      timings.sequential.push(performance.now() - started);
      requests.sequential = emulator.requests.length - before;
    }
    const parallelMs = median(timings.parallel);
    const sequentialMs = median(timings.sequential);
    console.log(`Listing the extensions of ${clusters.length} clusters, ${LATENCY_MS} ms added latency per request, median of ${RUNS} runs`);
    console.log(`  one cluster at a time (baseline): ${sequentialMs.toFixed(0)} ms, ${requests.sequential} requests`);
    console.log(`  bounded parallel (8 at a time):   ${parallelMs.toFixed(0)} ms, ${requests.parallel} requests`);
    console.log(`  speed-up: ${(sequentialMs / parallelMs).toFixed(1)}x`);
  } finally {
    await emulator.close();
  }
}

void main();
