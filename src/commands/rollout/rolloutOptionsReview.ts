import * as vscode from 'vscode';
import { type CanaryOption, type FailureThreshold, parseFailureThreshold, type RolloutOptions } from '../../rollout/rolloutRecord';
import type { Prompter } from '../../ui/prompter';
import type { ReviewAdjustment } from '../lifecycle/reviewStep';
import { clusterCount } from '../../ui/counts';

/** The rollout options the settings hold: the defaults a many-cluster review starts from. */
export function defaultRolloutOptions(): RolloutOptions {
  const settings = vscode.workspace.getConfiguration('aksClusterExtensions.rollout');
  const canary = settings.get<string>('canary', 'none');
  return {
    canary: canary === 'first' ? { kind: 'first', count: settings.get<number>('canaryCount', 1) } : canary === 'perRegion' ? { kind: 'perRegion' } : { kind: 'none' },
    failureThreshold: parseFailureThreshold(settings.get<string>('pauseAfterFailures', '10%')),
  };
}

function canaryText(canary: CanaryOption): string {
  switch (canary.kind) {
    case 'none':
      return vscode.l10n.t('Canary: none, every cluster at once within Azure\'s budget');
    case 'first':
      return vscode.l10n.t('Canary: the first {0} alone; the rest only once they succeeded', clusterCount(canary.count));
    case 'perRegion':
      return vscode.l10n.t('Canary: one cluster per region alone; the rest only once they succeeded');
  }
}

function thresholdText(threshold: FailureThreshold): string {
  switch (threshold.kind) {
    case 'none':
      return vscode.l10n.t('Failures: never pause (each failed cluster is reported; the others go on)');
    case 'count':
      return vscode.l10n.t('Failures: pause and ask once {0} failed', clusterCount(threshold.count));
    case 'percent':
      return vscode.l10n.t('Failures: pause and ask after {0}% of the clusters failed (at least 2)', threshold.percent);
  }
}

function thresholdInput(threshold: FailureThreshold): string {
  return threshold.kind === 'count' ? String(threshold.count) : threshold.kind === 'percent' ? `${threshold.percent}%` : '';
}

async function askCanary(prompter: Prompter, current: CanaryOption, clusters: number): Promise<CanaryOption | undefined> {
  const kind = await prompter.pick<CanaryOption['kind']>(
    [
      { label: vscode.l10n.t('No canary'), description: current.kind === 'none' ? vscode.l10n.t('current') : undefined, value: 'none' },
      { label: vscode.l10n.t('The first clusters first'), description: current.kind === 'first' ? vscode.l10n.t('current') : undefined, value: 'first' },
      { label: vscode.l10n.t('One cluster per region first'), description: current.kind === 'perRegion' ? vscode.l10n.t('current') : undefined, value: 'perRegion' },
    ],
    { title: vscode.l10n.t('Canary'), placeHolder: vscode.l10n.t('Which clusters go first and alone? When one of them does not succeed, the rest is not started.') },
  );
  if (kind !== 'first') {
    return kind && { kind };
  }
  const count = await prompter.input({
    title: vscode.l10n.t('Canary'),
    prompt: vscode.l10n.t('How many clusters go first (1 to {0})', clusters),
    value: String(current.kind === 'first' ? current.count : 1),
    validate: (v) => (/^\d+$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= clusters ? undefined : vscode.l10n.t('A whole number from 1 to {0}.', clusters)),
  });
  return count === undefined ? undefined : { kind: 'first', count: Number(count) };
}

async function askThreshold(prompter: Prompter, current: FailureThreshold): Promise<FailureThreshold | undefined> {
  const text = await prompter.input({
    title: vscode.l10n.t('Pause after failures'),
    prompt: vscode.l10n.t('Pause and ask whether to go on after this many failed clusters (5) or this share of them (10%); empty never pauses'),
    value: thresholdInput(current),
    validate: (v) => (/^\s*(\d+%?)?\s*$/.test(v) ? undefined : vscode.l10n.t('A number of clusters (5), a share of them (10%), or empty for never.')),
  });
  return text === undefined ? undefined : parseFailureThreshold(text);
}

/**
 * The review rows of a many-cluster action's rollout options (canary, failure threshold), starting from the settings'
 * defaults held in `state`; picking one asks again. A single cluster has neither.
 */
export function rolloutAdjustments(prompter: Prompter, state: { options: RolloutOptions }, clusters: number): ReviewAdjustment[] {
  if (clusters < 2) {
    return [];
  }
  return [
    {
      label: () => canaryText(state.options.canary),
      change: async () => {
        const canary = await askCanary(prompter, state.options.canary, clusters);
        state.options = { ...state.options, canary: canary ?? state.options.canary };
      },
    },
    {
      label: () => thresholdText(state.options.failureThreshold),
      change: async () => {
        const failureThreshold = await askThreshold(prompter, state.options.failureThreshold);
        state.options = { ...state.options, failureThreshold: failureThreshold ?? state.options.failureThreshold };
      },
    },
  ];
}
