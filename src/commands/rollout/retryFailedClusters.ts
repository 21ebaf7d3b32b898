import * as vscode from 'vscode';
import { failedTargets } from '../../rollout/rolloutRecord';
import { registerCommand } from '../registerCommand';
import type { ExtensionServices } from '../services';
import { rolloutOutcomes, rolloutUntilDone } from './rolloutRunner';
import { notRunningElsewhere, pickStoredRollout, requestAgain } from './storedRollouts';

/** Retry the Failed Clusters of a Rollout: sends again to the clusters that failed (their Failed extension is replaced). */
export function registerRetryFailedClusters(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerCommand(context, services, 'aksClusterExtensions.retryFailedClusters', 'Retry the failed clusters', async (arg?: unknown) => {
    const record = await pickStoredRollout(services, arg, (r) => failedTargets(r).length > 0, vscode.l10n.t('Rollout whose failed clusters to retry'));
    const req = (await notRunningElsewhere(services, record)) ? await requestAgain(services, record) : undefined;
    return req && rolloutOutcomes(await rolloutUntilDone(services, record, req, 'retryFailed'));
  });
}
