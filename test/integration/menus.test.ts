import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AksClusterExtensionsApi } from '../../src/extensionApi';
import type { TreeNode } from '../../src/tree/treeNodes';
import { childLabelled, emulatorSuiteSetup, EXTENSION_ID } from './extensionApi';

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

  test('Create is offered on a ready cluster only, and Deploy to Clusters not on a cluster (it would be Create under another title)', async () => {
    const ready = await node('Contoso Production', 'aks-prod-eastus-01');
    assert.ok(offered(getApi(), ready).includes('createExtension') && offered(getApi(), ready, true).includes('createExtension'));
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
