import type * as vscode from 'vscode';
import type { ExtensionServices } from '../services';
import { registerClearFleetFilter } from './clearFleetFilter';
import { registerDeleteFleetExtensions } from './deleteFleetExtensions';
import { registerDeployToFleetClusters } from './deployToFleetClusters';
import { registerExportFleet } from './exportFleet';
import { registerFilterFleet } from './filterFleet';
import { registerRecreateFleetExtensions } from './recreateFleetExtensions';
import { registerRefreshFleet } from './refreshFleet';
import { registerRevealInTree } from './revealInTree';
import { registerSearchFleet } from './searchFleet';
import { registerUpdateFleetExtensions } from './updateFleetExtensions';

/** The fleet view's commands: refresh, filter, search, export, reveal, and the actions on buckets and selections. */
export function registerFleetCommands(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerRefreshFleet(context, services);
  registerFilterFleet(context, services);
  registerSearchFleet(context, services);
  registerClearFleetFilter(context, services);
  registerExportFleet(context, services);
  registerRevealInTree(context, services);
  registerUpdateFleetExtensions(context, services);
  registerRecreateFleetExtensions(context, services);
  registerDeleteFleetExtensions(context, services);
  registerDeployToFleetClusters(context, services);
}
