import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AksClusterExtensionsApi } from '../../src/extensionApi';
import type { ExtensionNode, TreeNode } from '../../src/tree/treeNodes';
import { childLabelled, emulatorSuiteSetup, eventually, EXTENSION_ID } from './extensionApi';
import { ScriptedPrompter } from './lifecycle/scriptedPrompter';

interface MenuEntry { command: string; when: string; group?: string }

const manifest = JSON.parse(fs.readFileSync(path.join(vscode.extensions.getExtension(EXTENSION_ID)?.extensionPath ?? '', 'package.json'), 'utf8')) as {
  contributes: { menus: { 'view/item/context': MenuEntry[] } };
};
const itemMenus = manifest.contributes.menus['view/item/context'];

/** The when clauses of our tree menus use only `view == …` and `viewItem =~ /…/` joined by &&: evaluated as VS Code does. */
function shows(when: string, contextValue: string): boolean {
  return when.split('&&').every((clause) => {
    const term = clause.trim();
    const view = /^view == (\S+)$/.exec(term);
    if (view) {
      return view[1] === 'aksClusterExtensions.tree';
    }
    const item = /^viewItem =~ \/(.+)\/$/.exec(term);
    if (item) {
      return new RegExp(item[1]).test(contextValue);
    }
    throw new Error(`A clause this test cannot evaluate: ${term}`);
  });
}

/** The commands (short names) a row's context menu and inline actions offer. */
function offered(api: AksClusterExtensionsApi, node: TreeNode, inline = false): string[] {
  const contextValue = String(api.tree.getTreeItem(node).contextValue);
  return itemMenus
    .filter((m) => (m.group ?? '').startsWith('inline') === inline && shows(m.when, contextValue))
    .map((m) => m.command.replace('aksClusterExtensions.', ''))
    .sort();
}

suite('Menus follow the state of the row', () => {
  const getApi = emulatorSuiteSetup();
  const node = async (...labels: string[]): Promise<TreeNode> => {
    let current: TreeNode | undefined;
    for (const label of labels) {
      current = await childLabelled(getApi(), current, label);
    }
    return current as TreeNode;
  };

  test('a running extension offers no Update or Delete (they would end in "operation already running"); Force Delete stays', async () => {
    const creating = offered(getApi(), await node('Contoso Production', 'aks-prod-weu-01', 'flux'));
    for (const command of ['updateExtension', 'updateProtectedSettings', 'deleteExtension', 'recreateExtension']) {
      assert.ok(!creating.includes(command), `${command} on a Creating row: ${creating.join(', ')}`);
    }
    assert.ok(creating.includes('forceDeleteExtension') && creating.includes('showExtension'));
    assert.ok(!offered(getApi(), await node('Contoso Production', 'aks-prod-eastus-02', 'dapr')).includes('deleteExtension'), 'Delete on a Deleting row');
  });

  test('an idle extension offers Update and Delete, a Failed one also Recreate, and inline Update and Show', async () => {
    const succeeded = offered(getApi(), await node('Contoso Production', 'aks-prod-eastus-01', 'dapr'));
    assert.ok(['updateExtension', 'updateProtectedSettings', 'deleteExtension', 'deployToClusters', 'copySubscriptionId'].every((c) => succeeded.includes(c)), succeeded.join(', '));
    assert.ok(!succeeded.includes('recreateExtension'));
    const failed = await node('Contoso Production', 'aks-prod-weu-01', 'azure-aks-backup');
    assert.ok(offered(getApi(), failed).includes('recreateExtension'));
    assert.deepEqual(offered(getApi(), failed, true), ['showExtension', 'updateExtension']);
  });

  test('a blocked cluster says why in its row; Create is offered on a ready cluster only, and Deploy to Clusters not on a cluster (it would be Create under another title)', async () => {
    const ready = await node('Contoso Production', 'aks-prod-eastus-01');
    assert.ok(offered(getApi(), ready).includes('createExtension') && offered(getApi(), ready, true).includes('createExtension'));
    assert.match(String(getApi().tree.getTreeItem(await node('Contoso Production', 'aks-prod-eastus-02')).description), / · stopped$/);
    assert.match(String(getApi().tree.getTreeItem(await node('Contoso Dev/Test', 'aks-legacy-sp')).description), / · service principal$/);
    for (const blocked of [await node('Contoso Production', 'aks-prod-eastus-02'), await node('Contoso Dev/Test', 'aks-legacy-sp')]) {
      assert.ok(!offered(getApi(), blocked).includes('createExtension') && !offered(getApi(), blocked, true).includes('createExtension'));
    }
    assert.ok(!offered(getApi(), ready).includes('deployToClusters'));
  });

  test('Copy Subscription ID on a subscription copies its id', async () => {
    const subscription = await node('Contoso Production');
    assert.ok(offered(getApi(), subscription).includes('copySubscriptionId'));
    await vscode.commands.executeCommand('aksClusterExtensions.copySubscriptionId', subscription);
    assert.equal(await vscode.env.clipboard.readText(), '6b0a3f2e-8c1d-4e5f-9a7b-2c3d4e5f6a7b');
  });
});

