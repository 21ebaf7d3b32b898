// Rolling one extension out to 500 clusters of one subscription at Resource Manager's own speed limit: the emulator
// with Azure's read and write budgets on (250 + 25/s reads, 200 + 10/s writes per subscription and principal), 300 ms
// added latency per request and 1 s long-running operations. In the same run: one single deployment (S), the rollout
// engine to all clusters (T) and the fixed 10 at a time "Deploy to Clusters" used before it (B). Azure's budget alone
// needs (N − 200)/10 s for N writes, so the limit is L = (N − 200)/10 + S; R = T/L (goal ≤ 1.25, no cluster failed).
import type { ClusterModel } from '../src/azure/clusterModel';
import { applyTypeDefaults, type ExtensionRequest } from '../src/shared';
import { startEmulator } from '../test/emulator/emulator';
import type { RunningEmulator } from '../test/emulator/emulatorTypes';
import { emulatorAccess } from '../test/support/emulatorAccess';
import { engineDeploy, fixedDeploy } from './benchRuns';
import { readyFleet } from './rolloutSeed';

const CLUSTERS = 500;
const LATENCY_MS = 300;
const OPERATION_MS = 1000;
/** The poll interval when Azure sends no Retry-After (the emulator sends none), as in bench:deploy. */
const POLL_MS = 500;
const FIXED_CONCURRENCY = 10;

const REQUEST: ExtensionRequest = applyTypeDefaults({ name: 'monitor', extensionType: 'microsoft.azuremonitor.containers' });

interface Measured {
  seconds: number;
  failed: number;
  succeeded: number;
  /** 429 answers the emulator sent during the run. */
  throttled: number;
}

/** A fresh emulator state (budgets full again) and the clusters of the bench's resource group. */
async function freshStart(emulator: RunningEmulator): Promise<{ access: ReturnType<typeof emulatorAccess>; clusters: ClusterModel[] }> {
  emulator.reset();
  emulator.setOptions({ operationDelayMs: OPERATION_MS });
  const access = emulatorAccess(emulator);
  const subscriptions = await access.listSubscriptions();
  const clusters = (await Promise.all(subscriptions.map((s) => access.listClusters(s)))).flat();
  // Listing the subscriptions and clusters is set-up: the budgets start full for what is measured.
  emulator.setOptions({ armBudget: true });
  emulator.setFaults({ latencyMs: LATENCY_MS });
  return { access, clusters };
}

/** One way of deploying, timed from a fresh start, with the 429s it met. */
async function measure(emulator: RunningEmulator, count: number, how: 'engine' | 'fixed'): Promise<Measured> {
  const { access, clusters } = await freshStart(emulator);
  const targets = clusters.slice(0, count);
  const before = emulator.requests.length;
  const run = how === 'engine' ? await engineDeploy(access, targets, REQUEST, POLL_MS) : await fixedDeploy(access, targets, REQUEST, POLL_MS, FIXED_CONCURRENCY);
  return { ...run, throttled: emulator.requests.slice(before).filter((r) => r.status === 429).length };
}

async function main(): Promise<void> {
  const emulator = await startEmulator({ seed: readyFleet(CLUSTERS) });
  try {
    console.log(`${CLUSTERS} clusters in one subscription, ${LATENCY_MS} ms added latency per request, ${OPERATION_MS} ms operations, Resource Manager's budgets on`);
    const single = await measure(emulator, 1, 'engine');
    console.log(`  one deployment (S): ${single.seconds.toFixed(1)} s, ${single.succeeded} succeeded`);
    const rollout = await measure(emulator, CLUSTERS, 'engine');
    console.log(`  rollout engine (T): ${rollout.seconds.toFixed(1)} s, ${rollout.succeeded} succeeded, ${rollout.throttled} answered 429`);
    const fixed = await measure(emulator, CLUSTERS, 'fixed');
    console.log(`  fixed ${FIXED_CONCURRENCY} at a time (B): ${fixed.seconds.toFixed(1)} s, ${fixed.succeeded} succeeded, ${fixed.throttled} answered 429`);
    const limit = (CLUSTERS - 200) / 10 + single.seconds;
    console.log(
      `rollout to ${CLUSTERS} clusters: ${rollout.seconds.toFixed(1)} s, 429 responses ${rollout.throttled}, failed ${rollout.failed}; limit ${limit.toFixed(1)} s; ratio ${(rollout.seconds / limit).toFixed(2)}; fixed 10 at a time: ${fixed.seconds.toFixed(1)} s`,
    );
  } finally {
    await emulator.close();
  }
}

void main();
