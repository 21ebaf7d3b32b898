import * as vscode from 'vscode';
import { selectedMembers } from '../../fleetView/fleetSelection';
import { deleteCommandLine } from '../../lifecycle/azCommandLine';
import { newRolloutRecord, type RolloutOptions } from '../../rollout/rolloutRecord';
import { confirmReview } from '../lifecycle/reviewStep';
import { registerCommand } from '../registerCommand';
import { defaultRolloutOptions, rolloutAdjustments } from '../rollout/rolloutOptionsReview';
import type { ExtensionServices } from '../services';
import { type FleetInstance, fleetInstances, fleetTargets, instanceNames, runFleetRollout, targetLines } from './fleetRollout';
import { clusterCount, instanceCount } from '../../ui/counts';

/**
 * Delete… on a bucket or a multi-selection: one review listing each cluster, one modal yes, then a rollout within
 * Azure's budgets; each instance is read right before its delete (one that is busy or gone gets nothing).
 */
export async function deleteFleetExtensions(services: ExtensionServices, instances: FleetInstance[]) {
  const names = instanceNames(instances);
  const title = vscode.l10n.t('Delete {0} from {1}', names, clusterCount(instances.length));
  const targets = fleetTargets(instances);
  const pending = targets.filter((t) => t.state === 'pending');
  const choices: { options: RolloutOptions } = { options: defaultRolloutOptions() };
  const reviewed = await confirmReview(services.prompter, {
    title,
    action: vscode.l10n.t('Delete {0}', instanceCount(pending.length)),
    lines: [
      ...targetLines(targets, (t) => vscode.l10n.t('Deletes {0} from {1} (resource group {2}).', t.extensionName ?? '', t.cluster.name, t.cluster.resourceGroup)),
      vscode.l10n.t('Each instance is read again right before it is deleted: one that is busy, gone or managed by another service gets nothing.'),
    ],
    azCommand: pending.map((t) => deleteCommandLine(t.cluster, t.extensionName ?? '', false)).join('\n'),
    adjustments: rolloutAdjustments(services.prompter, choices, pending.length),
  });
  const yes =
    reviewed &&
    (await services.prompter.confirm(
      vscode.l10n.t('Delete {0} from their clusters?', instanceCount(pending.length)),
      vscode.l10n.t('Each Azure resource is deleted at once. The cluster agent removes the Helm release later, when it can reach Azure. If the agent cannot be reached, use Force Delete on that instance.'),
      vscode.l10n.t('Delete'),
    ));
  if (!yes) {
    return undefined;
  }
  const request = { name: names, extensionType: instances[0].extension.extensionType };
  const record = newRolloutRecord({ title: vscode.l10n.t('Delete {0}', names), request, action: { kind: 'delete' }, options: choices.options, targets });
  return runFleetRollout(services, record, request);
}

/** Delete… on a bucket or a multi-selection of the fleet view. */
export function registerDeleteFleetExtensions(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerCommand(context, services, 'aksClusterExtensions.fleet.delete', 'Delete extensions', async (arg?: unknown, selection?: unknown) => {
    const instances = await fleetInstances(services, selectedMembers(arg, selection));
    if (instances.length === 0) {
      void services.prompter.notify('info', vscode.l10n.t('Nothing to delete here: select instances or a bucket of them.'));
      return undefined;
    }
    return deleteFleetExtensions(services, instances);
  });
}
