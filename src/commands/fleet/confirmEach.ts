import * as vscode from 'vscode';
import type { ExtensionServices } from '../services';

/**
 * Before a fleet action runs the Clusters view's command on many instances one at a time: says so, and how to stop.
 * Nothing to ask for a single instance (its own command asks).
 */
export async function confirmEach(services: ExtensionServices, count: number, action: string): Promise<boolean> {
  if (count === 0) {
    void services.prompter.notify('info', vscode.l10n.t('Nothing to {0} here.', action.toLowerCase()));
    return false;
  }
  return count === 1 || services.prompter.confirm(
    vscode.l10n.t('{0} {1} extension instances one at a time?', action, count),
    vscode.l10n.t('Each one gets the same checks and questions as in the Clusters view. Cancel any of them to stop there; the ones before it stay done.'),
    vscode.l10n.t('{0} One at a Time', action),
  );
}
