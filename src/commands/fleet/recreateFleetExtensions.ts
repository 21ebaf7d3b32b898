import * as vscode from 'vscode';
import { selectedMembers } from '../../fleetView/fleetSelection';
import { deleteCommandLine } from '../../lifecycle/azCommandLine';
import { newRolloutRecord, type RolloutOptions } from '../../rollout/rolloutRecord';
import { acceptsProtectedSettings } from '../../shared';
import { runSteps } from '../../ui/multiStep';
import { withProtectedSettings } from '../lifecycle/recreateExtension';
import { confirmReview } from '../lifecycle/reviewStep';
import { askSettings, type SettingsAnswer } from '../lifecycle/settingsQuestions';
import { registerCommand } from '../registerCommand';
import { defaultRolloutOptions, rolloutAdjustments } from '../rollout/rolloutOptionsReview';
import type { ExtensionServices } from '../services';
import { type FleetInstance, fleetInstances, fleetTargets, instanceNames, runFleetRollout, targetLines } from './fleetRollout';
import { clusterCount, instanceCount } from '../../ui/counts';

interface FleetRecreateAnswers {
  protectedAnswer: SettingsAnswer;
  options: RolloutOptions;
}

/** What recreating without protected settings loses, or undefined when nothing is (Azure never returns their values). */
function droppedProtected(instances: readonly FleetInstance[], answer: SettingsAnswer): string | undefined {
  const losing = instances.filter((i) => acceptsProtectedSettings(i.extension.extensionType));
  return answer.kind === 'none' && losing.length > 0
    ? vscode.l10n.t('You chose no protected settings: any protected settings these {0} have now will be gone for good (Azure never returns them, nor says how many there are).', instanceCount(losing.length))
    : undefined;
}

/**
 * Recreate Failed… on a bucket or a multi-selection: every Failed instance deleted, waited for, and created again with
 * the settings it has (each read right before its delete) and the protected settings given once for all; one review
 * listing each cluster and one modal yes, which names what is lost; then a rollout within Azure's budgets.
 */
export async function recreateFleetExtensions(services: ExtensionServices, instances: FleetInstance[]) {
  const names = instanceNames(instances);
  const title = vscode.l10n.t('Recreate {0} on {1}', names, clusterCount(instances.length));
  const targets = fleetTargets(instances);
  const pending = targets.filter((t) => t.state === 'pending');
  const failures = new Map(instances.map((i) => [`${i.cluster.id}|${i.extension.name}`, i.extension.errorMessage]));
  const answers: FleetRecreateAnswers = { protectedAnswer: { kind: 'none' }, options: defaultRolloutOptions() };
  const completed = await runSteps<FleetRecreateAnswers>(
    [
      {
        when: () => instances.some((i) => acceptsProtectedSettings(i.extension.extensionType)),
        async run(state, position) {
          const answer = await askSettings(services.prompter, { title: vscode.l10n.t('{0}: protected settings for every instance', title), isProtected: true }, position);
          state.protectedAnswer = answer ?? state.protectedAnswer;
          return answer !== undefined;
        },
      },
      {
        run: (state, position) =>
          confirmReview(
            services.prompter,
            {
              title,
              action: vscode.l10n.t('Delete and Create {0}', instanceCount(pending.length)),
              context: [droppedProtected(instances, state.protectedAnswer)].filter((l): l is string => l !== undefined),
              lines: [
                ...targetLines(targets, (t) => {
                  const failure = failures.get(`${t.cluster.id}|${t.extensionName ?? ''}`);
                  return failure
                    ? vscode.l10n.t('Deletes {0} on {1} and creates it again with the settings it has. It failed with: {2}', t.extensionName ?? '', t.cluster.name, failure)
                    : vscode.l10n.t('Deletes {0} on {1} and creates it again with the settings it has.', t.extensionName ?? '', t.cluster.name);
                }),
                vscode.l10n.t('Each instance is read again right before its delete: one that is busy, gone or managed by another service, or whose create the rules would refuse, is not deleted.'),
              ],
              // The create that follows each delete takes the settings read then, so only the deletes can be written out here.
              azCommand: pending.map((t) => deleteCommandLine(t.cluster, t.extensionName ?? '', false)).join('\n'),
              adjustments: rolloutAdjustments(services.prompter, state, pending.length),
            },
            position,
          ),
      },
    ],
    answers,
  );
  if (!completed) {
    return undefined;
  }
  const dropped = droppedProtected(instances, answers.protectedAnswer);
  const yes = await services.prompter.confirm(
    vscode.l10n.t('Delete {0} and create them again?', instanceCount(pending.length)),
    [
      vscode.l10n.t('Each is deleted first and waited for until Azure has removed it; then it is created again as reviewed. If a create fails, that instance is gone from its cluster until you retry (the summary offers Retry the Failed Ones).'),
      ...(dropped ? [dropped] : []),
    ].join('\n\n'),
    dropped ? vscode.l10n.t('Delete, Drop Protected Settings and Create') : vscode.l10n.t('Delete and Create'),
  );
  if (!yes) {
    return undefined;
  }
  const request = withProtectedSettings({ name: names, extensionType: instances[0].extension.extensionType }, answers.protectedAnswer);
  const record = newRolloutRecord({ title: vscode.l10n.t('Recreate {0}', names), request, action: { kind: 'recreate' }, options: answers.options, targets });
  return runFleetRollout(services, record, request);
}

/** Recreate Failed… on a bucket or a multi-selection of the fleet view. */
export function registerRecreateFleetExtensions(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerCommand(context, services, 'aksClusterExtensions.fleet.recreate', 'Recreate failed extensions', async (arg?: unknown, selection?: unknown) => {
    const failed = selectedMembers(arg, selection).filter((m) => m.extension?.provisioningState.toLowerCase() === 'failed');
    const instances = await fleetInstances(services, failed);
    if (instances.length === 0) {
      void services.prompter.notify('info', vscode.l10n.t('Nothing to recreate here: select Failed instances or the Failed bucket.'));
      return undefined;
    }
    return recreateFleetExtensions(services, instances);
  });
}
