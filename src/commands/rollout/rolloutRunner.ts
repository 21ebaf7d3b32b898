import * as vscode from 'vscode';
import type { ClusterModel } from '../../azure/clusterModel';
import { ArmPacer } from '../../rollout/armPacer';
import { runRollout } from '../../rollout/rolloutEngine';
import { failedTargets, FINAL_STATES, type RolloutRecord, type RolloutTarget, resumable } from '../../rollout/rolloutRecord';
import { HEARTBEAT_MS } from '../../rollout/rolloutStore';
import { countsLine, rolloutSummaryMarkdown, secondsLeft } from '../../rollout/rolloutSummary';
import { requestTargetOf, requestToSend } from '../../lifecycle/requestToSend';
import type { ExtensionRequest } from '../../shared';
import { pollOptions } from '../lifecycle/trackOperation';
import type { ExtensionServices } from '../services';
import { clusterCount } from '../../ui/counts';

/** What a run works on: a new rollout's clusters, the rest of an interrupted one, or the failed ones again. */
export type RolloutMode = 'start' | 'resume' | 'retryFailed';

/** Rollouts this extension host is running now (by id), so that deactivation can mark them interrupted. */
const active = new Map<string, RolloutRecord>();

function targetsFor(record: RolloutRecord, mode: RolloutMode): RolloutTarget[] {
  const targets = mode === 'retryFailed' ? failedTargets(record) : mode === 'resume' ? resumable(record) : record.targets.filter((t) => t.state === 'pending');
  for (const target of targets) {
    // Sent ones keep their state: the engine reads them before anything else.
    if (target.state !== 'submitted' && target.state !== 'running') {
      target.state = 'pending';
      target.message = '';
    }
  }
  return targets;
}

/** `base` with the protected settings the user gave (`given`), which the stored record never holds. */
function withProtectedOf(base: ExtensionRequest, given: ExtensionRequest): ExtensionRequest {
  const { configurationProtectedSettings, configurationProtectedSettingsFile } = given;
  return { ...base, configurationProtectedSettings, configurationProtectedSettingsFile };
}

function timeLeftText(seconds: number | undefined): string {
  if (seconds === undefined) {
    return '';
  }
  return seconds < 90 ? vscode.l10n.t(', about {0} s left', seconds) : vscode.l10n.t(', about {0} min left', Math.round(seconds / 60));
}

/**
 * Runs the rollout under a cancellable progress notification ("k of n, about t left"), storing its state as it goes.
 * `req` is the record's request with the protected values the user gave, which the stored record never holds.
 */
export async function executeRollout(services: ExtensionServices, record: RolloutRecord, req: ExtensionRequest, mode: RolloutMode): Promise<RolloutRecord> {
  await services.access.listSubscriptions(); // after a reload, the clusters' subscriptions must be known to reach them
  const targets = targetsFor(record, mode);
  const tenantOf = (cluster: ClusterModel): string | undefined => services.access.clientsFor(cluster.subscriptionId).subscription.tenantId;
  const startedAt = Date.now();
  active.set(record.id, record);
  const pacer = new ArmPacer();
  try {
    return await services.prompter.withProgress(record.title, async (token, report) => {
      const cancel = new AbortController();
      const cancelled = token.onCancellationRequested(() => cancel.abort());
      // A rollout waiting minutes for Azure changes nothing: the heartbeat says this window still works on it.
      const heartbeat = setInterval(() => services.rollouts.save(record), HEARTBEAT_MS);
      let reported = 0;
      const onChange = (): void => {
        services.rollouts.save(record);
        const finished = targets.filter((t) => FINAL_STATES.includes(t.state)).length;
        report(vscode.l10n.t('{0} of {1}{2}', finished, targets.length, timeLeftText(secondsLeft(startedAt, finished, targets.length))), ((finished - reported) * 100) / targets.length);
        reported = finished;
      };
      try {
        return await runRollout(
          { access: services.access, pacer },
          {
            record,
            targets,
            // Per cluster: what the CLI fills in can depend on the target (Azure Backup records the tenant).
            requestFor: (base, cluster) => requestToSend(withProtectedOf(base, req), requestTargetOf(cluster, tenantOf(cluster))),
            withCanary: mode === 'start',
            replaceFailed: new Set(mode === 'retryFailed' ? targets.map((t) => t.cluster.id.toLowerCase()) : []),
            pollIntervalMs: pollOptions().updateIntervalInMs ?? 5000,
            cancel: cancel.signal,
          },
          { changed: onChange, askToContinue: (failed, total) => askToContinue(services, record, failed, total) },
        );
      } finally {
        clearInterval(heartbeat);
        cancelled.dispose();
      }
    });
  } finally {
    pacer.dispose();
    active.delete(record.id);
    services.rollouts.save(record);
    await services.rollouts.flush();
    services.tree.refresh();
    services.log.info(`${record.title}: ${countsLine(record)}`);
  }
}

