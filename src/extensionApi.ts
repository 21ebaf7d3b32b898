import type * as vscode from 'vscode';
import type { AzureAccess } from './azure/azureAccess';
import type { FleetTreeDataProvider } from './fleetView/fleetTreeDataProvider';
import type { AksTreeDataProvider } from './tree/aksTreeDataProvider';
import type { Prompter } from './ui/prompter';

/** What activate() returns: used by integration tests to read the tree and answer prompts, and open to other extensions. */
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
