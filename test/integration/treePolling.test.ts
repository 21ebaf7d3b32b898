import * as assert from 'node:assert/strict';
import type { ClusterNode, ExtensionNode, TreeNode } from '../../src/tree/treeNodes';
import { emulatorControl } from './emulatorControl';
import { childLabelled, emulatorSuiteSetup, eventually } from './extensionApi';

suite('Tree: watching running operations holds the tree still', () => {
  const getApi = emulatorSuiteSetup();

  test('a poll redraws only the row whose state changed, never its cluster or the unchanged rows', async () => {
    const api = getApi();
    await emulatorControl.setOptions({ operationDelayMs: 1500 });
    const subscription = await childLabelled(api, undefined, 'Contoso Production');
    const cluster = (await childLabelled(api, subscription, 'aks-prod-eastus-01')) as ClusterNode;
    const client = api.access.clientsFor(cluster.cluster.subscriptionId).kubernetesConfiguration;
    await client.beginUpdate(cluster.cluster, 'dapr', {
      configurationSettings: { 'dapr_operator.logLevel': 'debug' },
    });
    api.tree.refresh(cluster);
    const rows = (await api.tree.getChildren(cluster)).filter((n): n is ExtensionNode => n.kind === 'extension');
    const dapr = rows.find((r) => r.extension.name === 'dapr') as ExtensionNode;
    assert.match(String(api.tree.getTreeItem(dapr).contextValue), /state-updating/);
    assert.ok(rows.length > 2, 'the cluster has rows that do not change');

    const redrawn: (TreeNode | undefined)[] = [];
    const listening = api.tree.onDidChangeTreeData((node) => redrawn.push(node));
    try {
      await eventually(async () => (/state-succeeded/.test(String(api.tree.getTreeItem(dapr).contextValue)) ? true : undefined), 'dapr Succeeded');
    } finally {
      listening.dispose();
    }
    assert.ok(redrawn.length > 0, 'the changed row was redrawn');
    assert.deepEqual([...new Set(redrawn.map((n) => n?.id))], [dapr.id], 'nothing but the dapr row was redrawn');
  });
});

suite('Tree: running rows that will not end by themselves', () => {
  const getApi = emulatorSuiteSetup();

  async function row(subscription: string, cluster: string, name: string): Promise<TreeNode> {
    const api = getApi();
    return childLabelled(api, await childLabelled(api, await childLabelled(api, undefined, subscription), cluster), name);
  }

  test('a Deleting row on a stopped cluster says so and suggests Force Delete', async () => {
    const item = getApi().tree.getTreeItem(await row('Contoso Production', 'aks-prod-eastus-02', 'dapr'));
    assert.match(String(item.description), / · Deleting \(cluster stopped: Force Delete\?\)$/);
    assert.match(String(item.contextValue), /;stalled/);
    assert.match((item.tooltip as { value: string }).value, /cluster is stopped.*Force Delete/);
  });

  test('a Creating row unchanged for longer than Azure waits says it is stuck and suggests Force Delete', async () => {
    const item = getApi().tree.getTreeItem(await row('Contoso Production', 'aks-prod-weu-01', 'flux'));
    assert.match(String(item.description), / · Creating \(stuck: Force Delete\?\)$/);
    assert.match((item.tooltip as { value: string }).value, /Nothing has changed since .*Force Delete/);
  });
});
