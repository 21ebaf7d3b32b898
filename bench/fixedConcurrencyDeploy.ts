// The deployment to many clusters as "Deploy to Clusters" ran it before the rollout engine (src/rollout): a fixed number
// of clusters at a time, each created and followed with the poller, 429s left to the SDK's retry policy. Kept as the
// baseline the benchmarks measure the engine against.
import type { Extension } from '../src/azure/extensionModel';
import type { AzureAccess } from '../src/azure/azureAccess';
import type { ClusterModel } from '../src/azure/clusterModel';
import type { Limiter } from '../src/azure/concurrency';
import { failureDetails } from '../src/azure/extensionFailure';
import { beginCreateExtension, findExtension } from '../src/azure/extensionOperations';
import { isRunningState } from '../src/azure/provisioningState';
import type { ExtensionRequest } from '../src/shared';
import { toExtensionBody } from '../src/lifecycle/extensionBody';

/** A cluster the run did not finish with: cancelled before it started, or no longer waited for. */
export class NotWaitedError extends Error {}

/** Re-reads the extension until it leaves its running state: after a failed request or poll, the resource says what happened. */
async function settledState(access: AzureAccess, cluster: ClusterModel, name: string, signal: AbortSignal, pollIntervalMs: number): Promise<Extension | undefined> {
  for (;;) {
    const extension = await findExtension(access, cluster, name);
    if (!extension || !isRunningState(extension.provisioningState)) {
      return extension;
    }
    if (signal.aborted) {
      throw new NotWaitedError(`Still ${extension.provisioningState ?? ''} in Azure; stopped waiting.`);
    }
    await new Promise((resolve) => setTimeout(resolve, pollIntervalMs));
  }
}

/**
 * Creates the extension on one cluster (a request already completed by applyTypeDefaults) and resolves only once its end
 * state is known; a failure throws its reason. The SDK's retry policy handles 429 + Retry-After and transient 5xx.
 */
export async function deployToCluster(access: AzureAccess, cluster: ClusterModel, req: ExtensionRequest, signal: AbortSignal, pollIntervalMs: number): Promise<void> {
  if (signal.aborted) {
    throw new NotWaitedError('Cancelled before it started.');
  }
  let requestError: unknown;
  try {
    const operation = await beginCreateExtension(access, cluster, req.name, toExtensionBody(req), { updateIntervalInMs: pollIntervalMs });
    await operation.pollUntilDone({ abortSignal: signal });
    return;
  } catch (err) {
    requestError = err;
  }
  // The request or a poll failed after the SDK's own retries: Azure may still have done it, so ask the resource.
  const extension = await settledState(access, cluster, req.name, signal, pollIntervalMs).catch((err: unknown) => {
    if (err instanceof NotWaitedError) {
      throw err;
    }
    return undefined;
  });
  if (extension?.provisioningState?.toLowerCase() === 'succeeded') {
    return;
  }
  const reason = extension ? failureDetails(extension) : '';
  if (reason) {
    throw new Error(`${extension?.provisioningState ?? ''}: ${reason}`);
  }
  throw signal.aborted ? new NotWaitedError('Stopped waiting; check the cluster in the tree.') : requestError;
}

export type DeployOutcome = 'succeeded' | 'failed' | 'skipped';

/** How one cluster ended: the outcome and, unless it succeeded, why in one line. */
export interface DeployResult {
  readonly cluster: ClusterModel;
  readonly outcome: DeployOutcome;
  readonly message: string;
}

/**
 * Deploys to every cluster under the limiter, continuing past failures: every cluster ends with a known result.
 * `onSettled` reports each result as it comes, with how many have finished.
 */
export async function runDeployments(
  clusters: readonly ClusterModel[],
  deploy: (cluster: ClusterModel) => Promise<void>,
  limit: Limiter,
  /** How a failure reads in the summary: failed, or skipped (e.g. never started, or no longer waited for). */
  classifyError: (err: unknown) => { outcome: 'failed' | 'skipped'; message: string },
  onSettled: (result: DeployResult, finished: number) => void,
): Promise<DeployResult[]> {
  let finished = 0;
  return Promise.all(
    clusters.map(async (cluster): Promise<DeployResult> => {
      let result: DeployResult;
      try {
        await limit(() => deploy(cluster));
        result = { cluster, outcome: 'succeeded', message: '' };
      } catch (err) {
        result = { cluster, ...classifyError(err) };
      }
      onSettled(result, ++finished);
      return result;
    }),
  );
}
