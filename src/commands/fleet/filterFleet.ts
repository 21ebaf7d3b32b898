import * as vscode from 'vscode';
import { type FilterDimension, filterChoices } from '../../fleet/fleetFilter';
import { registerCommand } from '../registerCommand';
import type { ExtensionServices } from '../services';

function dimensionLabel(dimension: FilterDimension): string {
  switch (dimension) {
    case 'subscription':
      return vscode.l10n.t('Subscription');
    case 'resourceGroup':
      return vscode.l10n.t('Resource group');
    case 'location':
      return vscode.l10n.t('Location');
    case 'kubernetesVersion':
      return vscode.l10n.t('Kubernetes version');
    case 'tag':
      return vscode.l10n.t('Tag');
  }
}

const DIMENSIONS: FilterDimension[] = ['subscription', 'resourceGroup', 'location', 'kubernetesVersion', 'tag'];

/** Filter…: pick what to filter by, then the values to keep (the choices show how many clusters have each). */
export function registerFilterFleet(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerCommand(context, services, 'aksClusterExtensions.fleet.filter', 'Filter fleet', async () => {
    const { snapshot } = await services.fleet.groups();
    const current = services.fleet.filter;
    const names = new Map((await services.access.listSubscriptions()).map((s) => [s.subscriptionId.toLowerCase(), s.name]));
    const title = vscode.l10n.t('Filter the fleet');
    const dimension = await services.prompter.pick(
      DIMENSIONS.map((d) => ({ label: dimensionLabel(d), description: current[d]?.join(', '), value: d })),
      { title, placeHolder: vscode.l10n.t('Filter by'), step: 1, totalSteps: 2 },
    );
    if (!dimension) {
      return undefined;
    }
    const chosen = new Set(current[dimension] ?? []);
    const values = await services.prompter.pickMany(
      filterChoices(snapshot.clusters, dimension).map(({ value, count }) => ({
        label: dimension === 'subscription' ? (names.get(value) ?? value) : value,
        description: vscode.l10n.t('{0} clusters', count),
        value,
        picked: chosen.has(value),
      })),
      { title, placeHolder: vscode.l10n.t('Keep clusters with any of these (none: no filter on {0})', dimensionLabel(dimension).toLowerCase()), step: 2, totalSteps: 2 },
    );
    if (!values) {
      return undefined;
    }
    const filter = { ...current, [dimension]: values };
    services.fleet.setFilter(filter);
    return filter;
  });
}
