import type { AzureSubscriptionProvider } from '@microsoft/vscode-azext-azureauth';
import { type AccessOptions, AzureAccess } from '../../src/azure/azureAccess';
import type { ClusterModel } from '../../src/azure/clusterModel';
import { listEmulatorSubscriptions, listEmulatorTenants } from '../../src/azure/emulatorSubscriptions';
import type { RunningEmulator } from '../emulator/emulatorTypes';

/**
 * The extension's AzureAccess wired to a running emulator outside VS Code (unit tests, benchmarks): the same code
 * as in the extension, with the emulator's subscriptions standing in for a signed-in account.
 */
export function emulatorAccess(emulator: RunningEmulator, listConcurrency = 8, options?: AccessOptions): AzureAccess {
  const connection = { url: emulator.url, caPem: emulator.caPem };
  const noEvent = () => ({ dispose: () => undefined });
  const provider: AzureSubscriptionProvider = {
    getTenants: () => listEmulatorTenants(connection),
    getSubscriptions: () => listEmulatorSubscriptions(connection),
    isSignedIn: () => Promise.resolve(true),
    signIn: () => Promise.resolve(true),
    signOut: () => Promise.resolve(),
    onDidSignIn: noEvent,
    onDidSignOut: noEvent,
  };
  return new AzureAccess(provider, emulator.caPem, () => listConcurrency, options);
}

/** Every cluster of every subscription the emulator serves, as the extension lists them. */
export async function allClusters(access: AzureAccess): Promise<ClusterModel[]> {
  const subscriptions = await access.listSubscriptions();
  return (await Promise.all(subscriptions.map((s) => access.listClusters(s)))).flat();
}
