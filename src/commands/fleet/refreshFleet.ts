import type * as vscode from 'vscode';
import { FLEET_REFRESH_COMMAND } from '../../fleetView/fleetTreeItems';
import { registerCommand } from '../registerCommand';
import type { ExtensionServices } from '../services';

/** Refresh in the fleet view's title: reads the inventory again. */
export function registerRefreshFleet(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerCommand(context, services, FLEET_REFRESH_COMMAND, 'Refresh fleet', () => services.fleet.refresh());
}
