import * as vscode from 'vscode';

/**
 * The subscription filter ("tenantId/subscriptionId" entries). The Azure Resources extension registers
 * `azureResourceGroups.selectedSubscriptions`, shared by the Azure extensions; without that extension the setting cannot
 * be written, so ours, `aksClusterExtensions.selectedSubscriptions`, holds the choice. Ours also holds "none chosen"
 * (an empty list), which the shared setting cannot express: an empty shared list means every subscription.
 */
const SHARED_SECTION = 'azureResourceGroups';
const OWN_SECTION = 'aksClusterExtensions';
const KEY = 'selectedSubscriptions';

/** The chosen subscriptions, or undefined when there is no filter (every subscription shows). */
export function readSubscriptionFilter(): readonly string[] | undefined {
  const own = vscode.workspace.getConfiguration(OWN_SECTION).inspect<string[]>(KEY)?.globalValue;
  if (own) {
    return own;
  }
  const shared = vscode.workspace.getConfiguration(SHARED_SECTION).get<string[]>(KEY, []);
  return shared.length > 0 ? shared : undefined;
}

/** True when the Azure Resources extension has registered the shared setting, so it can be written. */
export function isSharedFilterRegistered(): boolean {
  return vscode.workspace.getConfiguration(SHARED_SECTION).inspect<string[]>(KEY)?.defaultValue !== undefined;
}

/** Stores the choice (undefined: every subscription) where it can be written and read back. */
export async function writeSubscriptionFilter(chosen: readonly string[] | undefined): Promise<void> {
  const shareable = chosen === undefined || chosen.length > 0;
  const useShared = shareable && isSharedFilterRegistered();
  if (useShared) {
    await vscode.workspace.getConfiguration(SHARED_SECTION).update(KEY, chosen, vscode.ConfigurationTarget.Global);
  }
  await vscode.workspace.getConfiguration(OWN_SECTION).update(KEY, useShared ? undefined : chosen, vscode.ConfigurationTarget.Global);
}

/** True when a configuration change touches either filter setting. */
export function affectsSubscriptionFilter(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(`${SHARED_SECTION}.${KEY}`) || e.affectsConfiguration(`${OWN_SECTION}.${KEY}`);
}
