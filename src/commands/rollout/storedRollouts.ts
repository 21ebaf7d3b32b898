import * as vscode from 'vscode';
import type { RolloutRecord } from '../../rollout/rolloutRecord';
import { isAlive } from '../../rollout/rolloutStore';
import { countsLine } from '../../rollout/rolloutSummary';
import type { ExtensionRequest } from '../../shared';
import { withProtectedSettings } from '../lifecycle/recreateExtension';
import { askSettings } from '../lifecycle/settingsQuestions';
import { UserFacingError } from '../registerCommand';
import type { ExtensionServices } from '../services';

/** The stored rollout a command works on: the id it was given, else the user's pick among those it applies to. */
export async function pickStoredRollout(services: ExtensionServices, arg: unknown, applies: (r: RolloutRecord) => boolean, title: string): Promise<RolloutRecord> {
  if (typeof arg === 'string') {
    const found = services.rollouts.find(arg);
    if (!found) {
      throw new UserFacingError(vscode.l10n.t('That rollout is no longer stored (only the last few are kept).'));
    }
    return found;
  }
  const candidates = services.rollouts.all().filter(applies);
  if (candidates.length === 0) {
    throw new UserFacingError(vscode.l10n.t('No stored rollout has clusters left for this.'));
  }
  const picked = await services.prompter.pick(
    candidates.map((r) => ({ label: r.title, description: new Date(r.startedAt).toLocaleString(), detail: countsLine(r), value: r })),
    { title },
  );
  if (!picked) {
    throw new vscode.CancellationError();
  }
  return picked;
}

/**
 * The request to send again: protected values are never stored, so when the rollout had some, they are asked again
 * (masked, or from the user's file), naming the keys. Undefined when the user cancels.
 */
export async function requestAgain(services: ExtensionServices, record: RolloutRecord): Promise<ExtensionRequest | undefined> {
  if (record.protectedKeys.length === 0) {
    return record.request;
  }
  const title = vscode.l10n.t('{0}: protected settings again ({1})', record.title, record.protectedKeys.join(', '));
  // A recreate given protected settings must not go on without them: the user said yes to a recreate that keeps them.
  const allowNone = record.action?.kind !== 'recreate';
  const answer = await askSettings(services.prompter, { title, isProtected: true, allowNone }, { step: 1, totalSteps: 1, canGoBack: false });
  return answer && withProtectedSettings(record.request, answer);
}

/** A record whose heartbeat is fresh may still run in another window: running it here too needs a yes. */
export async function notRunningElsewhere(services: ExtensionServices, record: RolloutRecord): Promise<boolean> {
  if (!isAlive(record)) {
    return true;
  }
  const seconds = Math.round((Date.now() - record.updatedAt) / 1000);
  return services.prompter.confirm(
    vscode.l10n.t('{0} was updated {1} s ago and may still be running in another window.', record.title, seconds),
    vscode.l10n.t('Running it here as well would send to its clusters twice. Go on only if no other window runs it.'),
    vscode.l10n.t('Run It Here'),
  );
}
