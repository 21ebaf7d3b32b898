import * as vscode from 'vscode';
import { registerCommand } from '../registerCommand';
import type { ExtensionServices } from '../services';

/** Search by cluster name: keeps the clusters whose name contains the text (an empty text shows all). */
export function registerSearchFleet(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerCommand(context, services, 'aksClusterExtensions.fleet.search', 'Search fleet', async () => {
    const text = await services.prompter.input({
      title: vscode.l10n.t('Search clusters by name'),
      prompt: vscode.l10n.t('Part of a cluster name; empty shows every cluster'),
      value: services.fleet.filter.search ?? '',
    });
    if (text === undefined) {
      return undefined;
    }
    const filter = { ...services.fleet.filter, search: text.trim() || undefined };
    services.fleet.setFilter(filter);
    return filter;
  });
}
