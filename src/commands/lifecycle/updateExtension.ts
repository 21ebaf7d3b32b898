import type { Extension, PatchExtension } from '../../azure/extensionModel';
import * as vscode from 'vscode';
import type { ClusterModel } from '../../azure/clusterModel';
import { beginUpdateExtension } from '../../azure/extensionOperations';
import { updateCommandLine } from '../../lifecycle/azCommandLine';
import { changedValues, describeDiff, diffSettings, isEmptyDiff, settingsPatch } from '../../lifecycle/settingsDiff';
import { applyTypeUpdateDefaults, type ExtensionRequest } from '../../shared';
import type { ExtensionNode } from '../../tree/treeNodes';
import { runSteps, type Step } from '../../ui/multiStep';
import type { Prompter } from '../../ui/prompter';
import { resolveExtensionNode } from '../nodePickers';
import { selectedTreeInstances } from '../fleet/fleetRollout';
import { updateFleetExtensions } from '../fleet/updateFleetExtensions';
import { registerCommand } from '../registerCommand';
import type { ExtensionServices } from '../services';
import { idleExtension } from './clusterChecks';
import { confirmReview } from './reviewStep';
import { checkRequest } from './sendCreate';
import { SettingsDiffEditor } from './settingsDiffEditor';
import { askVersioning } from './versioningQuestions';
import { withoutUnchangedMode } from '../../rollout/updateAction';
import { editSettingsInDocument } from './settingsDocument';
import { askSettingEdits } from './settingsQuestions';
import { pollOptions, trackOperation } from './trackOperation';

type UpdateKind = 'document' | 'entries' | 'versioning';

/** The answers of an update, step by step: what to change, the planned change, and what is sent once reviewed. */
interface UpdateAnswers {
  kind?: UpdateKind;
  plan?: PlannedUpdate;
  completed?: ReturnType<typeof applyTypeUpdateDefaults>;
}

/** A change ready to send: the PATCH body, what the review shows, and the request the shared rules check. */
interface PlannedUpdate {
  readonly patch: PatchExtension;
  readonly lines: string[];
  readonly azCommand: string;
  readonly request: ExtensionRequest;
  /** The settings keys the user changed: the rules judge those (Azure never returns protected settings, so rules across both maps cannot be judged here). */
  readonly changedKeys?: ReadonlySet<string>;
}

/** Settings changed entry by entry: `key=value` adds or changes, `-key` removes. */
async function settingsFromEntries(prompter: Prompter, extension: Extension): Promise<Record<string, string> | undefined> {
  const desired: Record<string, string> = { ...(extension.configurationSettings ?? {}) };
  const done = await askSettingEdits(prompter, vscode.l10n.t('Change the configuration settings of {0}', extension.name ?? ''), () => Object.keys(desired), (key, value) => {
    if (value === undefined) {
      delete desired[key];
    } else {
      desired[key] = value;
    }
  });
  return done ? desired : undefined;
}

async function planSettingsUpdate(
  services: ExtensionServices,
  diffEditor: SettingsDiffEditor,
  cluster: ClusterModel,
  extension: Extension,
  kind: 'document' | 'entries',
): Promise<PlannedUpdate | undefined> {
  const desired = kind === 'document'
    ? await editSettingsInDocument(services.prompter, {
        extensionType: extension.extensionType ?? '',
        settings: extension.configurationSettings ?? {},
        existing: true,
        hint: vscode.l10n.t('Edit the settings of {0}, then choose ✓ in the title bar to review the changes (only changed keys are sent). Closing the editor cancels.', extension.name ?? ''),
      })
    : await settingsFromEntries(services.prompter, extension);
  if (!desired) {
    return undefined;
  }
  const diff = diffSettings(extension.configurationSettings ?? {}, desired);
  if (isEmptyDiff(diff)) {
    void services.prompter.notify('info', vscode.l10n.t('The settings of {0} are unchanged: nothing to send.', extension.name ?? ''));
    return undefined;
  }
  await diffEditor.show(extension.name ?? '', cluster.name, extension.configurationSettings ?? {}, desired);
  return {
    // Protected settings are never part of this patch: Azure would replace all of them.
    patch: { configurationSettings: settingsPatch(diff) as Record<string, string> },
    lines: [vscode.l10n.t('The diff editor shows the settings in Azure and after the update, side by side.'), ...describeDiff(diff)],
    azCommand: updateCommandLine(cluster, extension.name ?? '', { settings: changedValues(diff), removedSettings: diff.removed }),
    request: { extensionType: extension.extensionType ?? '', name: extension.name ?? '', configurationSettings: desired },
    changedKeys: new Set([...Object.keys(changedValues(diff)), ...diff.removed]),
  };
}

