import * as vscode from 'vscode';
import { runOnEach, selectedMembers } from '../../fleetView/fleetSelection';
import { registerCommand } from '../registerCommand';
import type { ExtensionServices } from '../services';
import { confirmEach } from './confirmEach';

/** Delete… on a bucket or a multi-selection: the Clusters view's Delete (its modal question included) on each instance in turn. */
export function registerDeleteFleetExtensions(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerCommand(context, services, 'aksClusterExtensions.fleet.delete', 'Delete extensions', async (arg?: unknown, selection?: unknown) => {
    const members = selectedMembers(arg, selection).filter((m) => m.extension);
    if (!(await confirmEach(services, members.length, vscode.l10n.t('Delete')))) {
      return undefined;
    }
    return runOnEach(services, 'aksClusterExtensions.deleteExtension', members);
  });
}
