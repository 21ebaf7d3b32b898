import { type AzureSubscriptionProvider, VSCodeAzureSubscriptionProvider } from '@microsoft/vscode-azext-azureauth';
import type * as vscode from 'vscode';
import type { EmulatorConnection } from './devMode';
import { EmulatorSubscriptionProvider } from './emulatorSubscriptionProvider';

/** VS Code's Microsoft account normally; the local emulator's subscriptions in development mode. */
export function createSubscriptionProvider(
  emulator: EmulatorConnection | undefined,
  log: vscode.LogOutputChannel,
): AzureSubscriptionProvider & Partial<vscode.Disposable> {
  return emulator ? new EmulatorSubscriptionProvider(emulator) : new VSCodeAzureSubscriptionProvider(log);
}
