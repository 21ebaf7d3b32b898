import * as vscode from 'vscode';
import { runOnEach, selectedMembers } from '../../fleetView/fleetSelection';
import { registerCommand } from '../registerCommand';
import type { ExtensionServices } from '../services';
import { confirmEach } from './confirmEach';

/** Recreate Failed… on a bucket or a multi-selection: the Clusters view's Recreate on each Failed instance in turn. */
export function registerRecreateFleetExtensions(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerCommand(context, services, 'aksClusterExtensions.fleet.recreate', 'Recreate failed extensions', async (arg?: unknown, selection?: unknown) => {
    const failed = selectedMembers(arg, selection).filter((m) => m.extension?.provisioningState.toLowerCase() === 'failed');
    if (!(await confirmEach(services, failed.length, vscode.l10n.t('Recreate')))) {
      return undefined;
    }
    return runOnEach(services, 'aksClusterExtensions.recreateExtension', failed);
  });
}
