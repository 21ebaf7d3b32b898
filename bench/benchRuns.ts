// The two ways the benchmarks deploy one extension to many clusters, through the same code the extension runs.
import type { AzureAccess } from '../src/azure/azureAccess';
import type { ClusterModel } from '../src/azure/clusterModel';
import { createLimiter } from '../src/azure/concurrency';
import { ArmPacer } from '../src/rollout/armPacer';
import type { PatchExtension } from '../src/azure/extensionModel';
import { beginUpdateExtension } from '../src/azure/extensionOperations';
import { runRollout } from '../src/rollout/rolloutEngine';
import { countStates, type RolloutAction, type RolloutRecord } from '../src/rollout/rolloutRecord';
import type { ExtensionRequest } from '../src/shared';
import { deployToCluster, runDeployments } from './fixedConcurrencyDeploy';

export interface DeployRun {
  seconds: number;
  succeeded: number;
  /** Clusters that did not end Succeeded. */
  failed: number;
}

/** The rollout engine, as "Deploy to Clusters" and the fleet view run it (no canary, never pausing: nothing fails on purpose here). */
export async function engineRun(access: AzureAccess, clusters: readonly ClusterModel[], req: ExtensionRequest, action: RolloutAction, pollIntervalMs: number): Promise<DeployRun> {
  const targets = clusters.map((cluster) => ({ cluster, state: 'pending' as const, message: '' }));
  const now = Date.now();
  const record: RolloutRecord = {
    id: 'bench',
    title: `${action.kind} ${req.name}`,
    request: req,
    action,
    protectedKeys: [],
    options: { canary: { kind: 'none' }, failureThreshold: { kind: 'none' } },
    targets,
    status: 'running',
    startedAt: now,
    updatedAt: now,
  };
  const pacer = new ArmPacer();
  const started = performance.now();
  try {
    await runRollout(
      { access, pacer },
      { record, targets, requestFor: () => req, withCanary: false, replaceFailed: new Set(), pollIntervalMs, cancel: new AbortController().signal },
      { changed: () => undefined, askToContinue: () => Promise.resolve(true) },
    );
  } finally {
    pacer.dispose();
  }
  const succeeded = countStates(record).succeeded;
  return { seconds: (performance.now() - started) / 1000, succeeded, failed: clusters.length - succeeded };
}

/** The rollout engine creating the extension on every cluster. */
export function engineDeploy(access: AzureAccess, clusters: readonly ClusterModel[], req: ExtensionRequest, pollIntervalMs: number): Promise<DeployRun> {
  return engineRun(access, clusters, req, { kind: 'create' }, pollIntervalMs);
}

/** The same update on a fixed number of clusters at a time, each PATCH followed with the poller (429s left to the SDK's retry policy). */
export async function fixedUpdate(access: AzureAccess, clusters: readonly ClusterModel[], name: string, patch: PatchExtension, pollIntervalMs: number, concurrency: number): Promise<DeployRun> {
  const started = performance.now();
  const results = await runDeployments(
    clusters,
    async (c) => {
      const operation = await beginUpdateExtension(access, c, name, patch, { updateIntervalInMs: pollIntervalMs });
      await operation.pollUntilDone();
    },
    createLimiter(() => concurrency),
    (err) => ({ outcome: 'failed', message: String(err) }),
    () => undefined,
  );
  const succeeded = results.filter((r) => r.outcome === 'succeeded').length;
  return { seconds: (performance.now() - started) / 1000, succeeded, failed: clusters.length - succeeded };
}

/** The fixed number of clusters at a time that "Deploy to Clusters" ran before the engine. */
export async function fixedDeploy(access: AzureAccess, clusters: readonly ClusterModel[], req: ExtensionRequest, pollIntervalMs: number, concurrency: number): Promise<DeployRun> {
  const started = performance.now();
  const results = await runDeployments(
    clusters,
    (c) => deployToCluster(access, c, req, new AbortController().signal, pollIntervalMs),
    createLimiter(() => concurrency),
    (err) => ({ outcome: 'failed', message: String(err) }),
    () => undefined,
  );
  const succeeded = results.filter((r) => r.outcome === 'succeeded').length;
  return { seconds: (performance.now() - started) / 1000, succeeded, failed: clusters.length - succeeded };
}
