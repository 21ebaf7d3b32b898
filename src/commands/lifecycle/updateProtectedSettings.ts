import * as vscode from 'vscode';
import { beginUpdateExtension } from '../../azure/extensionOperations';
import { updateCommandLine } from '../../lifecycle/azCommandLine';
import { readSettingsFile } from '../../lifecycle/extensionBody';
import { acceptsProtectedSettings } from '../../shared';
import type { ExtensionNode } from '../../tree/treeNodes';
import { resolveExtensionNode } from '../nodePickers';
import { registerCommand, UserFacingError } from '../registerCommand';
import type { ExtensionServices } from '../services';
import { idleExtension } from './clusterChecks';
import { ensureValidRequest } from './sendCreate';
import { askSettings } from './settingsQuestions';
import { pollOptions, trackOperation } from './trackOperation';

const POSITION = { step: 1, totalSteps: 2, canGoBack: false };

/**
 * The only flow that sends protected settings to an existing extension. Azure never returns them and replaces all of
 * them on any change, so it asks for the complete set and sends nothing without an explicit, informed yes.
 */
async function updateProtectedSettings(services: ExtensionServices, node: ExtensionNode) {
  const cluster = node.parent.cluster;
  const name = node.extension.name ?? '';
  const extension = await idleExtension(services, cluster, name);
  if (!acceptsProtectedSettings(extension.extensionType ?? '')) {
    throw new UserFacingError(
      vscode.l10n.t('{0} ({1}) takes no protected settings: the az CLI never sends them for this type. Use Update Extension for its settings.', name, extension.extensionType ?? ''),
    );
  }
  const action = vscode.l10n.t('Replace the protected settings of {0} on {1}', name, cluster.name);
  const answer = await askSettings(services.prompter, { title: action, isProtected: true, allowNone: false }, POSITION);
  if (!answer || answer.kind === 'none') {
    return undefined;
  }
  const fromFile = answer.kind === 'file';
  ensureValidRequest(
    {
      extensionType: extension.extensionType ?? '',
      name,
      configurationSettings: extension.configurationSettings,
      ...(fromFile ? { configurationProtectedSettingsFile: answer.path } : { configurationProtectedSettings: answer.values }),
    },
    action,
  );
  const values = fromFile ? readSettingsFile(answer.path) : answer.values;
  const keys = Object.keys(values);
  const confirmed = await services.prompter.confirm(
    vscode.l10n.t('Replace ALL protected settings of {0} on {1}?', name, cluster.name),
    vscode.l10n.t(
      'Azure never returns protected settings, so this cannot show what is stored now. It stores exactly the {0} key(s) given here: {1}. Every protected key not given here will be deleted.\n\nEquivalent command: {2}',
      keys.length,
      keys.join(', ') || vscode.l10n.t('none'),
      updateCommandLine(cluster, name, fromFile ? { protectedSettingsFile: answer.path } : { protectedSettings: values }),
    ),
    vscode.l10n.t('Yes, Replace All Protected Settings'),
  );
  if (!confirmed) {
    void services.prompter.notify('info', vscode.l10n.t('Nothing was sent: the protected settings of {0} are unchanged.', name));
    return undefined;
  }
  await idleExtension(services, cluster, name);
  const operation = await beginUpdateExtension(services.access, cluster, name, { configurationProtectedSettings: { ...values } }, pollOptions());
  return trackOperation(services, {
    clusterNode: node.parent,
    extensionName: name,
    action,
    progressTitle: vscode.l10n.t('Replacing the protected settings of {0}', name),
    successMessage: vscode.l10n.t('The protected settings of {0} on {1} were replaced.', name, cluster.name),
    operation,
  });
}

/** Replace Protected Settings…: on an extension (or one picked from the palette). */
export function registerUpdateProtectedSettings(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerCommand(context, services, 'aksClusterExtensions.updateProtectedSettings', 'Update protected settings', async (arg?: unknown) =>
    updateProtectedSettings(services, await resolveExtensionNode(arg, services)),
  );
}
