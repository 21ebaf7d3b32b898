import type { Extension } from '../azure/extensionModel';
import type { AzureAccess } from '../azure/azureAccess';
import type { ClusterModel } from '../azure/clusterModel';
import { failureDetails } from '../azure/extensionFailure';
import { beginCreateExtension, findExtension } from '../azure/extensionOperations';
import { isRunningState } from '../azure/provisioningState';
import type { ExtensionRequest } from '../shared';
import { toExtensionBody } from './extensionBody';

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