suite('Show: a tab per cluster, with Refresh', () => {
  const getApi = emulatorSuiteSetup();

  test('Show names the cluster in the tab, two clusters\' dapr get two tabs, and Refresh reads the instance again', async () => {
    const api = getApi();
    const east = await childLabelled(api, await childLabelled(api, await childLabelled(api, undefined, 'Contoso Production'), 'aks-prod-eastus-01'), 'dapr');
    const fabrikam = await childLabelled(api, await childLabelled(api, await childLabelled(api, undefined, 'Fabrikam Platform'), 'aks-fabrikam-ml'), 'dapr');
    const first = await vscode.commands.executeCommand<vscode.TextDocument>('aksClusterExtensions.showExtension', east);
    const second = await vscode.commands.executeCommand<vscode.TextDocument>('aksClusterExtensions.showExtension', fabrikam);
    assert.equal(path.posix.basename(first.uri.path), 'dapr (aks-prod-eastus-01).json');
    assert.equal(path.posix.basename(second.uri.path), 'dapr (aks-fabrikam-ml).json');
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label);
    assert.ok(tabs.includes('dapr (aks-prod-eastus-01).json') && tabs.includes('dapr (aks-fabrikam-ml).json'), tabs.join(', '));

    const cluster = (east as ExtensionNode).parent.cluster;
    const client = api.access.clientsFor(cluster.subscriptionId).kubernetesConfiguration;
    await (await client.beginUpdate(cluster, 'dapr', {
      configurationSettings: { 'dapr_operator.logLevel': 'refreshed-value' },
    }, { updateIntervalInMs: 50 })).pollUntilDone();
    await vscode.commands.executeCommand('aksClusterExtensions.refreshExtensionDocument', first.uri);
    await eventually(async () => (first.getText().includes('refreshed-value') ? true : undefined), 'the shown document to be read again');
  });
});

suite('Palette: tree commands find the extension', () => {
  const getApi = emulatorSuiteSetup();

  test('from the palette one list holds every extension, its cluster and subscription in the description; the pick is the one acted on', async () => {
    const prompter = new ScriptedPrompter([{ when: /Select an extension/, pick: 'dapr' }]);
    const restore = getApi().usePrompter(prompter);
    try {
      await vscode.commands.executeCommand('aksClusterExtensions.showExtension');
    } finally {
      restore();
    }
    assert.deepEqual(prompter.questions.map((q) => q.split(' | ')[0]), ['Select an extension'], 'one question');
    const items = prompter.offered[0]?.items ?? [];
    const daprs = items.filter((i) => i.label.endsWith(' dapr')).map((i) => i.description ?? '');
    assert.ok(daprs.some((d) => d.startsWith('aks-prod-eastus-01 · Contoso Production · microsoft.dapr · ')), daprs.join('\n'));
    assert.ok(daprs.some((d) => d.startsWith('aks-fabrikam-ml · Fabrikam Platform · microsoft.dapr · ')), daprs.join('\n'));
    assert.ok(items.some((i) => /^aks-prod-eastus-02 · Contoso Production · Deleting · microsoft\.dapr · /.test(i.description ?? '')), 'a running row says its state');
    assert.ok(!items.some((i) => (i.description ?? '').startsWith('aks-legacy-sp')), 'a service-principal cluster has none to offer');
    const first = daprs[0].split(' · ')[0];
    const shown = vscode.window.activeTextEditor?.document;
    assert.ok(shown?.uri.path.includes(`dapr (${first})`), shown?.uri.toString());
  });

  test('from a subscription: cluster, then extension with placeholders, a counter and Back; a cluster without extensions says so and asks again', async () => {
    const prompter = new ScriptedPrompter([
      { when: /Select an AKS cluster/, pick: 'aks-dev-westus2' },
      { when: /Select an AKS cluster/ },
    ]);
    const restore = getApi().usePrompter(prompter);
    try {
      await vscode.commands.executeCommand('aksClusterExtensions.showExtension', await childLabelled(getApi(), undefined, 'Contoso Dev/Test'));
    } finally {
      restore();
    }
    assert.deepEqual(prompter.questions.map((q) => q.split(' | ')[0]), ['Select an AKS cluster', 'Select an AKS cluster']);
    assert.ok(prompter.questions.every((q) => q.split(' | ')[1]?.length > 0), 'every step has a placeholder');
    assert.deepEqual(prompter.steps, [
      { step: 1, totalSteps: 2, canGoBack: false },
      { step: 1, totalSteps: 2, canGoBack: false },
    ]);
    assert.match(prompter.messages.map((m) => m.message).join('\n'), /aks-dev-westus2 has no extensions: choose another cluster/);
  });
});
