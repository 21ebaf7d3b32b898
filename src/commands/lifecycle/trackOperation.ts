import * as vscode from 'vscode';
import { describeAzureError } from '../../azure/azureErrorMessage';
import { failureDetails } from '../../azure/extensionFailure';
import type { ExtensionOperation, OperationOptions } from '../../azure/extensionOperations';
import type { ClusterNode } from '../../tree/treeNodes';
import type { ExtensionServices } from '../services';
import { findExtension } from '../../azure/extensionOperations';

/** How waiting for an operation ended. */
export type TrackedOutcome = 'succeeded' | 'failed' | 'stoppedWaiting';

export interface TrackedOperation {
  readonly clusterNode: ClusterNode;
  readonly extensionName: string;
  /** The action as the user reads it in messages, e.g. "Create dapr on aks-1". */
  readonly action: string;
  /** Shown in the progress notification while waiting. */
  readonly progressTitle: string;
  readonly successMessage: string;
  readonly operation: ExtensionOperation<unknown>;
}

/** How often operations are polled when Azure sends no Retry-After: the tree's poll interval setting. */
export function pollOptions(): OperationOptions {
  return { updateIntervalInMs: vscode.workspace.getConfiguration('aksClusterExtensions').get<number>('pollIntervalSeconds', 5) * 1000 };
}

/**
 * Waits for an accepted operation under a cancellable progress notification. Cancel stops waiting, not the operation:
 * the tree keeps re-reading the cluster until the extension leaves its running state. The end is announced, with
 * Azure's error and the extension's statuses when it failed (the detail goes to the log).
 */
export async function trackOperation(services: ExtensionServices, tracked: TrackedOperation): Promise<TrackedOutcome> {
  services.log.info(`${tracked.action}: accepted by Azure`);
  // The resource now reads Creating/Updating/Deleting: show it at once; the tree's watcher follows it from there.
  services.tree.refresh(tracked.clusterNode);
  const outcome = await services.prompter.withProgress(
    tracked.progressTitle,
    async (token): Promise<'succeeded' | 'stoppedWaiting' | { error: unknown }> => {
      const abort = new AbortController();
      const cancelled = token.onCancellationRequested(() => abort.abort());
      try {
        await tracked.operation.pollUntilDone({ abortSignal: abort.signal });
        return 'succeeded';
      } catch (err) {
        return abort.signal.aborted ? 'stoppedWaiting' : { error: err };
      } finally {
        cancelled.dispose();
      }
    },
  );
  services.tree.refresh(tracked.clusterNode);
  if (outcome === 'succeeded') {
    void services.prompter.notify('info', tracked.successMessage);
    return outcome;
  }
  if (outcome === 'stoppedWaiting') {
    void services.prompter.notify('info', vscode.l10n.t('Stopped waiting. {0} goes on in Azure; the tree shows its state until it ends.', tracked.action));
    return outcome;
  }
  const described = describeAzureError(outcome.error, tracked.action);
  const failed = await findExtension(services.access, tracked.clusterNode.cluster, tracked.extensionName).catch(() => undefined);
  const statuses = failed ? failureDetails(failed) : '';
  services.log.error(statuses ? `${described.detail}; extension status: ${statuses}` : described.detail);
  const showLog = vscode.l10n.t('Show Log');
  void services.prompter.notify('error', statuses ? `${described.message} ${statuses}` : described.message, showLog).then((choice) => {
    if (choice === showLog) {
      services.log.show();
    }
  });
  return 'failed';
}
