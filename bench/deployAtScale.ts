// Deploying one extension to 50 clusters with 300 ms added latency per request and 1 s long-running operations:
// "Deploy to Clusters" (the rollout engine, src/rollout) against one cluster after another, in the same run, through
// the same code the command runs (bench/benchRuns.ts). Resource Manager's budgets are off here: see bench:rollout.
import type { ClusterModel } from '../src/azure/clusterModel';
import { applyTypeDefaults } from '../src/shared';
import { startEmulator } from '../test/emulator/emulator';
import type { RunningEmulator } from '../test/emulator/emulatorTypes';
import { emulatorAccess } from '../test/support/emulatorAccess';
import { type DeployRun, engineDeploy, fixedDeploy } from './benchRuns';
import { readyFleet } from './rolloutSeed';

const CLUSTERS = 50;
const LATENCY_MS = 300;
const OPERATION_MS = 1000;
/** The extension's poll interval when Azure sends no Retry-After (the emulator sends none). */
const POLL_MS = 500;

const REQUEST = applyTypeDefaults({ name: 'flux', extensionType: 'microsoft.flux', configurationSettings: { 'multiTenancy.enforce': 'false' } });

async function deployAll(emulator: RunningEmulator, clusters: ClusterModel[], how: 'engine' | 'sequential'): Promise<DeployRun & { requests: number }> {
  emulator.reset();
  emulator.setOptions({ operationDelayMs: OPERATION_MS });
  emulator.setFaults({ latencyMs: LATENCY_MS });
  const access = emulatorAccess(emulator);
  await access.listSubscriptions();
  const before = emulator.requests.length;
  const run = how === 'engine' ? await engineDeploy(access, clusters, REQUEST, POLL_MS) : await fixedDeploy(access, clusters, REQUEST, POLL_MS, 1);
  return { ...run, requests: emulator.requests.length - before };
}

async function main(): Promise<void> {
  const emulator = await startEmulator({ seed: readyFleet(CLUSTERS) });
  try {
    const setup = emulatorAccess(emulator);
    const clusters = (await Promise.all((await setup.listSubscriptions()).map((s) => setup.listClusters(s)))).flat();
    const engine = await deployAll(emulator, clusters, 'engine');
    const sequential = await deployAll(emulator, clusters, 'sequential');
    console.log(`Deploying microsoft.flux to ${clusters.length} clusters, ${LATENCY_MS} ms added latency per request, ${OPERATION_MS} ms operations, polls every ${POLL_MS} ms`);
    console.log(`  one cluster after another (baseline): ${sequential.seconds.toFixed(1)} s, ${sequential.requests} requests, ${sequential.succeeded} succeeded`);
    console.log(`  Deploy to Clusters (rollout engine):   ${engine.seconds.toFixed(1)} s, ${engine.requests} requests, ${engine.succeeded} succeeded`);
    console.log(`  speed-up: ${(sequential.seconds / engine.seconds).toFixed(1)}x`);
  } finally {
    await emulator.close();
  }
}

void main();
