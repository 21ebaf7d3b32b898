// Updating one extension on 500 clusters of one subscription at Resource Manager's own speed limit, as the fleet view's
// Update… runs it: every cluster has flux (auto-upgrade on), and each is pinned to another version. Same emulator and
// same line as bench:rollout: S (the engine on one cluster), T (the engine on all), B (fixed 10 at a time, each PATCH
// followed with the poller); L = (N − 200)/10 + S, R = T/L (goal ≤ 1.25, no cluster failed).
import type { PatchExtension } from '../src/azure/extensionModel';
import { engineRun, fixedUpdate } from './benchRuns';
import { CLUSTERS, FIXED_CONCURRENCY, POLL_MS, runRolloutBench } from './rolloutBench';
import { fleetWithFlux } from './rolloutSeed';

const PATCH: PatchExtension = { autoUpgradeMinorVersion: false, version: '1.13.2' };
const REQUEST = { name: 'flux', extensionType: 'microsoft.flux' };

void runRolloutBench({
  single: 'one update',
  seed: fleetWithFlux(CLUSTERS),
  engine: (access, clusters) => engineRun(access, clusters, REQUEST, { kind: 'update', patch: PATCH }, POLL_MS),
  fixed: (access, clusters) => fixedUpdate(access, clusters, REQUEST.name, PATCH, POLL_MS, FIXED_CONCURRENCY),
});
