// Deploying one extension to 50 clusters with 300 ms added latency per request and 1 s long-running operations:
// "Deploy to Clusters" (bounded concurrency, the setting's default 10) against one cluster after another, in the same run,
// through the same code the command runs (deployToCluster, runDeployments, the SDK's pollers and retry policy).
import type { ClusterModel } from '../src/azure/clusterModel';
import { createLimiter } from '../src/azure/concurrency';
import { runDeployments } from '../src/lifecycle/deployPlan';
import { deployToCluster } from '../src/lifecycle/deployToCluster';
import { applyTypeDefaults } from '../src/shared';
import { startEmulator } from '../test/emulator/emulator';
import type { JsonObject } from '../test/emulator/seed';
import { loadSeed } from '../test/emulator/seed';
import { emulatorAccess } from '../test/support/emulatorAccess';

const CLUSTERS = 50;
const LATENCY_MS = 300;
const OPERATION_MS = 1000;
/** The extension's poll interval when Azure sends no Retry-After (the emulator sends none). */
const POLL_MS = 500;
const CONCURRENCY = 10;
const RESOURCE_GROUP = 'rg-bench';

/** 50 managed-identity clusters cloned from a seeded one, in a resource group of their own. */
function benchClusters(): JsonObject[] {
  const template = loadSeed().clusters.find((c) => String(c.name) === 'aks-dev-westus2') as JsonObject;
  const base = String(template.id).replace(/resourceGroups\/[^/]+\/providers\/Microsoft\.ContainerService\/managedClusters\/.*$/, `resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.ContainerService/managedClusters/`);
  return Array.from({ length: CLUSTERS }, (_, i) => ({ ...structuredClone(template), id: `${base}aks-bench-${String(i).padStart(2, '0')}`, name: `aks-bench-${String(i).padStart(2, '0')}` }));
}

async function deployAll(emulator: Awaited<ReturnType<typeof startEmulator>>, clusters: ClusterModel[], concurrency: number): Promise<{ ms: number; requests: number; succeeded: number }> {
  emulator.reset();
  emulator.setOptions({ operationDelayMs: OPERATION_MS });
  emulator.setFaults({ latencyMs: LATENCY_MS });
  const access = emulatorAccess(emulator);
  await access.listSubscriptions();
  const req = applyTypeDefaults({ name: 'flux', extensionType: 'microsoft.flux', configurationSettings: { 'multiTenancy.enforce': 'false' } });
  const before = emulator.requests.length;
  const started = performance.now();
  const results = await runDeployments(
    clusters,
    (c) => deployToCluster(access, c, req, new AbortController().signal, POLL_MS),
    createLimiter(() => concurrency),
    (err) => ({ outcome: 'failed', message: String(err) }),
    () => undefined,
  );
  return { ms: performance.now() - started, requests: emulator.requests.length - before, succeeded: results.filter((r) => r.outcome === 'succeeded').length };
}

async function main(): Promise<void> {
  const emulator = await startEmulator({ extraSeed: { clusters: benchClusters() } });
  try {
    const setup = emulatorAccess(emulator);
    const clusters = (await Promise.all((await setup.listSubscriptions()).map((s) => setup.listClusters(s)))).flat().filter((c) => c.resourceGroup === RESOURCE_GROUP);
    const parallel = await deployAll(emulator, clusters, CONCURRENCY);
    const sequential = await deployAll(emulator, clusters, 1);
    console.log(`Deploying microsoft.flux to ${clusters.length} clusters, ${LATENCY_MS} ms added latency per request, ${OPERATION_MS} ms operations, polls every ${POLL_MS} ms`);
    console.log(`  one cluster after another (baseline): ${(sequential.ms / 1000).toFixed(1)} s, ${sequential.requests} requests, ${sequential.succeeded} succeeded`);
    console.log(`  Deploy to Clusters (${CONCURRENCY} at a time):      ${(parallel.ms / 1000).toFixed(1)} s, ${parallel.requests} requests, ${parallel.succeeded} succeeded`);
    console.log(`  speed-up: ${(sequential.ms / parallel.ms).toFixed(1)}x`);
  } finally {
    await emulator.close();
  }
}

void main();
