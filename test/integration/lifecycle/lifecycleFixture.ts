import * as vscode from 'vscode';
import type { AksClusterExtensionsApi } from '../../../src/extensionApi';
import type { ClusterNode, ExtensionNode, TreeNode } from '../../../src/tree/treeNodes';
import type { RecordedRequest } from '../../emulator/emulatorTypes';
import { emulatorControl } from '../emulatorControl';
import { childLabelled, emulatorSuiteSetup, eventually } from '../extensionApi';
import { type ScriptedAnswer, ScriptedPrompter } from './scriptedPrompter';

/** Seeded clusters by name → the subscription they are in (test/emulator/README.md). */
const SUBSCRIPTION_OF: Record<string, string> = {
  'aks-prod-eastus-01': 'Contoso Production',
  'aks-prod-eastus-02': 'Contoso Production',
  'aks-prod-weu-01': 'Contoso Production',
  'aks-dev-westus2': 'Contoso Dev/Test',
  'aks-legacy-sp': 'Contoso Dev/Test',
  'aks-fabrikam-ml': 'Fabrikam Platform',
  'aks-fabrikam-gitops': 'Fabrikam Platform',
};

/** The extension under test, a fresh emulator state and fast polling for every lifecycle suite. */
export function lifecycleSuiteSetup(): { api: () => AksClusterExtensionsApi } {
  return { api: emulatorSuiteSetup() };
}

export async function clusterNamed(api: AksClusterExtensionsApi, name: string): Promise<ClusterNode> {
  const subscription = await childLabelled(api, undefined, SUBSCRIPTION_OF[name]);
  return (await childLabelled(api, subscription, name)) as ClusterNode;
}

export async function extensionNamed(api: AksClusterExtensionsApi, cluster: string, name: string): Promise<ExtensionNode> {
  return (await childLabelled(api, await clusterNamed(api, cluster), name)) as ExtensionNode;
}

/** The extension rows of a cluster as the tree shows them now: name → description (type · version · state). */
export async function rowsOf(api: AksClusterExtensionsApi, cluster: string): Promise<Map<string, string>> {
  const node = await clusterNamed(api, cluster);
  const children: TreeNode[] = await api.tree.getChildren(node);
  return new Map(children.filter((c) => c.kind === 'extension').map((c) => [String(api.tree.getTreeItem(c).label), String(api.tree.getTreeItem(c).description)]));
}

/** Waits until the tree shows the extension with a description matching `state` (or gone, for undefined). */
export function treeShows(api: AksClusterExtensionsApi, cluster: string, name: string, state: RegExp | undefined, timeoutMs = 15000): Promise<true> {
  return eventually(async () => {
    const description = (await rowsOf(api, cluster)).get(name);
    return (state === undefined ? description === undefined : description !== undefined && state.test(description)) ? true : undefined;
  }, `${cluster}/${name} to show ${String(state ?? 'gone')}`, timeoutMs);
}

/** Runs a command with scripted answers; resolves to its result and the prompter (questions and messages). */
export async function runWith<T>(api: AksClusterExtensionsApi, answers: ScriptedAnswer[], command: string, ...args: unknown[]): Promise<{ result: T; prompter: ScriptedPrompter }> {
  const prompter = new ScriptedPrompter(answers);
  const restore = api.usePrompter(prompter);
  try {
    const result = await vscode.commands.executeCommand<T>(`aksClusterExtensions.${command}`, ...args);
    return { result, prompter };
  } finally {
    restore();
  }
}

/** The ARM writes the emulator received (PUT, PATCH, DELETE on extensions). */
export async function writes(): Promise<RecordedRequest[]> {
  return (await emulatorControl.requests()).filter((r) => r.method !== 'GET' && /\/extensions\//i.test(r.url));
}

export function extensionId(clusterNode: ClusterNode, name: string): string {
  return `${clusterNode.cluster.id}/providers/Microsoft.KubernetesConfiguration/extensions/${name}`;
}

/**
 * Answers to the create wizard for microsoft.flux (no scope or Dapr question): defaults, no settings, no plan, and
 * `review` picked in the review (Create flux, or Deploy to 1 cluster or to n clusters when deploy runs the wizard). `overrides` go first, so they answer the steps they match instead.
 */
export function fluxWizard(review: string, overrides: ScriptedAnswer[] = []): ScriptedAnswer[] {
  return [
    ...overrides,
    { when: /Extension type/, pick: 'microsoft.flux' },
    { when: /Name of the extension instance/, input: 'flux' },
    { when: /Release namespace/, input: '' },
    { when: /Upgrades of the extension/, pick: 'Upgrade minor versions automatically' },
    { when: /Release train/, pick: 'stable' },
    { when: /\| Configuration settings$/, pick: 'None' },
    { when: /\| Protected settings \(/, pick: 'None' },
    { when: /Review.*then choose/, pick: review },
  ];
}

/** The settings document a flow opened, once it is the active editor. */
export function settingsDocumentShown(): Promise<vscode.TextEditor> {
  return eventually(async () => {
    const editor = vscode.window.activeTextEditor;
    return editor?.document.languageId === 'json' && editor.document.uri.scheme === 'untitled' ? editor : undefined;
  }, 'the settings document');
}

/** ✓ Use These Settings, as the editor-title button runs it: on the document it shows. */
export async function useTheseSettings(document: vscode.TextDocument): Promise<void> {
  await vscode.commands.executeCommand('aksClusterExtensions.useSettingsDocument', document.uri);
}
