import * as vscode from 'vscode';
import { describeFilter } from '../fleet/fleetFilter';
import type { FleetInventory } from '../fleet/fleetInventory';
import type { FleetNode } from './fleetNodes';
import { FleetTreeDataProvider } from './fleetTreeDataProvider';

/** How the view's message names what the filter keeps. */
function filterNames() {
  return {
    subscription: vscode.l10n.t('subscription'),
    resourceGroup: vscode.l10n.t('resource group'),
    location: vscode.l10n.t('location'),
    kubernetesVersion: vscode.l10n.t('Kubernetes'),
    tag: vscode.l10n.t('tag'),
    search: vscode.l10n.t('name contains'),
  };
}

/** The Fleet view beside the Clusters view; its message says what the filter hides. */
export function createFleetView(
  context: vscode.ExtensionContext,
  inventory: FleetInventory,
  log: vscode.LogOutputChannel,
): { fleet: FleetTreeDataProvider; fleetView: vscode.TreeView<FleetNode> } {
  const fleet = new FleetTreeDataProvider(inventory, log);
  const fleetView = vscode.window.createTreeView('aksClusterExtensions.fleet', { treeDataProvider: fleet, showCollapseAll: true, canSelectMany: true });
  context.subscriptions.push(
    fleet,
    fleetView,
    fleet.onDidChangeFilter((filter) => {
      const described = describeFilter(filter, filterNames());
      fleetView.message = described ? vscode.l10n.t('Showing only {0}', described) : undefined;
    }),
  );
  return { fleet, fleetView };
}
