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

/** The Fleet view's data behind the view the entry made (src/activation); the view's message says what the filter hides. */
export function createFleetView(
  context: vscode.ExtensionContext,
  inventory: FleetInventory,
  log: vscode.LogOutputChannel,
  fleetView: vscode.TreeView<FleetNode>,
): { fleet: FleetTreeDataProvider; fleetView: vscode.TreeView<FleetNode> } {
  const fleet = new FleetTreeDataProvider(inventory, log);
  context.subscriptions.push(
    fleet,
    fleet.onDidChangeFilter((filter) => {
      const described = describeFilter(filter, filterNames());
      fleetView.message = described ? vscode.l10n.t('Showing only {0}', described) : undefined;
    }),
  );
  return { fleet, fleetView };
}
