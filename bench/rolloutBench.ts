// What the rollout benchmarks share: the emulator with Resource Manager's budgets, latency and operation time on, a
// fresh state for each measured run, and the last line in the format.
import type { ClusterModel } from '../src/azure/clusterModel';
import { startEmulator } from '../test/emulator/emulator';
import type { RunningEmulator } from '../test/emulator/emulatorTypes';
import type { SeedData } from '../test/emulator/seed';
import { allClusters, emulatorAccess } from '../test/support/emulatorAccess';
import type { DeployRun } from './benchRuns';

export const CLUSTERS = 500;
const LATENCY_MS = 300;
const OPERATION_MS = 1000;
/** The poll interval when Azure sends no Retry-After (the emulator sends none), as in bench:deploy. */
export const POLL_MS = 500;
export const FIXED_CONCURRENCY = 10;

type Access = ReturnType<typeof emulatorAccess>;

/** One way of acting on the first `count` clusters; the same three for every rollout benchmark. */
export interface RolloutBench {
  /** What the header line says is done, e.g. "one deployment". */
  readonly single: string;
  readonly seed: SeedData;
  /** The rollout engine on these clusters. */
  engine(access: Access, clusters: readonly ClusterModel[]): Promise<DeployRun>;
  /** The fixed number at a time, the baseline. */
  fixed(access: Access, clusters: readonly ClusterModel[]): Promise<DeployRun>;
}

/** A fresh emulator state (budgets full again) and the clusters of the bench's subscription. */
async function freshStart(emulator: RunningEmulator): Promise<{ access: Access; clusters: ClusterModel[] }> {
  emulator.reset();
  emulator.setOptions({ operationDelayMs: OPERATION_MS });
  const access = emulatorAccess(emulator);
  const clusters = await allClusters(access);
  // Listing the subscriptions and clusters is set-up: the budgets start full for what is measured.
  emulator.setOptions({ armBudget: true });
  emulator.setFaults({ latencyMs: LATENCY_MS });
  return { access, clusters };
}

/** One way, timed from a fresh start, with the 429s it met. */
async function measure(emulator: RunningEmulator, count: number, run: RolloutBench['engine']): Promise<DeployRun & { throttled: number }> {
  const { access, clusters } = await freshStart(emulator);
  const before = emulator.requests.length;
  const result = await run(access, clusters.slice(0, count));
  return { ...result, throttled: emulator.requests.slice(before).filter((r) => r.status === 429).length };
}

/**
 * S (the engine on one cluster), T (the engine on all) and B (fixed 10 at a time), each from a fresh state. Azure's
 * write budget alone needs (N − 200)/10 s for N writes, so the limit is L = (N − 200)/10 + S and R = T/L.
 */
export async function runRolloutBench(bench: RolloutBench): Promise<void> {
  const emulator = await startEmulator({ seed: bench.seed });
  try {
    console.log(`${CLUSTERS} clusters in one subscription, ${LATENCY_MS} ms added latency per request, ${OPERATION_MS} ms operations, Resource Manager's budgets on`);
    const single = await measure(emulator, 1, bench.engine);
    console.log(`  ${bench.single} (S): ${single.seconds.toFixed(1)} s, ${single.succeeded} succeeded`);
    const rollout = await measure(emulator, CLUSTERS, bench.engine);
    console.log(`  rollout engine (T): ${rollout.seconds.toFixed(1)} s, ${rollout.succeeded} succeeded, ${rollout.throttled} answered 429`);
    const fixed = await measure(emulator, CLUSTERS, bench.fixed);
    console.log(`  fixed ${FIXED_CONCURRENCY} at a time (B): ${fixed.seconds.toFixed(1)} s, ${fixed.succeeded} succeeded, ${fixed.throttled} answered 429`);
    const limit = (CLUSTERS - 200) / 10 + single.seconds;
    console.log(
      `rollout to ${CLUSTERS} clusters: ${rollout.seconds.toFixed(1)} s, 429 responses ${rollout.throttled}, failed ${rollout.failed}; limit ${limit.toFixed(1)} s; ratio ${(rollout.seconds / limit).toFixed(2)}; fixed ${FIXED_CONCURRENCY} at a time: ${fixed.seconds.toFixed(1)} s`,
    );
  } finally {
    await emulator.close();
  }
}
