// Rolling one extension out to 500 clusters of one subscription at Resource Manager's own speed limit: the emulator
// with Azure's read and write budgets on (250 + 25/s reads, 200 + 10/s writes per subscription and principal), 300 ms
// added latency per request and 1 s long-running operations. In the same run: one single deployment (S), the rollout
// engine to all clusters (T) and the fixed 10 at a time "Deploy to Clusters" used before it (B). Azure's budget alone
// needs (N − 200)/10 s for N writes, so the limit is L = (N − 200)/10 + S; R = T/L (goal ≤ 1.25, no cluster failed).
import { applyTypeDefaults, type ExtensionRequest } from '../src/shared';
import { engineDeploy, fixedDeploy } from './benchRuns';
import { CLUSTERS, FIXED_CONCURRENCY, POLL_MS, runRolloutBench } from './rolloutBench';
import { readyFleet } from './rolloutSeed';

const REQUEST: ExtensionRequest = applyTypeDefaults({ name: 'monitor', extensionType: 'microsoft.azuremonitor.containers' });

void runRolloutBench({
  single: 'one deployment',
  seed: readyFleet(CLUSTERS),
  engine: (access, clusters) => engineDeploy(access, clusters, REQUEST, POLL_MS),
  fixed: (access, clusters) => fixedDeploy(access, clusters, REQUEST, POLL_MS, FIXED_CONCURRENCY),
});
