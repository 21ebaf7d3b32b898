import type * as vscode from 'vscode';
import type { AzureAccess } from '../azure/azureAccess';
import type { RolloutStore } from '../rollout/rolloutStore';
import type { FleetInventory } from '../fleet/fleetInventory';
import type { FleetNode } from '../fleetView/fleetNodes';
import type { FleetTreeDataProvider } from '../fleetView/fleetTreeDataProvider';
import type { AksTreeDataProvider } from '../tree/aksTreeDataProvider';
import type { TreeNode } from '../tree/treeNodes';
import type { Prompter } from '../ui/prompter';

/** What every command needs; built once in activate and handed to each command's registration. */
export interface ExtensionServices {
  readonly access: AzureAccess;
  readonly tree: AksTreeDataProvider;
  readonly view: vscode.TreeView<TreeNode>;
  readonly log: vscode.LogOutputChannel;
  /** Rollouts to many clusters, stored in the global state as they go (resume after a reload). */
  readonly rollouts: RolloutStore;
  /** The fleet inventory the fleet view and the tree share. */
  readonly inventory: FleetInventory;
  readonly fleet: FleetTreeDataProvider;
  readonly fleetView: vscode.TreeView<FleetNode>;
  /** Replaceable so integration tests can answer the questions commands ask. */
  prompter: Prompter;
}
