import type { Extension } from '../../azure/extensionModel';
import * as vscode from 'vscode';
import type { ClusterModel } from '../../azure/clusterModel';
import type { ExtensionOperation } from '../../azure/extensionOperations';
import { acceptsProtectedSettings } from '../../shared';
import type { Prompter } from '../../ui/prompter';
import type { ExtensionServices } from '../services';
import type { SettingsAnswer } from './settingsQuestions';

/**
 * What a recreate without protected settings loses, in one sentence, or undefined when nothing is lost. Azure never
 * returns protected values; the keys, when it lists them, give the count.
 */
export function droppedProtectedSettings(extension: Extension, answer: SettingsAnswer): string | undefined {
  if (answer.kind !== 'none' || !acceptsProtectedSettings(extension.extensionType ?? '')) {
    return undefined;
  }
  const known = Object.keys(extension.configurationProtectedSettings ?? {}).length;
  return known > 0
    ? vscode.l10n.t('You chose no protected settings: the {0} protected setting(s) {1} has now will be gone for good (Azure never returns their values).', known, extension.name ?? '')
    : vscode.l10n.t('You chose no protected settings: any protected settings {0} has now will be gone for good (Azure never returns them, nor says how many there are).', extension.name ?? '');
}

/** The modal question before a recreate deletes anything, like Delete's; names what is lost. True only on the yes. */
export function confirmRecreate(prompter: Prompter, cluster: ClusterModel, extension: Extension, answer: SettingsAnswer): Promise<boolean> {
  const name = extension.name ?? '';
  const dropped = droppedProtectedSettings(extension, answer);
  const detail = [
    vscode.l10n.t('{0} is deleted first and waits until Azure has removed it; then it is created again as reviewed. If the create fails, {0} is gone from the cluster until you create it.', name),
    ...(dropped ? [dropped] : []),
  ].join('\n\n');
  const yes = dropped ? vscode.l10n.t('Delete, Drop Protected Settings and Create') : vscode.l10n.t('Delete and Create');
  return prompter.confirm(vscode.l10n.t('Delete {0} from {1} and create it again?', name, cluster.name), detail, yes);
}

/**
 * Waits for the delete under a progress notification the user can cancel; cancelling stops the waiting only (Azure
 * carries on) and the tree goes on tracking the row. True when the extension is gone.
 */
export async function waitForDeletion(services: ExtensionServices, cluster: ClusterModel, name: string, deletion: ExtensionOperation<void>): Promise<boolean> {
  const gone = await services.prompter.withProgress(vscode.l10n.t('Deleting {0} before creating it again', name), async (token) => {
    const abort = new AbortController();
    const cancelled = token.onCancellationRequested(() => abort.abort());
    try {
      await deletion.pollUntilDone({ abortSignal: abort.signal });
      return true;
    } catch (err) {
      if (abort.signal.aborted) {
        return false;
      }
      throw err;
    } finally {
      cancelled.dispose();
    }
  });
  if (!gone) {
    void services.prompter.notify(
      'info',
      vscode.l10n.t('Stopped waiting: Azure goes on deleting {0} on {1}, and the tree shows its state. Nothing was created: once it is gone, use Create Extension… to create it again.', name, cluster.name),
    );
  }
  return gone;
}
