import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { Environment } from '@azure/ms-rest-azure-env';
import type { AzureSubscription, AzureSubscriptionProvider, AzureTenant, GetSubscriptionsFilter } from '@microsoft/vscode-azext-azureauth';
import * as vscode from 'vscode';
import type { EmulatorConnection } from './devMode';
import { emulatorCredential } from './emulatorCredential';
import { armClientOptions } from './armClientOptions';

const EMULATOR_ACCOUNT: vscode.AuthenticationSessionAccountInformation = { id: 'emulator', label: 'Local Azure emulator' };

/**
 * Subscriptions and tenants from the local Azure emulator, through the same SDK client the real provider uses.
 * Development mode only: always signed in, with a test credential that never leaves 127.0.0.1.
 */
export class EmulatorSubscriptionProvider implements AzureSubscriptionProvider {
  private readonly signInEmitter = new vscode.EventEmitter<void>();
  private readonly signOutEmitter = new vscode.EventEmitter<void>();
  readonly onDidSignIn = this.signInEmitter.event;
  readonly onDidSignOut = this.signOutEmitter.event;
  private readonly environment: Environment;

  constructor(private readonly connection: EmulatorConnection) {
    this.environment = new Environment({
      name: 'AzureEmulator',
      portalUrl: 'https://portal.azure.com',
      managementEndpointUrl: connection.url,
      resourceManagerEndpointUrl: connection.url,
      activeDirectoryEndpointUrl: connection.url,
      activeDirectoryResourceId: connection.url,
    });
  }

  private client(): SubscriptionClient {
    return new SubscriptionClient(emulatorCredential, armClientOptions(this.connection.url, this.connection.caPem));
  }

  async getTenants(): Promise<AzureTenant[]> {
    const tenants: AzureTenant[] = [];
    for await (const tenant of this.client().tenants.list()) {
      tenants.push({ ...tenant, account: EMULATOR_ACCOUNT });
    }
    return tenants;
  }

  async getSubscriptions(filter: boolean | GetSubscriptionsFilter = true): Promise<AzureSubscription[]> {
    // The same subscription filter setting the real provider honours, so "Select Subscriptions" works here too.
    const selected = filter === true ? vscode.workspace.getConfiguration('azureResourceGroups').get<string[]>('selectedSubscriptions', []) : [];
    const subscriptions: AzureSubscription[] = [];
    for await (const s of this.client().subscriptions.list()) {
      subscriptions.push({
        authentication: { getSession: () => undefined, getSessionWithScopes: () => undefined },
        environment: this.environment,
        isCustomCloud: true,
        name: s.displayName ?? s.subscriptionId ?? '',
        subscriptionId: s.subscriptionId ?? '',
        tenantId: s.tenantId ?? '',
        credential: emulatorCredential,
        account: EMULATOR_ACCOUNT,
      });
    }
    const shown = selected.length === 0 ? subscriptions : subscriptions.filter((s) => selected.includes(`${s.tenantId}/${s.subscriptionId}`));
    return shown.sort((a, b) => a.name.localeCompare(b.name));
  }

  isSignedIn(): Promise<boolean> {
    return Promise.resolve(true);
  }

  signIn(): Promise<boolean> {
    return Promise.resolve(true);
  }

  signOut(): Promise<void> {
    return Promise.reject(new Error('The local Azure emulator has no sign-out.'));
  }
}
