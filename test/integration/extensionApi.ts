import * as vscode from 'vscode';
import type { AksClusterExtensionsApi } from '../../src/extensionApi';
import type { TreeNode } from '../../src/tree/treeNodes';
import { emulatorControl } from './emulatorControl';

export const EXTENSION_ID = 'aks-cluster-extensions.aks-cluster-extensions';

/** Activates the extension under test and returns its API (exported in development mode only). */
export async function extensionApi(): Promise<AksClusterExtensionsApi> {
  const extension = vscode.extensions.getExtension<AksClusterExtensionsApi | undefined>(EXTENSION_ID);
  if (!extension) {
    throw new Error(`${EXTENSION_ID} is not loaded`);
  }
  const api = await extension.activate();
  if (!api) {
    throw new Error(`${EXTENSION_ID} exported no API: the runner must set the emulator's environment variables`);
  }
  return api;
}

/** The child of a node whose tree item has this label. */
export async function childLabelled(api: AksClusterExtensionsApi, parent: TreeNode | undefined, label: string): Promise<TreeNode> {
  const children = await api.tree.getChildren(parent);
  const found = children.find((c) => api.tree.getTreeItem(c).label === label);
  if (!found) {
    throw new Error(`No "${label}" under ${parent?.id ?? 'the root'}; found ${children.map((c) => String(api.tree.getTreeItem(c).label)).join(', ')}`);
  }
  return found;
}

/** Polls until the check passes or the time is up. */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * For a suite against the emulator: the extension under test, a fresh emulator state before each test (operations
 * taking 600 ms) and fast polling of running operations. Returns a getter for the API.
 */
export function emulatorSuiteSetup(): () => AksClusterExtensionsApi {
  let api: AksClusterExtensionsApi;
  const settings = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('aksClusterExtensions');
  suiteSetup(async () => {
    api = await extensionApi();
    await settings().update('pollIntervalSeconds', 0.2, vscode.ConfigurationTarget.Global);
  });
  setup(async () => {
    await emulatorControl.reset();
    await emulatorControl.setOptions({ operationDelayMs: 600 });
    api.tree.refresh();
  });
  suiteTeardown(() => settings().update('pollIntervalSeconds', undefined, vscode.ConfigurationTarget.Global));
  return () => api;
}
