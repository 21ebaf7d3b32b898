import * as vscode from 'vscode';
import { runOnEach, selectedMembers } from '../../fleetView/fleetSelection';
import { registerCommand } from '../registerCommand';
import type { ExtensionServices } from '../services';
import { confirmEach } from './confirmEach';

/** Update… on a bucket or a multi-selection: the Clusters view's Update on each instance in turn (version, auto-upgrade, settings). */
export function registerUpdateFleetExtensions(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerCommand(context, services, 'aksClusterExtensions.fleet.update', 'Update extensions', async (arg?: unknown, selection?: unknown) => {
    const members = selectedMembers(arg, selection).filter((m) => m.extension);
    if (!(await confirmEach(services, members.length, vscode.l10n.t('Update')))) {
      return undefined;
    }
    return runOnEach(services, 'aksClusterExtensions.updateExtension', members);
  });
}
