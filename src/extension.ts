// The entry VS Code loads on activation, including for any JSON file (onLanguage:json): kept small, it starts the
// settings-file support and loads the Azure part (dist/azure.js) only when a view or command needs it.
// See src/activation/README.md.
import * as vscode from 'vscode';
import { AzurePartLoader } from './activation/azurePartLoader';
import { LazyTreeDataProvider } from './activation/lazyTreeDataProvider';
import { readEmulatorConnection } from './azure/devMode';
import { bindSettingsFile, registerSettingsLanguageSupport, settingsFileCommands } from './client';
import { developmentApi, type AksClusterExtensionsApi } from './extensionApi';
import type { FleetNode } from './fleetView/fleetNodes';
import { RolloutStore } from './rollout/rolloutStore';
import type { TreeNode } from './tree/treeNodes';

/** The contributed commands the Azure part registers: every one in package.json except the settings-file support's. */
function azureCommandIds(context: vscode.ExtensionContext): string[] {
  const contributed = (context.extension.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands;
  return contributed.map((c) => c.command).filter((id) => !settingsFileCommands.includes(id));
}

let azure: AzurePartLoader | undefined;

export function activate(context: vscode.ExtensionContext): AksClusterExtensionsApi | undefined {
  const log = vscode.window.createOutputChannel('AKS Cluster Extensions', { log: true });
  context.subscriptions.push(log);
  registerSettingsLanguageSupport(context, log);

  const loader: AzurePartLoader = new AzurePartLoader(() => ({ context, log, treeView, fleetView, bindSettingsFile }));
  azure = loader;
  const treeData = new LazyTreeDataProvider<TreeNode>(() => loader.load().tree);
  const fleetData = new LazyTreeDataProvider<FleetNode>(() => loader.load().fleet);
  const treeView = vscode.window.createTreeView('aksClusterExtensions.tree', { treeDataProvider: treeData, showCollapseAll: true, canSelectMany: true });
  const fleetView = vscode.window.createTreeView('aksClusterExtensions.fleet', { treeDataProvider: fleetData, showCollapseAll: true, canSelectMany: true });
  context.subscriptions.push(loader, treeData, fleetData, treeView, fleetView);
  loader.proxyCommands(azureCommandIds(context));
  // A rollout cut short by a reload or a crash is announced at once, as before the split (the store reads global state only).
  if (new RolloutStore(context.globalState, () => undefined).interrupted().length > 0) {
    loader.load();
  }

  return developmentApi(readEmulatorConnection(), () => ({
    get tree() {
      return loader.load().tree;
    },
    get access() {
      return loader.load().access;
    },
    get fleet() {
      return loader.load().fleet;
    },
    developmentMode: true,
    writablePlaces: [context.logUri, context.globalStorageUri, ...(context.storageUri ? [context.storageUri] : [])],
    usePrompter: (prompter) => loader.load().usePrompter(prompter),
  }));
}

/** Rollouts running here are stored as interrupted, so the next window offers to resume them; the rest is disposed through context.subscriptions. */
export function deactivate(): Promise<void> | undefined {
  return azure?.deactivate();
}
