import * as assert from 'assert';
import * as path from 'path';
import { createGraphClient, queryGraphInventory } from '../../../src/azure/resourceGraphInventory';
import { INVENTORY_QUERY } from '../../../src/azure/inventoryQuery';
import type { RunningEmulator } from '../../emulator/emulatorTypes';
import { scaleSeed } from '../../emulator/scaleSeed';
import { extensionsClient, fakeCredential, raw, startTestEmulator } from '../emulator/helpers';
import { createSpecValidator } from '../emulator/specValidator';

const SPEC = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'arm-spec', 'specification');
const GRAPH_PATH = '/providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01';
const seed = scaleSeed({ clusters: 1200, subscriptions: 2, now: new Date('2026-01-15T12:00:00Z') });

describe('emulator: Resource Graph inventory query', () => {
  let emulator: RunningEmulator;
  const client = () => createGraphClient({ endpoint: emulator.url, credential: fakeCredential, caPem: emulator.caPem });
  const subscriptions = seed.subscriptions.map((s) => String(s.subscriptionId));

  before(async () => {
    emulator = await startTestEmulator({ seed });
  });
  after(() => emulator.close());
  afterEach(() => emulator.reset());

  it('answers the inventory query from its state, one row per managed cluster, 1,000 rows a page with $skipToken', async () => {
    const inventory = await queryGraphInventory(client(), subscriptions);
    assert.strictEqual(inventory.rows.length, 1200);
    assert.strictEqual(inventory.roundTrips, 2);
    assert.strictEqual(inventory.rows.flatMap((r) => r.extensions ?? []).length, seed.extensions.length);
    const pages = emulator.requests.map((r) => r.responseBody as { count: number; $skipToken?: string; totalRecords: number });
    assert.deepStrictEqual(pages.map((p) => [p.count, p.totalRecords, p.$skipToken !== undefined]), [[1000, 1200, true], [200, 1200, false]]);
    const bare = seed.clusters.find((c) => !seed.extensions.some((e) => e.clusterId === c.id));
    assert.deepStrictEqual(inventory.rows.find((r) => r.clusterName === bare?.name)?.extensions, []);
  });

  it('limits rows to the subscriptions asked', async () => {
    const inventory = await queryGraphInventory(client(), [subscriptions[1]]);
    assert.strictEqual(inventory.rows.length, 600);
    assert.ok(inventory.rows.every((r) => r.subscriptionId === subscriptions[1]));
  });

  it('reports its quota in headers, refuses the 16th query in 5 s with 429, and the client waits for the reset', async function () {
    this.timeout(20_000);
    for (let i = 0; i < 14; i++) {
      await raw(emulator, 'POST', GRAPH_PATH, { body: { query: INVENTORY_QUERY, subscriptions: [subscriptions[0]], options: { $top: 1 } } });
    }
    const last = await raw(emulator, 'POST', GRAPH_PATH, { body: { query: INVENTORY_QUERY, subscriptions: [subscriptions[0]], options: { $top: 1 } } });
    assert.strictEqual(last.headers['x-ms-user-quota-remaining'], '0');
    assert.match(String(last.headers['x-ms-user-quota-resets-after']), /^00:00:0[0-5]$/);
    const refused = await raw(emulator, 'POST', GRAPH_PATH, { body: { query: INVENTORY_QUERY } });
    assert.strictEqual(refused.status, 429);
    assert.strictEqual((refused.body as { error: { code: string } }).error.code, 'RateLimiting');
    // The client saw remaining 0 after its first page: it waits for the reset rather than be refused.
    emulator.reset();
    const waits: number[] = [];
    for (let i = 0; i < 14; i++) {
      await raw(emulator, 'POST', GRAPH_PATH, { body: { query: INVENTORY_QUERY, options: { $top: 1 } } });
    }
    const inventory = await queryGraphInventory(client(), subscriptions, async (ms) => {
      waits.push(ms);
      await new Promise((resolve) => setTimeout(resolve, ms));
    });
    assert.strictEqual(inventory.rows.length, 1200);
    assert.strictEqual(waits.length, 1);
    assert.ok(emulator.requests.every((r) => r.status === 200), 'no query was refused');
  });

  it('answers any other query, and a bad $skipToken, with Resource Graph\'s error shape', async () => {
    const other = await raw(emulator, 'POST', GRAPH_PATH, { body: { query: 'Resources | project id' } });
    assert.strictEqual(other.status, 400);
    const error = (other.body as { error: { code: string; message: string; details: { code: string }[] } }).error;
    assert.strictEqual(error.code, 'BadRequest');
    assert.strictEqual(error.details[0].code, 'InvalidQuery');
    const token = await raw(emulator, 'POST', GRAPH_PATH, { body: { query: INVENTORY_QUERY, options: { $skipToken: 'bm9wZQ==' } } });
    assert.strictEqual(token.status, 400);
  });

  it('answers 403 AuthorizationFailed when Resource Graph is forbidden', async () => {
    emulator.setOptions({ resourceGraphForbidden: true });
    await assert.rejects(queryGraphInventory(client(), subscriptions), (e: { statusCode?: number }) => e.statusCode === 403);
  });

  it('lags behind Resource Manager by resourceGraphLagMs', async () => {
    emulator.setOptions({ resourceGraphLagMs: 3000 }); // long enough for a loaded machine to delete and query within it
    const target = seed.extensions.find((e) => e.properties.provisioningState === 'Succeeded');
    assert.ok(target);
    const [, , subscriptionId, , resourceGroup, , , , clusterName] = target.clusterId.split('/');
    const before = await queryGraphInventory(client(), [subscriptionId]);
    const has = (rows: typeof before.rows) => rows.some((r) => r.extensions?.some((e) => e.name === target.name && r.clusterName === clusterName));
    assert.ok(has(before.rows));
    await extensionsClient(emulator, subscriptionId).extensions.beginDeleteAndWait(resourceGroup, 'Microsoft.ContainerService', 'managedClusters', clusterName, target.name, { forceDelete: true });
    assert.ok(has((await queryGraphInventory(client(), [subscriptionId])).rows), 'still there during the lag');
    await new Promise((resolve) => setTimeout(resolve, 3100));
    assert.ok(!has((await queryGraphInventory(client(), [subscriptionId])).rows), 'gone after the lag');
  });

  it('all its traffic is valid against the Resource Graph swagger (oav)', async function () {
    this.timeout(60_000);
    await queryGraphInventory(client(), subscriptions);
    await raw(emulator, 'POST', GRAPH_PATH, { body: { query: 'Resources | project id' } });
    emulator.setOptions({ resourceGraphForbidden: true });
    await raw(emulator, 'POST', GRAPH_PATH, { body: { query: INVENTORY_QUERY } });
    const validate = await createSpecValidator(SPEC, ['specification/resourcegraph/**/stable/2024-04-01/openapi.json']);
    const graph = emulator.requests.filter((r) => r.url.includes('Microsoft.ResourceGraph'));
    assert.strictEqual(graph.length, 4);
    assert.deepStrictEqual(await validate(graph), []);
  });
});
