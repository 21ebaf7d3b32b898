import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AksClusterExtensionsApi } from '../../src/extensionApi';
import type { FleetBucketNode, FleetMemberNode, FleetNode, FleetTypeNode } from '../../src/fleetView/fleetNodes';
import type { ClusterNode } from '../../src/tree/treeNodes';
import { scaleSeed } from '../emulator/scaleSeed';
import type { SeedExtension } from '../emulator/seed';
import { emulatorControl } from './emulatorControl';
import { eventually, extensionApi } from './extensionApi';
import { runWith, writes } from './lifecycle/lifecycleFixture';
import { ScriptedPrompter } from './lifecycle/scriptedPrompter';

const SCALE = { clusters: 1000, subscriptions: 3 };
const seed = scaleSeed(SCALE);
const label = (api: AksClusterExtensionsApi, node: FleetNode): string => String(api.fleet.getTreeItem(node).label);
const description = (api: AksClusterExtensionsApi, node: FleetNode): string => String(api.fleet.getTreeItem(node).description);
const lower = (s: string): string => s.toLowerCase();
const managedIdentity = seed.clusters.filter((c) => c.identity);

function seeded(type: string, state?: string): SeedExtension[] {
  return seed.extensions.filter((e) => lower(String(e.properties.extensionType)) === lower(type) && (!state || e.properties.provisioningState === state));
}

async function typeNode(api: AksClusterExtensionsApi, type: string): Promise<FleetTypeNode> {
  const found = (await api.fleet.getChildren()).find((n): n is FleetTypeNode => n.kind === 'fleetType' && lower(n.group.extensionType) === lower(type));
  assert.ok(found, `no ${type} in the fleet view`);
  return found;
}

async function bucketNode(api: AksClusterExtensionsApi, type: string, bucketLabel: string): Promise<FleetBucketNode> {
  const buckets = (await api.fleet.getChildren(await typeNode(api, type))) as FleetBucketNode[];
  const found = buckets.find((b) => label(api, b) === bucketLabel);
  assert.ok(found, `no "${bucketLabel}" under ${type}: ${buckets.map((b) => label(api, b)).join(', ')}`);
  return found;
}

const memberOf = async (api: AksClusterExtensionsApi, bucket: FleetBucketNode): Promise<FleetMemberNode[]> => (await api.fleet.getChildren(bucket)) as FleetMemberNode[];

