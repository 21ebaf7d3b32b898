import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AksClusterExtensionsApi } from '../../src/extensionApi';
import type { ClusterNode, TreeNode } from '../../src/tree/treeNodes';
import { emulatorControl } from './emulatorControl';
import { childLabelled, emulatorSuiteSetup, EXTENSION_ID, eventually } from './extensionApi';

interface SeedCluster { id: string; name: string; properties: { powerState?: { code: string } }; identity?: unknown }
interface SeedExtension {
  clusterId: string;
  name: string;
  properties: { extensionType: string; provisioningState: string; version?: string; currentVersion?: string; configurationProtectedSettings?: Record<string, string> };
}
interface Seed { subscriptions: { subscriptionId: string; displayName: string }[]; clusters: SeedCluster[]; extensions: SeedExtension[] }

const seed = JSON.parse(
  fs.readFileSync(path.join(vscode.extensions.getExtension(EXTENSION_ID)?.extensionPath ?? '', 'test/emulator/fixtures/seed.json'), 'utf8'),
) as Seed;
const aksClusters = seed.clusters.filter((c) => c.id.includes('/managedClusters/'));
const subscriptionOf = (clusterId: string): string => seed.subscriptions.find((s) => clusterId.includes(s.subscriptionId))?.displayName ?? '';
const label = (api: AksClusterExtensionsApi, node: TreeNode): string => String(api.tree.getTreeItem(node).label);

async function clusterNodeNamed(api: AksClusterExtensionsApi, name: string): Promise<ClusterNode> {
  const cluster = aksClusters.find((c) => c.name === name);
  const subscription = await childLabelled(api, undefined, subscriptionOf(cluster?.id ?? ''));
  return (await childLabelled(api, subscription, name)) as ClusterNode;
}

