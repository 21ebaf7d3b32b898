import type * as vscode from 'vscode';
import type { AzureAccess } from './azure/azureAccess';
import type { FleetTreeDataProvider } from './fleetView/fleetTreeDataProvider';
import type { EmulatorConnection } from './azure/devMode';
import type { AksTreeDataProvider } from './tree/aksTreeDataProvider';
import type { Prompter } from './ui/prompter';

/**
 * The test hooks activate() returns in development mode: the tree, Azure access with its clients, and a prompter that
 * answers masked inputs and destructive confirmations. With a real account they would hand any other extension the
 * user's Azure access, so they exist only against the emulator.
 */
export interface AksClusterExtensionsApi {
  readonly tree: AksTreeDataProvider;
  readonly access: AzureAccess;
  /** The fleet view's data (integration tests read its rows). */
  readonly fleet: FleetTreeDataProvider;
  /** True when the extension talks to the local Azure emulator. */
  readonly developmentMode: boolean;
  /** Where the extension may write (its logs and storage): tests check that no secret ever lands there. */
  readonly writablePlaces: readonly vscode.Uri[];
  /** Replaces the prompter commands ask through (tests); returns a function that restores the previous one. */
  usePrompter(prompter: Prompter): () => void;
}

/** The API for activate() to return: built only in development mode (the emulator's environment variables), else none. */
export function developmentApi(emulator: EmulatorConnection | undefined, build: () => AksClusterExtensionsApi): AksClusterExtensionsApi | undefined {
  return emulator ? build() : undefined;
}
