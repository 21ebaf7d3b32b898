import * as vscode from 'vscode';
import { resumable } from '../../rollout/rolloutRecord';
import { registerCommand } from '../registerCommand';
import type { ExtensionServices } from '../services';
import { rolloutOutcomes, rolloutUntilDone } from './rolloutRunner';
import { notRunningElsewhere, pickStoredRollout, requestAgain } from './storedRollouts';

/** Resume Rollout: sends to the clusters not started or not checked, and reads again those whose end is unknown. */
export function registerResumeRollout(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerCommand(context, services, 'aksClusterExtensions.resumeRollout', 'Resume rollout', async (arg?: unknown) => {
    const record = await pickStoredRollout(services, arg, (r) => resumable(r).length > 0, vscode.l10n.t('Rollout to resume'));
    const req = (await notRunningElsewhere(services, record)) ? await requestAgain(services, record) : undefined;
    return req && rolloutOutcomes(await rolloutUntilDone(services, record, req, 'resume'));
  });
}
