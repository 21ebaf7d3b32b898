// The Azure part: a bundle of its own (dist/azure.js), loaded by the entry (src/extension.ts) only when one of our
// views opens or one of our commands runs. See src/activation/README.md.
import * as vscode from 'vscode';
import type { AzurePart, AzurePartHost } from './activation/azurePartHost';
import { AzureAccess } from './azure/azureAccess';
import { describeAzureError } from './azure/azureErrorMessage';
import { readEmulatorConnection } from './azure/devMode';
import { affectsSubscriptionFilter, readSubscriptionFilter } from './azure/subscriptionFilter';
import { queryGraphInventoryOf } from './azure/resourceGraphInventory';
import { createSubscriptionProvider } from './azure/subscriptionProvider';
import { registerCommands } from './commands/registerCommands';
import { markActiveInterrupted } from './commands/rollout/rolloutRunner';
import type { ExtensionServices } from './commands/services';
import { FleetInventory } from './fleet/fleetInventory';
import { createFleetView } from './fleetView/createFleetView';
import { RolloutStore } from './rollout/rolloutStore';
import { useSettingsFileBinder } from './settingsFileBinder';
import { AksTreeDataProvider } from './tree/aksTreeDataProvider';
import { vscodePrompter } from './ui/vscodePrompter';

const SECTION = 'aksClusterExtensions';

function setting<T>(key: string, fallback: T): T {
  return vscode.workspace.getConfiguration(SECTION).get<T>(key, fallback);
}

/** Builds Azure access, the tree and fleet data behind the entry's views, and registers every Azure command. */
export function activateAzurePart(host: AzurePartHost): AzurePart {
  const { context, log } = host;
  useSettingsFileBinder(host.bindSettingsFile);

  const emulator = readEmulatorConnection();
  if (emulator) {
    log.info(`Development mode: using the local Azure emulator at ${emulator.url}`);
  }
  const provider = createSubscriptionProvider(emulator, log);
  if (provider.dispose) {
    context.subscriptions.push({ dispose: () => provider.dispose?.() });
  }
  const access = new AzureAccess(provider, emulator?.caPem, () => setting('listConcurrency', 8), {
    subscriptionFilter: readSubscriptionFilter,
    logRequest: (line) => log.info(line),
  });
  const inventory = new FleetInventory(access, (subscriptions) => queryGraphInventoryOf(subscriptions, emulator?.caPem), {
    onFallback: (reason) => {
      // Said once: from now on the inventory lists each cluster, and everything keeps working.
      const described = describeAzureError(reason, 'Resource Graph query');
      log.warn(`Resource Graph is not available, listing each cluster instead: ${described.detail}`);
      const why = [described.statusCode, described.code].filter((part) => part !== undefined).join(' ') || described.message;
      // Through the prompter (read when it fires, after services exist) so tests see the message.
      void services.prompter.notify(
        'warning',
        vscode.l10n.t('Azure Resource Graph is not available ({0}). The fleet inventory lists each cluster instead, which is slower.', why),
      );
    },
  });
  const tree = new AksTreeDataProvider(access, log, () => setting('pollIntervalSeconds', 5) * 1000, inventory);
  const view = host.treeView;
  context.subscriptions.push(tree);
  const { fleet, fleetView } = createFleetView(context, inventory, log, host.fleetView);
  context.subscriptions.push(provider.onDidSignIn(() => tree.refresh()), provider.onDidSignOut(() => tree.refresh()));
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsSubscriptionFilter(e)) {
        tree.refresh();
      }
      if (e.affectsConfiguration('aksClusterExtensions.listConcurrency')) {
        access.limit.refresh();
      }
    }),
  );

  const rollouts = new RolloutStore(context.globalState, (err) => log.warn(`A rollout's progress could not be stored: ${String(err)}`));
  const services: ExtensionServices = { access, tree, view, log, inventory, fleet, fleetView, rollouts, prompter: vscodePrompter };
  registerCommands(context, services);

  return {
    tree,
    access,
    fleet,
    usePrompter(prompter) {
      const previous = services.prompter;
      services.prompter = prompter;
      return () => {
        services.prompter = previous;
      };
    },
    deactivate: () => markActiveInterrupted(services),
  };
}
