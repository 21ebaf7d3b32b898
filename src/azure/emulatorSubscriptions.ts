import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { Environment } from '@azure/ms-rest-azure-env';
import type { AzureSubscription, AzureTenant } from '@microsoft/vscode-azext-azureauth';
import type * as vscode from 'vscode';
import { armClientOptions } from './armClientOptions';
import type { EmulatorConnection } from './devMode';
import { emulatorCredential } from './emulatorCredential';

const EMULATOR_ACCOUNT: vscode.AuthenticationSessionAccountInformation = { id: 'emulator', label: 'Local Azure emulator' };

function emulatorEnvironment(connection: EmulatorConnection): Environment {
  return new Environment({
    name: 'AzureEmulator',
    portalUrl: 'https://portal.azure.com',
    managementEndpointUrl: connection.url,
    resourceManagerEndpointUrl: connection.url,
    activeDirectoryEndpointUrl: connection.url,
    activeDirectoryResourceId: connection.url,
  });
}

function subscriptionClient(connection: EmulatorConnection): SubscriptionClient {
  return new SubscriptionClient(emulatorCredential, armClientOptions(connection.url, connection.caPem));
}

/** The emulator's tenants, through the same SDK client the real sign-in uses. */
export async function listEmulatorTenants(connection: EmulatorConnection): Promise<AzureTenant[]> {
  const tenants: AzureTenant[] = [];
  for await (const tenant of subscriptionClient(connection).tenants.list()) {
    tenants.push({ ...tenant, account: EMULATOR_ACCOUNT });
  }
  return tenants;
}

/** The emulator's subscriptions as azureauth describes subscriptions, each with the emulator's test credential. */
export async function listEmulatorSubscriptions(connection: EmulatorConnection): Promise<AzureSubscription[]> {
  const environment = emulatorEnvironment(connection);
  const subscriptions: AzureSubscription[] = [];
  for await (const s of subscriptionClient(connection).subscriptions.list()) {
    subscriptions.push({
      authentication: { getSession: () => undefined, getSessionWithScopes: () => undefined },
      environment,
      isCustomCloud: true,
      name: s.displayName ?? s.subscriptionId ?? '',
      subscriptionId: s.subscriptionId ?? '',
      tenantId: s.tenantId ?? '',
      credential: emulatorCredential,
      account: EMULATOR_ACCOUNT,
    });
  }
  return subscriptions.sort((a, b) => a.name.localeCompare(b.name));
}
