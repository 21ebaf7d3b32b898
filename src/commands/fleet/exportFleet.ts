import * as vscode from 'vscode';
import { applyFilter } from '../../fleet/fleetFilter';
import { exportRows, toCsv, toJson } from '../../fleet/fleetExport';
import { registerCommand } from '../registerCommand';
import type { ExtensionServices } from '../services';

/**
 * Export…: the inventory the view shows (filter applied), one row per extension instance and one per cluster without
 * any, as CSV or JSON in a new editor to save where the report goes. It holds no settings, so no secret can be in it.
 */
export function registerExportFleet(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerCommand(context, services, 'aksClusterExtensions.fleet.export', 'Export fleet', async () => {
    const format = await services.prompter.pick(
      [
        { label: 'CSV', description: vscode.l10n.t('for a spreadsheet'), value: 'csv' as const },
        { label: 'JSON', description: vscode.l10n.t('for a script'), value: 'json' as const },
      ],
      { title: vscode.l10n.t('Export the fleet inventory') },
    );
    if (!format) {
      return undefined;
    }
    const { snapshot } = await services.fleet.groups();
    const kept = applyFilter(snapshot, services.fleet.filter);
    const rows = exportRows(kept.clusters, kept.extensions);
    const content = format === 'csv' ? toCsv(rows) : toJson(snapshot, rows);
    const document = await vscode.workspace.openTextDocument({ language: format === 'csv' ? 'plaintext' : 'json', content });
    await vscode.window.showTextDocument(document, { preview: false });
    return document;
  });
}
