import type { Extension } from '../../azure/extensionModel';
import * as vscode from 'vscode';
import { failureDetails } from '../../azure/extensionFailure';
import { beginDeleteExtension } from '../../azure/extensionOperations';
import { createCommandLine, deleteCommandLine } from '../../lifecycle/azCommandLine';
import { requestFromExtension } from '../../lifecycle/extensionBody';
import { acceptsProtectedSettings, type ExtensionRequest, type ValidateRequestOptions } from '../../shared';
import type { ExtensionNode } from '../../tree/treeNodes';
import { runSteps } from '../../ui/multiStep';
import { resolveExtensionNode } from '../nodePickers';
import { selectedTreeInstances } from '../fleet/fleetRollout';
import { recreateFleetExtensions } from '../fleet/recreateFleetExtensions';
import { registerCommand } from '../registerCommand';
import type { ExtensionServices } from '../services';
import { idleExtension } from './clusterChecks';
import { describeRequest } from './createTarget';
import { confirmRecreate, waitForDeletion } from './recreateConfirmation';
import { confirmReview } from './reviewStep';
import { checkRequest, sendCreate } from './sendCreate';
import { editSettingsInDocument } from './settingsDocument';
import { pollOptions } from './trackOperation';
import { askSettings, type SettingsAnswer } from './settingsQuestions';

/** The protected half of a request from the user's answer (Azure never returns the stored values). */
export function withProtectedSettings(req: ExtensionRequest, answer: SettingsAnswer): ExtensionRequest {
  switch (answer.kind) {
    case 'none':
      return req;
    case 'entries':
      return { ...req, configurationProtectedSettings: answer.values };
    case 'file':
      return { ...req, configurationProtectedSettingsFile: answer.path };
  }
}

/** The answers of a recreate: the settings to create it with (those it has, or edited) and the protected ones. */
interface RecreateAnswers {
  settings: Record<string, string>;
  protectedAnswer: SettingsAnswer;
}

/**
 * Why the extension failed, as the review's first line: that is what the recreate is meant to fix. Azure reports it in
 * errorInfo, or only in statuses[] (as the az CLI's recordings show).
 */
function failureLine(extension: Extension): string[] {
  const error = extension.errorInfo;
  if (error?.message || error?.code) {
    return [vscode.l10n.t('It failed with {0}: {1}', error.code ?? vscode.l10n.t('an error'), error.message ?? '')];
  }
  const details = failureDetails(extension);
  return details ? [vscode.l10n.t('It failed with {0}', details)] : [];
}

/**
 * Why the review's keys and the az command's differ, when they do: Azure stores some types' settings under other names
 * (Azure Backup's blobContainer is stored as configuration.backupStorageLocation.bucket), and az takes the typed ones.
 */
function storedFormNote(req: ExtensionRequest, azCommand: string): string[] {
  const renamed = Object.keys(req.configurationSettings ?? {}).some((key) => !azCommand.includes(key));
  return renamed
    ? [vscode.l10n.t('The settings above are named as Azure stores them; the az command names them as az k8s-extension takes them, which for {0} differs. Both describe the same settings.', req.extensionType)]
    : [];
}

/**
 * Recreate: what the docs prescribe for an extension that went Failed after 48 hours without agent contact. Deletes it
 * and creates it with the same type, scope and version choice; the settings can be edited first, protected settings are
 * asked again, and a modal dialog asks before anything is deleted.
 */
async function recreateExtension(services: ExtensionServices, node: ExtensionNode) {
  const cluster = node.parent.cluster;
  const name = node.extension.name ?? '';
  const extension = await idleExtension(services, cluster, name);
  const action = vscode.l10n.t('Recreate {0} on {1}', name, cluster.name);
  const stored = extension.configurationSettings ?? {};
  const answers: RecreateAnswers = { settings: stored, protectedAnswer: { kind: 'none' } };
  // The settings are those Azure holds, which some types store under other names: all rules apply, in that form.
  const validation: ValidateRequestOptions = { settingsForm: 'stored' };
  const request = (): ExtensionRequest => withProtectedSettings({ ...requestFromExtension(extension), configurationSettings: answers.settings }, answers.protectedAnswer);
  const completed = await runSteps<RecreateAnswers>(
    [
      // Protected settings first: Back from a review with errors then lands on the settings, where they are fixed.
      {
        when: () => acceptsProtectedSettings(extension.extensionType ?? ''),
        async run(state, position) {
          const answer = await askSettings(services.prompter, { title: action, isProtected: true }, position);
          state.protectedAnswer = answer ?? state.protectedAnswer;
          return answer !== undefined;
        },
      },
      {
        async run(state, position) {
          const choice = await services.prompter.pick<'keep' | 'edit'>(
            [
              { label: vscode.l10n.t('Keep the {0} settings it has', Object.keys(state.settings).length), value: 'keep' },
              { label: vscode.l10n.t('Edit the settings in an editor first'), description: vscode.l10n.t('with completion and checks for the type'), value: 'edit' },
            ],
            { title: action, placeHolder: vscode.l10n.t('Configuration settings to create {0} with', name), ...position },
          );
          if (choice === 'edit') {
            const edited = await editSettingsInDocument(services.prompter, {
              extensionType: extension.extensionType ?? '',
              settings: state.settings,
              hint: vscode.l10n.t('Edit the settings {0} is created again with, then choose ✓ in the title bar. Closing the editor cancels.', name),
            });
            state.settings = edited ?? state.settings;
            return edited !== undefined;
          }
          return choice !== undefined;
        },
      },
      {
        async run(_state, position) {
          const req = request();
          const { errors, warnings } = checkRequest(req, undefined, validation);
          const azCommand = `${deleteCommandLine(cluster, name, false)} && ${createCommandLine(cluster, req)}`;
          return confirmReview(
            services.prompter,
            {
              title: action,
              action: vscode.l10n.t('Delete and Create {0}', name),
              context: failureLine(extension),
              lines: [vscode.l10n.t('Deletes {0} and waits until it is gone, then creates it again with:', name), ...describeRequest(req), ...storedFormNote(req, azCommand)],
              azCommand,
              warnings,
              errors,
            },
            position,
          );
        },
      },
    ],
    answers,
  );
  if (!completed || !(await confirmRecreate(services.prompter, cluster, extension, answers.protectedAnswer))) {
    return undefined;
  }
  await idleExtension(services, cluster, name);
  const deletion = await beginDeleteExtension(services.access, cluster, name, false, pollOptions());
  services.tree.refresh(node.parent);
  if (!(await waitForDeletion(services, cluster, name, deletion))) {
    return 'stopped waiting';
  }
  return sendCreate(services, node.parent, request(), validation);
}

/** Recreate…: offered on Failed extensions; several rows selected together go as one rollout, as in the fleet view. */
export function registerRecreateExtension(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerCommand(context, services, 'aksClusterExtensions.recreateExtension', 'Recreate extension', async (arg?: unknown, selection?: unknown) => {
    const several = selectedTreeInstances(arg, selection);
    return several ? recreateFleetExtensions(services, several) : recreateExtension(services, await resolveExtensionNode(arg, services));
  });
}
