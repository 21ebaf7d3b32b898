import * as vscode from 'vscode';
import { beginDeleteExtension } from '../../azure/extensionOperations';
import { createCommandLine, deleteCommandLine } from '../../lifecycle/azCommandLine';
import { requestFromExtension } from '../../lifecycle/extensionBody';
import { acceptsProtectedSettings, type ExtensionRequest, type ValidateRequestOptions } from '../../shared';
import type { ExtensionNode } from '../../tree/treeNodes';
import type { Prompter } from '../../ui/prompter';
import { resolveExtensionNode } from '../nodePickers';
import { registerCommand } from '../registerCommand';
import type { ExtensionServices } from '../services';
import { idleExtension } from './clusterChecks';
import { describeRequest } from './createTarget';
import { confirmReview } from './reviewStep';
import { ensureValidRequest, sendCreate } from './sendCreate';
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

/** Protected settings asked again (Azure never returns them), except for types that take none (Azure Backup). */
export async function askProtectedSettingsAgain(prompter: Prompter, title: string, extensionType: string): Promise<SettingsAnswer | undefined> {
  return acceptsProtectedSettings(extensionType) ? askSettings(prompter, { title, isProtected: true }, { step: 1, totalSteps: 2, canGoBack: false }) : { kind: 'none' };
}

/**
 * Recreate: what the docs prescribe for an extension that went Failed after 48 hours without agent contact. Deletes it
 * and creates it with the same type, scope, version choice and settings; only protected settings are asked again.
 */
async function recreateExtension(services: ExtensionServices, node: ExtensionNode) {
  const cluster = node.parent.cluster;
  const name = node.extension.name ?? '';
  const extension = await idleExtension(services, cluster, name);
  const action = vscode.l10n.t('Recreate {0} on {1}', name, cluster.name);
  const protectedAnswer = await askProtectedSettingsAgain(services.prompter, action, extension.extensionType ?? '');
  if (!protectedAnswer) {
    return undefined;
  }
  const req = withProtectedSettings(requestFromExtension(extension), protectedAnswer);
  // The settings are those Azure holds, which some types store under other names: all rules apply, in that form.
  const validation: ValidateRequestOptions = { settingsForm: 'stored' };
  const warnings = ensureValidRequest(req, action, undefined, validation);
  const review = {
    warnings,
    title: action,
    action: vscode.l10n.t('Delete and Create {0}', name),
    lines: [vscode.l10n.t('Deletes {0} and waits until it is gone, then creates it again with:', name), ...describeRequest(req)],
    azCommand: `${deleteCommandLine(cluster, name, false)} && ${createCommandLine(cluster, req)}`,
  };
  // Types that take no protected settings skip that question, so the review is then the only step.
  const steps = acceptsProtectedSettings(req.extensionType) ? 2 : 1;
  if (!(await confirmReview(services.prompter, review, { step: steps, totalSteps: steps, canGoBack: false }))) {
    return undefined;
  }
  const deletion = await beginDeleteExtension(services.access, cluster, name, false, pollOptions());
  services.tree.refresh(node.parent);
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Deleting {0} before creating it again', name) }, () =>
    deletion.pollUntilDone(),
  );
  return sendCreate(services, node.parent, req, validation);
}

/** Recreate…: offered on Failed extensions. */
export function registerRecreateExtension(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerCommand(context, services, 'aksClusterExtensions.recreateExtension', 'Recreate extension', async (arg?: unknown) =>
    recreateExtension(services, await resolveExtensionNode(arg, services)),
  );
}
