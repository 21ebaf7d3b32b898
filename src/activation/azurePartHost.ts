import type * as vscode from 'vscode';
import type { AzureAccess } from '../azure/azureAccess';
import type { FleetNode } from '../fleetView/fleetNodes';
import type { FleetTreeDataProvider } from '../fleetView/fleetTreeDataProvider';
import type { SettingsFileBinder } from '../settingsFileBinder';
import type { AksTreeDataProvider } from '../tree/aksTreeDataProvider';
import type { TreeNode } from '../tree/treeNodes';
import type { Prompter } from '../ui/prompter';

/** What the entry hands the Azure part when it loads it: only types cross, so the entry's bundle stays free of Azure code. */
export interface AzurePartHost {
  readonly context: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  /** The views exist from activation (an opened view must find a provider); the Azure part fills them. */
  readonly treeView: vscode.TreeView<TreeNode>;
  readonly fleetView: vscode.TreeView<FleetNode>;
  /** The language client's bindings live in the entry's bundle; flows bind their settings documents through this. */
  readonly bindSettingsFile: SettingsFileBinder;
}

/** What the Azure part gives back: the data behind the views, the development API's pieces, and its deactivation. */
export interface AzurePart {
  readonly tree: AksTreeDataProvider;
  readonly access: AzureAccess;
  readonly fleet: FleetTreeDataProvider;
  usePrompter(prompter: Prompter): () => void;
  /** Rollouts running here are stored as interrupted, so the next window offers to resume them. */
  deactivate(): Promise<void>;
}

/** The module dist/azure.js exports. */
export interface AzurePartModule {
  activateAzurePart(host: AzurePartHost): AzurePart;
}