suite('Tree: subscriptions > AKS clusters > extension instances', () => {
  const getApi = emulatorSuiteSetup();
  let api: AksClusterExtensionsApi;
  setup(() => {
    api = getApi();
  });

  test('runs in development mode against the emulator', () => {
    assert.equal(api.developmentMode, true);
  });

  test('shows every seeded subscription, and each subscription its AKS clusters with group, location and version', async () => {
    const subscriptions = await api.tree.getChildren();
    assert.deepEqual(subscriptions.map((s) => label(api, s)).sort(), seed.subscriptions.map((s) => s.displayName).sort());
    for (const subscription of subscriptions) {
      const expected = aksClusters.filter((c) => subscriptionOf(c.id) === label(api, subscription)).map((c) => c.name).sort();
      const clusters = (await api.tree.getChildren(subscription)).filter((n) => n.kind === 'cluster');
      assert.deepEqual(clusters.map((c) => label(api, c)).sort(), expected);
      for (const cluster of clusters) {
        const item = api.tree.getTreeItem(cluster);
        assert.match(String(item.description), /^rg-[\w-]+ · \w+ · v\d+\.\d+/);
      }
    }
  });

  test('shows each cluster\'s extensions with type, version and provisioning state', async () => {
    for (const cluster of aksClusters.filter((c) => c.identity)) {
      const node = await clusterNodeNamed(api, cluster.name);
      const rows = (await api.tree.getChildren(node)).filter((n) => n.kind === 'extension');
      const expected = seed.extensions.filter((e) => e.clusterId.toLowerCase() === cluster.id.toLowerCase());
      assert.deepEqual(rows.map((r) => label(api, r)).sort(), expected.map((e) => e.name).sort(), cluster.name);
      for (const e of expected) {
        const item = api.tree.getTreeItem(rows.find((r) => label(api, r) === e.name) as TreeNode);
        assert.ok(String(item.description).startsWith(`${e.properties.extensionType} · `), String(item.description));
        const state = e.properties.provisioningState;
        // A row that will not end by itself says why after its state: "· Deleting (cluster stopped: Force Delete?)".
        assert.equal(new RegExp(` · ${state}( \\(.+\\))?$`).test(String(item.description)), state !== 'Succeeded', `${e.name}: ${String(item.description)}`);
        assert.match(String(item.contextValue), new RegExp(`state-${state.toLowerCase()}`));
      }
    }
  });

  test('a Failed extension\'s tooltip carries its errorInfo and statuses', async () => {
    const failed = seed.extensions.find((e) => e.properties.provisioningState === 'Failed');
    assert.ok(failed, 'the seed has a Failed extension');
    const cluster = aksClusters.find((c) => c.id.toLowerCase() === failed.clusterId.toLowerCase()) as SeedCluster;
    const row = await childLabelled(api, await clusterNodeNamed(api, cluster.name), failed.name);
    const tooltip = api.tree.getTreeItem(row).tooltip as vscode.MarkdownString;
    assert.match(tooltip.value, /\$\(error\) \*\*\w+/);
  });

  test('a service-principal cluster has a warning icon and explains the managed-identity fix instead of listing', async () => {
    const sp = aksClusters.find((c) => !c.identity) as SeedCluster;
    const node = await clusterNodeNamed(api, sp.name);
    const item = api.tree.getTreeItem(node);
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'warning');
    const [message] = await api.tree.getChildren(node);
    assert.equal(message.kind, 'message');
    assert.match(String(api.tree.getTreeItem(message).tooltip), /az aks update --resource-group \S+ --name \S+ --enable-managed-identity/);
  });

  test('a stopped cluster is flagged, and its extensions still listed', async () => {
    const stopped = aksClusters.find((c) => c.properties.powerState?.code === 'Stopped') as SeedCluster;
    const node = await clusterNodeNamed(api, stopped.name);
    assert.equal((api.tree.getTreeItem(node).iconPath as vscode.ThemeIcon).id, 'warning');
    const children = await api.tree.getChildren(node);
    assert.match(label(api, children[0]), /is stopped/);
    assert.ok(children.some((c) => c.kind === 'extension'));
  });

  test('an extension in Creating refreshes by itself until it succeeds', async () => {
    await emulatorControl.setOptions({ operationDelayMs: 800 });
    const cluster = await clusterNodeNamed(api, aksClusters.find((c) => c.identity && c.properties.powerState?.code !== 'Stopped')?.name ?? '');
    const client = api.access.clientsFor(cluster.cluster.subscriptionId).kubernetesConfiguration;
    await client.beginCreate(cluster.cluster, 'watched', {
      extensionType: 'microsoft.flux',
      autoUpgradeMinorVersion: true,
    });
    api.tree.refresh(cluster);
    const stateOf = async (): Promise<string | undefined> => {
      const row = (await api.tree.getChildren(cluster)).find((n) => label(api, n) === 'watched');
      return row ? String(api.tree.getTreeItem(row).contextValue) : undefined;
    };
    await eventually(async () => ((await stateOf())?.includes('state-creating') ? true : undefined), 'Creating');
    // The view redraws only what the tree tells it has changed: the cluster, one of its rows, or everything.
    let redrawn = false;
    const touchesCluster = (n: TreeNode | undefined): boolean => n === undefined || n.id === cluster.id || (n.kind !== 'subscription' && n.parent?.id === cluster.id);
    const listener = api.tree.onDidChangeTreeData((changed) => {
      redrawn ||= (Array.isArray(changed) ? (changed as TreeNode[]) : [changed as TreeNode | undefined]).some(touchesCluster);
    });
    try {
      await eventually(async () => (redrawn && (await stateOf())?.includes('state-succeeded') ? true : undefined), 'a redraw showing Succeeded without a manual refresh');
    } finally {
      listener.dispose();
    }
  });

  test('a failed request shows one error row with its reason, and retrying it recovers', async () => {
    const cluster = await clusterNodeNamed(api, aksClusters.find((c) => c.identity)?.name ?? '');
    await emulatorControl.setFaults({ serverErrorRate: 1, pathPattern: 'KubernetesConfiguration/extensions' });
    api.tree.refresh(cluster);
    const rows = await api.tree.getChildren(cluster);
    assert.equal(rows.length, 1);
    const item = api.tree.getTreeItem(rows[0]);
    assert.match(String(item.label), /^Listing extensions failed: Azure failed to answer \(500/);
    assert.equal(item.command?.command, 'aksClusterExtensions.refresh');
    await emulatorControl.setFaults({});
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    assert.ok((await api.tree.getChildren(cluster)).some((n) => n.kind === 'extension'));
  });

  test('lists are not fetched again until Refresh', async () => {
    const cluster = await clusterNodeNamed(api, aksClusters.find((c) => c.identity)?.name ?? '');
    // Other clusters with running operations are re-read by the tree meanwhile: count only this cluster's list requests.
    const listsOfCluster = async (): Promise<number> =>
      (await emulatorControl.requests()).filter((r) => r.method === 'GET' && r.url.toLowerCase().startsWith(`${cluster.id}/providers/microsoft.kubernetesconfiguration/extensions?`.toLowerCase())).length;
    await api.tree.getChildren(cluster);
    const before = await listsOfCluster();
    await api.tree.getChildren(cluster);
    assert.equal(await listsOfCluster(), before);
    await vscode.commands.executeCommand('aksClusterExtensions.refresh', cluster);
    await api.tree.getChildren(cluster);
    assert.equal(await listsOfCluster(), before + 1);
  });

  test('Copy Resource ID and Show work on an extension; Show never contains protected settings', async () => {
    // Azure never returns protected settings; the emulator is told to, so that only our stripping keeps them out.
    await emulatorControl.setOptions({ echoProtectedSettings: true });
    const withProtected = seed.extensions.find((e) => e.properties.provisioningState === 'Succeeded' && e.properties.configurationProtectedSettings) as SeedExtension;
    assert.ok(withProtected, 'the seed has an extension with protected settings');
    const cluster = aksClusters.find((c) => c.id.toLowerCase() === withProtected.clusterId.toLowerCase()) as SeedCluster;
    const row = await childLabelled(api, await clusterNodeNamed(api, cluster.name), withProtected.name);
    await vscode.commands.executeCommand('aksClusterExtensions.copyResourceId', row);
    assert.equal(await vscode.env.clipboard.readText(), row.id);
    await vscode.commands.executeCommand('aksClusterExtensions.showExtension', row);
    const document = vscode.window.activeTextEditor?.document;
    assert.equal(document?.uri.scheme, 'aks-extension');
    const shown = JSON.parse(document?.getText() ?? '{}') as { name: string; extensionType: string };
    assert.equal(shown.name, withProtected.name);
    assert.equal(shown.extensionType, withProtected.properties.extensionType);
    assert.doesNotMatch(document?.getText() ?? '', /configurationProtectedSettings/);
    const echoed = await api.access.getExtensionById(row.id);
    assert.ok(Object.keys(echoed.configurationProtectedSettings ?? {}).length > 0, 'the emulator sent the protected settings');
    for (const value of Object.values(withProtected.properties.configurationProtectedSettings ?? {})) {
      assert.ok(!document?.getText().includes(value), 'Show holds a protected value');
    }
  });
});
