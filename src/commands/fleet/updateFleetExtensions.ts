import * as vscode from 'vscode';
import type { PatchExtension } from '../../azure/extensionModel';
import { selectedMembers } from '../../fleetView/fleetSelection';
import { updateCommandLine } from '../../lifecycle/azCommandLine';
import { newRolloutRecord, type RolloutOptions } from '../../rollout/rolloutRecord';
import { runSteps } from '../../ui/multiStep';
import { confirmReview } from '../lifecycle/reviewStep';
import { checkRequest } from '../lifecycle/sendCreate';
import { askSettingEdits } from '../lifecycle/settingsQuestions';
import { askVersioning } from '../lifecycle/versioningQuestions';
import { registerCommand } from '../registerCommand';
import type { ExtensionServices } from '../services';
import { defaultRolloutOptions, rolloutAdjustments } from '../rollout/rolloutOptionsReview';
import { type FleetInstance, fleetInstances, fleetTargets, instanceNames, runFleetRollout, targetLines } from './fleetRollout';
import { clusterCount, instanceCount } from '../../ui/counts';

/** The answers of an update on many clusters: what to change, the change, and how it is rolled out. */
interface FleetUpdateAnswers {
  kind?: 'versioning' | 'settings';
  change?: { patch: PatchExtension; lines: string[] };
  options: RolloutOptions;
}

/** Settings changes for every instance: `key=value` sets, `-key` removes; other keys stay as each instance has them. */
async function askSettingsChange(services: ExtensionServices, title: string): Promise<FleetUpdateAnswers['change']> {
  const changes: Record<string, string | null> = {};
  const done = await askSettingEdits(services.prompter, title, () => Object.keys(changes), (key, value) => {
    changes[key] = value ?? null;
  });
  if (!done || Object.keys(changes).length === 0) {
    return undefined;
  }
  return {
    // A merge patch: only these keys change (null removes one); protected settings are never part of it.
    patch: { configurationSettings: changes as Record<string, string> },
    lines: Object.entries(changes).map(([key, value]) => (value === null ? `- ${key}` : `${key} = ${value}`)),
  };
}

/** The az commands of the review: one update per instance to change. */
function azCommands(instances: readonly FleetInstance[], patch: PatchExtension): string {
  const settings = Object.entries(patch.configurationSettings ?? {});
  const change = {
    ...patch,
    settings: Object.fromEntries(settings.filter(([, v]) => (v as string | null) !== null)),
    removedSettings: settings.filter(([, v]) => (v as string | null) === null).map(([k]) => k),
  };
  return instances.map((i) => updateCommandLine(i.cluster, i.extension.name, change)).join('\n');
}

/**
 * Update… on a bucket or a multi-selection: one change (auto-upgrade mode, release train or pinned version; or
 * configuration settings) for every instance, one review listing each cluster, then a rollout within Azure's budgets.
 * Each instance is read right before it is written; protected settings are never sent.
 */
export async function updateFleetExtensions(services: ExtensionServices, instances: FleetInstance[]) {
  const names = instanceNames(instances);
  const title = vscode.l10n.t('Update {0} on {1}', names, clusterCount(instances.length));
  const targets = fleetTargets(instances);
  const pending = targets.filter((t) => t.state === 'pending');
  const answers: FleetUpdateAnswers = { options: defaultRolloutOptions() };
  const completed = await runSteps<FleetUpdateAnswers>(
    [
      {
        async run(state, position) {
          state.kind = await services.prompter.pick<'versioning' | 'settings'>(
            [
              { label: vscode.l10n.t('Auto-upgrade, version or release train'), value: 'versioning' },
              { label: vscode.l10n.t('Change configuration settings as key=value entries'), detail: vscode.l10n.t('only the keys you name change; each instance keeps its other settings'), value: 'settings' },
            ],
            { title, placeHolder: vscode.l10n.t('What to change on every instance (protected settings are never sent)'), ...position },
          );
          return state.kind !== undefined;
        },
      },
      {
        async run(state) {
          const first = instances[0].extension;
          const versioning = state.kind === 'versioning' && (await askVersioning(services.prompter, title, { ...first, version: first.version ?? first.currentVersion }));
          state.change = versioning ? { patch: versioning.patch, lines: [versioning.line] } : state.kind === 'settings' ? await askSettingsChange(services, title) : undefined;
          return state.change !== undefined;
        },
      },
      {
        async run(state, position) {
          const change = state.change as NonNullable<FleetUpdateAnswers['change']>;
          const types = [...new Set(instances.map((i) => i.extension.extensionType))];
          const settingsKeys = new Set(Object.keys(change.patch.configurationSettings ?? {}));
          // Each type's rules judge what the update sets (the instances' other settings are theirs and not read here).
          const findings = types.map((extensionType) => checkRequest({ extensionType, name: instances[0].extension.name, ...change.patch }, settingsKeys, { settingsForm: 'stored' }));
          return confirmReview(
            services.prompter,
            {
              title,
              action: vscode.l10n.t('Update {0}', instanceCount(pending.length)),
              lines: [
                ...change.lines,
                ...targetLines(targets, (t) => vscode.l10n.t('Updates {0} on {1} (resource group {2}).', t.extensionName ?? '', t.cluster.name, t.cluster.resourceGroup)),
                vscode.l10n.t('Each instance is read again right before it is updated: one that already has these values, is busy, is gone or is managed by another service gets nothing.'),
              ],
              azCommand: azCommands(instances.filter((i) => pending.some((t) => t.cluster === i.cluster && t.extensionName === i.extension.name)), change.patch),
              adjustments: rolloutAdjustments(services.prompter, state, pending.length),
              errors: findings.flatMap((f) => f.errors),
              warnings: findings.flatMap((f) => f.warnings),
            },
            position,
          );
        },
      },
    ],
    answers,
  );
  if (!completed || !answers.change) {
    return undefined;
  }
  const request = { name: names, extensionType: instances[0].extension.extensionType };
  const record = newRolloutRecord({ title: vscode.l10n.t('Update {0}', names), request, action: { kind: 'update', patch: answers.change.patch }, options: answers.options, targets });
  return runFleetRollout(services, record, record.request);
}

/** Update… on a bucket or a multi-selection of the fleet view. */
export function registerUpdateFleetExtensions(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerCommand(context, services, 'aksClusterExtensions.fleet.update', 'Update extensions', async (arg?: unknown, selection?: unknown) => {
    const instances = await fleetInstances(services, selectedMembers(arg, selection));
    if (instances.length === 0) {
      void services.prompter.notify('info', vscode.l10n.t('Nothing to update here: select instances or a bucket of them.'));
      return undefined;
    }
    return updateFleetExtensions(services, instances);
  });
}