suite('Fleet view against the 1,000-cluster scale seed', () => {
  let api: AksClusterExtensionsApi;

  suiteSetup(async function () {
    this.timeout(60_000);
    api = await extensionApi();
    await emulatorControl.useSeed(SCALE);
    await vscode.workspace.getConfiguration('aksClusterExtensions').update('pollIntervalSeconds', 0.2, vscode.ConfigurationTarget.Global);
  });
  setup(async () => {
    await emulatorControl.reset();
    await emulatorControl.setOptions({ operationDelayMs: 600 });
    api.tree.refresh();
    api.fleet.setFilter({});
  });
  suiteTeardown(async () => {
    await emulatorControl.useSeed();
    await vscode.workspace.getConfiguration('aksClusterExtensions').update('pollIntervalSeconds', undefined, vscode.ConfigurationTarget.Global);
    api.tree.refresh();
  });

  test('opening the view shows its first rows quickly, from one Resource Graph query (time and memory reported)', async function () {
    this.timeout(60_000);
    const started = Date.now();
    await vscode.commands.executeCommand('aksClusterExtensions.fleet.focus');
    const rows = await api.fleet.getChildren();
    const firstRowsMs = Date.now() - started;
    const memory = process.memoryUsage();
    const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);
    console.log(
      `[fleet] ${SCALE.clusters} clusters / ${seed.extensions.length} extensions: first rows ${firstRowsMs} ms after opening the view; ` +
        `extension host heap ${mib(memory.heapUsed)} MiB, rss ${mib(memory.rss)} MiB`,
    );
    assert.match(label(api, rows[0]), /^As of .* · Resource Graph · 1,000 clusters$/);
    const graph = (await emulatorControl.requests()).filter((r) => r.url.includes('Microsoft.ResourceGraph'));
    assert.equal(graph.length, 1, 'one page of 1,000 clusters');
    const lists = (await emulatorControl.requests()).filter((r) => /\/extensions\?/i.test(r.url));
    assert.equal(lists.length, 0, 'no cluster listed one by one');
  });

  test('counts per type, version and state match the fleet, with Not installed and drift marked', async function () {
    this.timeout(30_000);
    const types = (await api.fleet.getChildren()).filter((n) => n.kind === 'fleetType').map((n) => lower(label(api, n)));
    assert.deepEqual(types, [...new Set(seed.extensions.map((e) => lower(String(e.properties.extensionType))))].sort());
    const flux = seeded('microsoft.flux');
    const fluxClusters = new Set(flux.map((e) => lower(e.clusterId)));
    assert.match(description(api, await typeNode(api, 'microsoft.flux')), new RegExp(`^${fluxClusters.size.toLocaleString('en-US')} clusters · \\d+ drifting$`));
    const failed = await bucketNode(api, 'microsoft.flux', 'Failed');
    assert.equal((await memberOf(api, failed)).length, seeded('microsoft.flux', 'Failed').length);
    const pinnedFailed = seeded('microsoft.flux', 'Failed').filter((e) => e.properties.autoUpgradeMinorVersion === false).length;
    assert.equal(description(api, failed), [`${seeded('microsoft.flux', 'Failed').length} clusters`, ...(pinnedFailed > 0 ? [`${pinnedFailed} auto-upgrade off`] : [])].join(' · '));
    const lacking = await bucketNode(api, 'microsoft.flux', 'Not installed');
    assert.equal((await memberOf(api, lacking)).length, managedIdentity.filter((c) => !fluxClusters.has(lower(String(c.id)))).length);
    const behind = await bucketNode(api, 'microsoft.flux', '1.12.1');
    const onOld = flux.filter((e) => e.properties.currentVersion === '1.12.1' && e.properties.autoUpgradeMinorVersion && e.properties.provisioningState === 'Succeeded');
    assert.equal(description(api, behind), `${onOld.length} clusters · behind`);
    assert.match(description(api, await bucketNode(api, 'microsoft.flux', '1.13.3 (pinned)')), /auto-upgrade off/);
    const newest = await bucketNode(api, 'microsoft.flux', '1.13.3');
    assert.doesNotMatch(description(api, newest), /behind|auto-upgrade off/);
    const buckets = (await api.fleet.getChildren(await typeNode(api, 'microsoft.flux'))) as FleetBucketNode[];
    const running = buckets.filter((b) => b.bucket.kind === 'running');
    assert.ok(running.some((b) => /running long/.test(description(api, b))), 'an operation running for hours is drift');
  });

  test('filter by location and search by name narrow the counts; export gives CSV of what is shown', async function () {
    this.timeout(30_000);
    const inWestEurope = seed.clusters.filter((c) => c.location === 'westeurope');
    await runWith(api, [{ when: /Filter by/, pick: 'Location' }, { when: /Keep clusters/, pickMany: ['westeurope'] }], 'fleet.filter');
    assert.match(label(api, (await api.fleet.getChildren())[0]), new RegExp(`· ${inWestEurope.length} of 1,000 clusters$`));
    await runWith(api, [{ when: /Search clusters by name/, input: 'data-prod' }], 'fleet.search');
    const shown = inWestEurope.filter((c) => String(c.name).includes('data-prod'));
    assert.match(label(api, (await api.fleet.getChildren())[0]), new RegExp(`· ${shown.length} of 1,000 clusters$`));
    const { result } = await runWith<vscode.TextDocument>(api, [{ when: /Export the fleet inventory/, pick: 'CSV' }], 'fleet.export');
    const lines = result.getText().trim().split('\r\n');
    const shownIds = new Set(shown.map((c) => lower(String(c.id))));
    const rows = shown.reduce((sum, c) => sum + Math.max(1, seed.extensions.filter((e) => lower(e.clusterId) === lower(String(c.id))).length), 0);
    assert.equal(lines.length, 1 + rows);
    assert.ok(lines.slice(1).every((l) => shown.some((c) => l.includes(`,${String(c.name)},`))), 'only the shown clusters');
    assert.ok(shownIds.size > 0);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('aksClusterExtensions.fleet.clearFilter');
    assert.match(label(api, (await api.fleet.getChildren())[0]), /· 1,000 clusters$/);
  });

  test('the Clusters view at scale: a subscription lists no cluster\'s extensions ahead; a cluster\'s rows come from the inventory at once, then from Resource Manager', async function () {
    this.timeout(30_000);
    const listsOf = async (clusterId?: string) =>
      (await emulatorControl.requests()).filter((r) => r.method === 'GET' && /\/extensions\?/i.test(r.url) && (!clusterId || lower(r.url).startsWith(lower(clusterId)))).length;
    const [subscription] = await api.tree.getChildren();
    const clusters = await api.tree.getChildren(subscription);
    assert.ok(clusters.length > 300);
    await eventually(async () => ((await emulatorControl.requests()).some((r) => r.url.includes('Microsoft.ResourceGraph')) ? true : undefined), 'the inventory query');
    await new Promise((resolve) => setTimeout(resolve, 500)); // room for a prefetch, if any were started
    assert.equal(await listsOf(), 0, 'no extension list per cluster');
    const cluster = clusters.find((c): c is ClusterNode => c.kind === 'cluster' && seed.extensions.some((e) => lower(e.clusterId) === lower(c.id)));
    assert.ok(cluster);
    await eventually(async () => (api.fleet && (await api.fleet.groups()) ? true : undefined), 'the inventory');
    // Resource Manager made slow: rows that come at once cannot be its answer.
    await emulatorControl.setFaults({ latencyMs: 3000, pathPattern: 'KubernetesConfiguration/extensions' });
    const started = Date.now();
    const rows = (await api.tree.getChildren(cluster)).filter((n) => n.kind === 'extension');
    assert.ok(Date.now() - started < 1500, `rows after ${Date.now() - started} ms`);
    assert.deepEqual(rows.map((r) => r.id.toLowerCase()).sort(), seed.extensions.filter((e) => lower(e.clusterId) === lower(cluster.id)).map((e) => lower(`${e.clusterId}/providers/Microsoft.KubernetesConfiguration/extensions/${e.name}`)).sort());
    await eventually(async () => ((await listsOf(cluster.id)) === 1 ? true : undefined), 'the confirmation from Resource Manager');
    await emulatorControl.setFaults({});
  });

  test('selecting a cluster reveals it in the Clusters view', async () => {
    const [member] = await memberOf(api, await bucketNode(api, 'microsoft.flux', 'Failed'));
    const node = await vscode.commands.executeCommand<ClusterNode>('aksClusterExtensions.fleet.revealInTree', member);
    assert.equal(lower(node.id), lower(member.member.cluster.id));
    assert.equal(node.cluster.name, member.member.cluster.name);
  });

  test('Delete on a member: one review and one modal yes, a rollout, and the view shows Resource Manager\'s answer at once', async function () {
    this.timeout(30_000);
    const member = (await memberOf(api, await bucketNode(api, 'Microsoft.AppConfiguration', '2.1.0'))).find((m) => m.member.cluster.powerState === 'Running');
    assert.ok(member);
    const { prompter } = await runWith(
      api,
      [
        { when: /^Delete appconfigurationkubernetesprovider from 1 cluster \| Review/, pick: /Delete 1 instance/ },
        { when: /^Delete 1 instance from their clusters\?/, confirm: true },
      ],
      'fleet.delete',
      member,
      [member],
    );
    assert.ok(prompter.confirmations.some((c) => /cluster agent removes the Helm release/.test(c.detail)));
    assert.equal((await writes()).filter((w) => w.method === 'DELETE').length, 1);
    await eventually(async () => {
      const bucket = await bucketNode(api, 'Microsoft.AppConfiguration', 'Not installed');
      return (await memberOf(api, bucket)).some((m) => m.member.cluster.id === member.member.cluster.id) ? true : undefined;
    }, 'the cluster under Not installed');
  });

  test('Deploy to These Clusters on Not installed copies an instance the user picks to the selected clusters', async function () {
    this.timeout(45_000);
    const lacking = await memberOf(api, await bucketNode(api, 'Microsoft.AppConfiguration', 'Not installed'));
    // Clusters that can run the source's version (2.1.0 needs Kubernetes 1.30 or later): none is skipped.
    const targets = lacking.filter((m) => m.member.cluster.powerState === 'Running' && !/^1\.(2\d)\./.test(m.member.cluster.kubernetesVersion ?? '')).slice(0, 2);
    const { prompter } = await runWith(
      api,
      [
        { when: /Copy the settings of which instance/, pick: /appconfigurationkubernetesprovider$/ },
        { when: /Protected settings/, pick: 'None' },
        // The shared rules may skip a cluster whose Kubernetes version the type's version does not support.
        { when: /^Deploy appconfigurationkubernetesprovider.*Review/, pick: /^\$\(check\) Deploy to/ },
      ],
      'fleet.deploy',
      targets[0],
      targets,
    );
    const puts = (await writes()).filter((w) => w.method === 'PUT').map((w) => lower(w.url.split('/providers/Microsoft.KubernetesConfiguration')[0]));
    const deployed = targets.filter((t) => puts.includes(lower(t.member.cluster.id)));
    assert.ok(deployed.length > 0 && deployed.length === puts.length, JSON.stringify([prompter.offered, prompter.messages]));
    await eventually(async () => {
      const bucket = await bucketNode(api, 'Microsoft.AppConfiguration', '2.1.0');
      const ids = new Set((await memberOf(api, bucket)).map((m) => m.member.cluster.id));
      return deployed.every((t) => ids.has(t.member.cluster.id)) ? true : undefined;
    }, 'the deployed clusters on 2.1.0', 20_000);
  });

  test('Recreate Failed on Failed members: one review, one yes, then each deleted and created again as a rollout', async function () {
    this.timeout(60_000);
    // Flux: Container Insights' recreate is refused by the rules (az creates its data collection rule and workspace keys).
    const failed = (await memberOf(api, await bucketNode(api, 'microsoft.flux', 'Failed'))).filter((m) => m.member.cluster.powerState === 'Running').slice(0, 3);
    assert.equal(failed.length, 3);
    const { prompter, result } = await runWith<{ outcome: string }[]>(
      api,
      [
        { when: /Protected settings/, pick: 'None' },
        { when: /^Recreate flux on 3 clusters \| Review/, pick: /Delete and Create 3 instance/ },
        { when: /^Delete 3 instances and create them again\?/, confirm: true },
      ],
      'fleet.recreate',
      failed[0],
      failed,
    );
    assert.deepEqual(result.map((r) => r.outcome), ['succeeded', 'succeeded', 'succeeded'], JSON.stringify([result, prompter.messages]));
    const writesByCluster = new Map<string, string[]>();
    for (const w of await writes()) {
      const cluster = lower(w.url.split('/providers/Microsoft.KubernetesConfiguration')[0]);
      writesByCluster.set(cluster, [...(writesByCluster.get(cluster) ?? []), w.method]);
    }
    assert.deepEqual([...writesByCluster.values()], failed.map(() => ['DELETE', 'PUT']));
  });

  // Last: after it the session lists each cluster (the fallback is kept, as it would be in a cloud without Resource Graph).
  test('when Resource Graph answers 403 the view lists each cluster instead, says so once, and keeps working', async function () {
    this.timeout(60_000);
    await emulatorControl.useSeed({ clusters: 60, subscriptions: 3 });
    await emulatorControl.setOptions({ resourceGraphForbidden: true });
    const small = scaleSeed({ clusters: 60, subscriptions: 3 });
    api.tree.refresh(); // forgets the cluster lists of the larger seed too
    const prompter = new ScriptedPrompter([]);
    const restore = api.usePrompter(prompter);
    try {
      const rows = await api.fleet.getChildren();
      assert.match(label(api, rows[0]), /^As of .* · listed per cluster · 60 clusters$/);
      const lacking = await bucketNode(api, 'microsoft.flux', 'Not installed');
      const fluxClusters = new Set(small.extensions.filter((e) => e.properties.extensionType === 'microsoft.flux').map((e) => lower(e.clusterId)));
      assert.equal((await memberOf(api, lacking)).length, small.clusters.filter((c) => c.identity && !fluxClusters.has(lower(String(c.id)))).length);
      api.fleet.refresh();
      await api.fleet.getChildren();
    } finally {
      restore();
    }
    const warnings = prompter.messages.filter((m) => /Resource Graph is not available/.test(m.message));
    assert.equal(warnings.length, 1, JSON.stringify(prompter.messages));
    assert.match(warnings[0].message, /lists each cluster instead/);
  });
});
