import * as vscode from 'vscode';
import { countsLine } from '../../rollout/rolloutSummary';
import type { ExtensionServices } from '../services';
import { registerResumeRollout } from './resumeRollout';
import { registerRetryFailedClusters } from './retryFailedClusters';
import { nextActions } from './rolloutRunner';

/** After a reload or a crash: the newest interrupted rollout is announced with what was done and what can follow. */
async function offerInterrupted(services: ExtensionServices): Promise<void> {
  const [record] = services.rollouts.interrupted();
  if (!record) {
    return;
  }
  const { retry, resume } = nextActions(record);
  const actions = [resume, retry].filter((a): a is string => a !== undefined);
  // Announced once: afterwards it stays in the store, resumable from the command palette.
  record.status = 'stopped';
  services.rollouts.save(record);
  const choice = await services.prompter.notify('warning', vscode.l10n.t('{0} was interrupted: {1}', record.title, countsLine(record)), ...actions);
  if (choice !== undefined) {
    await vscode.commands.executeCommand(choice === resume ? 'aksClusterExtensions.resumeRollout' : 'aksClusterExtensions.retryFailedClusters', record.id);
  }
}

export function registerRolloutCommands(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerResumeRollout(context, services);
  registerRetryFailedClusters(context, services);
  void offerInterrupted(services);
}
