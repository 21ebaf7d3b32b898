import * as assert from 'assert';
import { queryGraphInventoryOf } from '../../../src/azure/resourceGraphInventory';
import { FleetInventory } from '../../../src/fleet/fleetInventory';
import type { RunningEmulator } from '../../emulator/emulatorTypes';
import { scaleSeed } from '../../emulator/scaleSeed';
import { emulatorAccess } from '../../support/emulatorAccess';
import { startTestEmulator } from '../emulator/helpers';

const seed = scaleSeed({ clusters: 60, subscriptions: 3, now: new Date('2026-01-15T12:00:00Z') });
const graphRequests = (emulator: RunningEmulator) => emulator.requests.filter((r) => r.url.includes('Microsoft.ResourceGraph'));
const listRequests = (emulator: RunningEmulator) => emulator.requests.filter((r) => r.method === 'GET' && /\/extensions\?/i.test(r.url));

describe('fleet inventory', () => {
  let emulator: RunningEmulator;
  let fallbacks: unknown[];
  const inventoryOf = () => {
    fallbacks = [];
    return new FleetInventory(emulatorAccess(emulator), (subscriptions) => queryGraphInventoryOf(subscriptions, emulator.caPem), {
      onFallback: (reason) => fallbacks.push(reason),
    });
  };

  before(async () => {
    emulator = await startTestEmulator({ seed });
  });
  after(() => emulator.close());
  afterEach(() => emulator.reset());

  it('reads every cluster and extension with one Resource Graph query, without listing any cluster', async () => {
    const snapshot = await inventoryOf().load();
    assert.strictEqual(snapshot.source, 'resourceGraph');
    assert.strictEqual(snapshot.clusters.length, 60);
    assert.strictEqual(snapshot.extensions.length, seed.extensions.length);
    assert.strictEqual(graphRequests(emulator).length, 1);
    assert.strictEqual(listRequests(emulator).length, 0);
    const stopped = seed.clusters.find((c) => (c.properties as { powerState: { code: string } }).powerState.code === 'Stopped');
    if (stopped) {
      assert.strictEqual(snapshot.clusters.find((c) => c.name === stopped.name)?.powerState, 'Stopped');
    }
  });

  it('falls back to listing each cluster when Resource Graph answers 403, says so once, and keeps working', async () => {
    emulator.setOptions({ resourceGraphForbidden: true });
    const inventory = inventoryOf();
    const snapshot = await inventory.load();
    assert.strictEqual(snapshot.source, 'perCluster');
    assert.strictEqual(snapshot.extensions.length, seed.extensions.length);
    assert.strictEqual(fallbacks.length, 1);
    assert.match(String((fallbacks[0] as { statusCode?: number }).statusCode), /403/);
    inventory.refresh();
    const again = await inventory.load();
    assert.strictEqual(again.source, 'perCluster');
    assert.strictEqual(fallbacks.length, 1, 'said once');
    assert.strictEqual(graphRequests(emulator).length, 1, 'not asked again');
  });

  it('lets what Resource Manager says win over lagging Resource Graph rows, also after a reload', async () => {
    emulator.setOptions({ resourceGraphLagMs: 60_000 });
    const inventory = inventoryOf();
    const before = await inventory.load();
    const target = before.extensions.find((e) => e.provisioningState === 'Succeeded');
    assert.ok(target);
    const cluster = before.clusters.find((c) => c.id.toLowerCase() === target.clusterId.toLowerCase());
    assert.ok(cluster);
    const access = emulatorAccess(emulator);
    await access.listSubscriptions(); // clients are only handed out for subscriptions the account has listed
    const client = access.clientsFor(cluster.subscriptionId).kubernetesConfiguration;
    await (await client.beginDelete(cluster, target.name, true, { updateIntervalInMs: 20 })).pollUntilDone();
    inventory.confirm(cluster, await client.listExtensions(cluster));
    const has = () => inventory.current()?.extensions.some((e) => e.id.toLowerCase() === target.id.toLowerCase());
    assert.strictEqual(has(), false);
    assert.ok(inventory.extensionsOf(cluster.id)?.every((e) => e.source === 'resourceManager'));
    inventory.refresh();
    await inventory.load();
    assert.strictEqual(has(), false, 'Resource Graph still lags, Resource Manager still wins');
  });

  it('carries autoUpgradeMode and managedBy (API 2025-03-01) from Resource Graph as from Resource Manager', async () => {
    const seeded = await startTestEmulator();
    try {
      const inventory = new FleetInventory(emulatorAccess(seeded), (subscriptions) => queryGraphInventoryOf(subscriptions, seeded.caPem), { onFallback: () => undefined });
      const managed = (await inventory.load()).extensions.find((e) => e.managedBy);
      assert.ok(managed, 'the default seed has an extension another service manages');
      assert.match(managed.managedBy ?? '', /\/managedClusters\//i);
      assert.strictEqual(managed.autoUpgradeMode, 'patch');
    } finally {
      await seeded.close();
    }
  });
});
