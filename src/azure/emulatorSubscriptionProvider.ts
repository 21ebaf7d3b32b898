import type { AzureSubscription, AzureSubscriptionProvider, AzureTenant } from '@microsoft/vscode-azext-azureauth';
import * as vscode from 'vscode';
import type { EmulatorConnection } from './devMode';
import { listEmulatorSubscriptions, listEmulatorTenants } from './emulatorSubscriptions';

/**
 * Subscriptions and tenants from the local Azure emulator. Development mode only: always signed in, with a test
 * credential that never leaves 127.0.0.1.
 */
export class EmulatorSubscriptionProvider implements AzureSubscriptionProvider {
  private readonly signInEmitter = new vscode.EventEmitter<void>();
  private readonly signOutEmitter = new vscode.EventEmitter<void>();
  readonly onDidSignIn = this.signInEmitter.event;
  readonly onDidSignOut = this.signOutEmitter.event;

  constructor(private readonly connection: EmulatorConnection) {}

  getTenants(): Promise<AzureTenant[]> {
    return listEmulatorTenants(this.connection);
  }

  /** Every subscription: the subscription filter is applied by AzureAccess, the same way for both providers. */
  getSubscriptions(): Promise<AzureSubscription[]> {
    return listEmulatorSubscriptions(this.connection);
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