async function planVersioningUpdate(services: ExtensionServices, cluster: ClusterModel, extension: Extension): Promise<PlannedUpdate | undefined> {
  const title = vscode.l10n.t('Versioning of {0}', extension.name ?? '');
  const change = await askVersioning(services.prompter, title, { ...extension, version: extension.version ?? extension.currentVersion });
  if (!change) {
    return undefined;
  }
  // The mode is sent only when it changes, so an update az could make sends what az sends.
  const patch = withoutUnchangedMode(extension, change.patch);
  return {
    patch,
    lines: [change.line],
    azCommand: updateCommandLine(cluster, extension.name ?? '', patch),
    request: { extensionType: extension.extensionType ?? '', name: extension.name ?? '', ...patch },
  };
}

async function updateExtension(services: ExtensionServices, diffEditor: SettingsDiffEditor, node: ExtensionNode) {
  const cluster = node.parent.cluster;
  const name = node.extension.name ?? '';
  const extension = await idleExtension(services, cluster, name);
  const action = vscode.l10n.t('Update {0} on {1}', name, cluster.name);
  const answers: UpdateAnswers = {};
  const steps: Step<UpdateAnswers>[] = [
    {
      async run(state, position) {
        state.kind = await services.prompter.pick<UpdateKind>(
          [
            { label: vscode.l10n.t('Edit configuration settings in a document'), value: 'document' },
            { label: vscode.l10n.t('Change configuration settings as key=value entries'), value: 'entries' },
            { label: vscode.l10n.t('Auto-upgrade, version or release train'), value: 'versioning' },
          ],
          { title: action, placeHolder: vscode.l10n.t('What to change (protected settings have their own command: Replace Protected Settings…)'), ...position },
        );
        return state.kind !== undefined;
      },
    },
    {
      async run(state) {
        state.plan = state.kind === 'versioning' ? await planVersioningUpdate(services, cluster, extension) : await planSettingsUpdate(services, diffEditor, cluster, extension, state.kind ?? 'entries');
        return state.plan !== undefined;
      },
    },
    {
      async run(state, position) {
        const plan = state.plan as PlannedUpdate;
        // The settings start from what Azure stores; keys fixed at creation (Dapr's global.ha.*) must keep their value.
        const { errors, warnings } = checkRequest(plan.request, plan.changedKeys, { settingsForm: 'stored', settingsBefore: extension.configurationSettings ?? {} });
        // What az's partner class adds to an update (Dapr's apply-CRDs hook) is sent too, and listed, never silently.
        state.completed = applyTypeUpdateDefaults(extension, plan.patch);
        const lines = [
          ...plan.lines,
          ...Object.entries(state.completed.added).map(([key, value]) => vscode.l10n.t('+ {0} = {1} (az adds it to this update)', key, value)),
        ];
        return confirmReview(services.prompter, { title: action, action: vscode.l10n.t('Update {0}', name), lines, azCommand: plan.azCommand, warnings, errors }, position);
      },
    },
  ];
  if (!(await runSteps(steps, answers)) || !answers.completed) {
    return undefined;
  }
  const completed = answers.completed;
  // Checked again right before sending: the review may have stayed open while another operation started.
  await idleExtension(services, cluster, name);
  const operation = await beginUpdateExtension(services.access, cluster, name, completed.patch as PatchExtension, pollOptions());
  return trackOperation(services, {
    clusterNode: node.parent,
    extensionName: name,
    action,
    progressTitle: vscode.l10n.t('Updating {0} on {1}', name, cluster.name),
    successMessage: vscode.l10n.t('{0} was updated on {1}.', name, cluster.name),
    operation,
  });
}

/**
 * Update…: settings (in a document or as entries, only changed keys sent, previewed) or versioning; never protected
 * settings. Several rows selected together are updated as the fleet view updates a selection: one change, one review,
 * one rollout.
 */
export function registerUpdateExtension(context: vscode.ExtensionContext, services: ExtensionServices): void {
  const diffEditor = SettingsDiffEditor.register(context);
  registerCommand(context, services, 'aksClusterExtensions.updateExtension', 'Update extension', async (arg?: unknown, selection?: unknown) => {
    const several = selectedTreeInstances(arg, selection);
    return several ? updateFleetExtensions(services, several) : updateExtension(services, diffEditor, await resolveExtensionNode(arg, services));
  });
}
