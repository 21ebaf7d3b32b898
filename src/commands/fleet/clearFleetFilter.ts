import type * as vscode from 'vscode';
import { registerCommand } from '../registerCommand';
import type { ExtensionServices } from '../services';

/** Clear Filter: shows the whole fleet again. */
export function registerClearFleetFilter(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerCommand(context, services, 'aksClusterExtensions.fleet.clearFilter', 'Clear fleet filter', () => services.fleet.setFilter({}));
}