function askToContinue(services: ExtensionServices, record: RolloutRecord, failed: number, total: number): Promise<boolean> {
  return services.prompter.confirm(
    vscode.l10n.t('{0}: {1} of {2} failed so far. Go on with the rest?', record.title, failed, clusterCount(total)),
    vscode.l10n.t('Nothing more is sent until you answer; what was sent goes on in Azure. Stop leaves the rest not started: Resume sends it later.'),
    vscode.l10n.t('Go On'),
  );
}

/** The actions a finished run offers: retry what failed, resume what did not end. */
export function nextActions(record: RolloutRecord): { retry?: string; resume?: string } {
  return {
    retry: failedTargets(record).length > 0 ? vscode.l10n.t('Retry the Failed Ones') : undefined,
    resume: resumable(record).length > 0 ? vscode.l10n.t('Resume') : undefined,
  };
}

/** Opens the summary document and offers Retry the Failed Ones / Resume; resolves to the action chosen. */
export async function showSummary(services: ExtensionServices, record: RolloutRecord): Promise<RolloutMode | undefined> {
  const { retry, resume } = nextActions(record);
  const hints = [
    ...(retry ? [vscode.l10n.t('Retry the failed clusters: **AKS Cluster Extensions: Retry the Failed Clusters of a Rollout**.')] : []),
    ...(resume ? [vscode.l10n.t('Send to the clusters not started or not checked, and read those still running: **AKS Cluster Extensions: Resume Rollout**.')] : []),
  ];
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: rolloutSummaryMarkdown(record, hints) });
  await vscode.window.showTextDocument(document, { preview: false });
  const actions = [retry, resume].filter((a): a is string => a !== undefined);
  const choice = await services.prompter.notify(actions.length > 0 ? 'warning' : 'info', `${record.title}: ${countsLine(record)}`, ...actions);
  return choice === undefined ? undefined : choice === retry ? 'retryFailed' : choice === resume ? 'resume' : undefined;
}

/** Runs, shows the summary, and runs again as long as the user picks Retry the Failed Ones or Resume there. */
export async function rolloutUntilDone(services: ExtensionServices, record: RolloutRecord, req: ExtensionRequest, mode: RolloutMode): Promise<RolloutRecord> {
  for (let next: RolloutMode | undefined = mode; next; ) {
    await executeRollout(services, record, req, next);
    next = await showSummary(services, record);
  }
  return record;
}

/** What the rollout commands return (tests read it): every cluster with the state it ended in and why. */
export function rolloutOutcomes(record: RolloutRecord): { cluster: ClusterModel; outcome: string; message: string }[] {
  return record.targets.map((t) => ({ cluster: t.cluster, outcome: t.state, message: t.message }));
}

/** On deactivation (window reload, extension host restart): what runs here is marked interrupted and written at once. */
export async function markActiveInterrupted(services: ExtensionServices): Promise<void> {
  for (const record of active.values()) {
    record.status = 'interrupted';
    services.rollouts.save(record);
  }
  await services.rollouts.flush();
}
