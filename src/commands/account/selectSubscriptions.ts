import * as vscode from 'vscode';
import { readSubscriptionFilter, writeSubscriptionFilter } from '../../azure/subscriptionFilter';
import { registerCommand } from '../registerCommand';
import type { ExtensionServices } from '../services';

/** Select Subscriptions…: the subscription filter, shared with the Azure extensions when Azure Resources is installed. */
export function registerSelectSubscriptions(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerCommand(context, services, 'aksClusterExtensions.selectSubscriptions', 'Select subscriptions', async () => {
    const all = await services.access.provider.getSubscriptions(false);
    const current = readSubscriptionFilter();
    const picked = await services.prompter.pickMany(
      all.map((s) => ({
        label: s.name,
        description: s.subscriptionId,
        value: `${s.tenantId}/${s.subscriptionId}`,
        picked: current === undefined || current.includes(`${s.tenantId}/${s.subscriptionId}`),
      })),
      { title: vscode.l10n.t('Select the subscriptions to show'), placeHolder: vscode.l10n.t('Check the subscriptions whose AKS clusters the view shows') },
    );
    if (!picked) {
      return;
    }
    // All selected means no filter, so subscriptions added later show up too.
    await writeSubscriptionFilter(picked.length === all.length ? undefined : picked);
    services.tree.refresh();
  });
}
