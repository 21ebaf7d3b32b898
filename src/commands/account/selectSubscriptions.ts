import * as vscode from 'vscode';
import { registerCommand } from '../registerCommand';
import type { ExtensionServices } from '../services';

/** The setting @microsoft/vscode-azext-azureauth reads its subscription filter from ("tenantId/subscriptionId" entries). */
const FILTER_SECTION = 'azureResourceGroups';
const FILTER_KEY = 'selectedSubscriptions';

/** Select Subscriptions…: the subscription filter shared with the other Azure extensions. */
export function registerSelectSubscriptions(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerCommand(context, services, 'aksClusterExtensions.selectSubscriptions', 'Select subscriptions', async () => {
    const all = await services.access.provider.getSubscriptions(false);
    const current = vscode.workspace.getConfiguration(FILTER_SECTION).get<string[]>(FILTER_KEY, []);
    const picked = await services.prompter.pickMany(
      all.map((s) => ({
        label: s.name,
        description: s.subscriptionId,
        value: `${s.tenantId}/${s.subscriptionId}`,
        picked: current.length === 0 || current.includes(`${s.tenantId}/${s.subscriptionId}`),
      })),
      { title: vscode.l10n.t('Select the subscriptions to show') },
    );
    if (!picked) {
      return;
    }
    // All selected means no filter, so subscriptions added later show up too.
    await vscode.workspace.getConfiguration(FILTER_SECTION).update(FILTER_KEY, picked.length === all.length ? undefined : picked, vscode.ConfigurationTarget.Global);
    services.tree.refresh();
  });
}
