import * as assert from 'node:assert/strict';
import { startEmulator } from '../../emulator/emulator';
import type { RunningEmulator } from '../../emulator/emulatorTypes';
import { emulatorAccess } from '../../support/emulatorAccess';

const isExtensionList = (url: string): boolean => /\/providers\/Microsoft\.KubernetesConfiguration\/extensions\?/i.test(url);

describe('AzureAccess against the emulator (real SDK clients over HTTPS)', () => {
  let emulator: RunningEmulator;

  before(async () => {
    emulator = await startEmulator({ pageSize: 2, operationDelayMs: 50 });
  });
  after(() => emulator.close());
  beforeEach(() => emulator.reset());

  it('lists subscriptions of both tenants, clusters, and every page of extensions', async () => {
    const access = emulatorAccess(emulator);
    const subscriptions = await access.listSubscriptions();
    assert.ok(new Set(subscriptions.map((s) => s.tenantId)).size >= 2, 'subscriptions from two tenants');
    const clusters = (await Promise.all(subscriptions.map((s) => access.listClusters(s)))).flat();
    assert.ok(clusters.length >= 6);
    assert.ok(clusters.some((c) => !c.hasManagedIdentity), 'a service-principal cluster');
    assert.ok(clusters.some((c) => c.powerState === 'Stopped'), 'a stopped cluster');
    const busiest = await Promise.all(clusters.filter((c) => c.hasManagedIdentity).map((c) => access.listExtensions(c)));
    const most = Math.max(...busiest.map((list) => list.length));
    assert.ok(most > 2, 'some cluster has more extensions than one page');
    const pagesFetched = emulator.requests.filter((r) => isExtensionList(r.url) || /skiptoken|\$skip|page/i.test(r.url)).length;
    assert.ok(pagesFetched > busiest.length, 'nextLink pages were followed');
  });

  it('does not fetch the same extension list twice in a row, and refetches after invalidate', async () => {
    const access = emulatorAccess(emulator);
    const [subscription] = await access.listSubscriptions();
    const [cluster] = (await access.listClusters(subscription)).filter((c) => c.hasManagedIdentity);
    await access.listExtensions(cluster);
    const before = emulator.requests.length;
    await Promise.all([access.listExtensions(cluster), access.listExtensions(cluster)]);
    await access.listClusters(subscription);
    assert.equal(emulator.requests.length, before, 'no request for remembered lists');
    access.invalidate(cluster.id);
    await access.listExtensions(cluster);
    assert.ok(emulator.requests.length > before, 'refresh refetches');
  });

  it('still reaches a subscription\'s clients after a full refresh, so commands holding its clusters keep working', async () => {
    const access = emulatorAccess(emulator);
    const [subscription] = await access.listSubscriptions();
    access.invalidate();
    assert.equal(access.clientsFor(subscription.subscriptionId).subscription.subscriptionId, subscription.subscriptionId);
  });

  it('lists many clusters under the bound: with 2 at a time, n clusters take at least n/2 round trips', async () => {
    const access = emulatorAccess(emulator, 2);
    const subscriptions = await access.listSubscriptions();
    const clusters = (await Promise.all(subscriptions.map((s) => access.listClusters(s)))).flat().filter((c) => c.hasManagedIdentity);
    const latencyMs = 150;
    emulator.setFaults({ latencyMs });
    const started = Date.now();
    access.prefetchExtensions(clusters);
    await Promise.all(clusters.map((c) => access.listExtensions(c)));
    // A lower bound only: it cannot be met faster if more than 2 lists ran at once, whatever the machine's load.
    assert.ok(Date.now() - started >= Math.ceil(clusters.length / 2) * latencyMs * 0.9);
  });

  it('reports an ARM error for a cluster that does not exist', async () => {
    const access = emulatorAccess(emulator);
    const [subscription] = await access.listSubscriptions();
    const [cluster] = await access.listClusters(subscription);
    await assert.rejects(access.listExtensions({ ...cluster, id: `${cluster.id}-gone`, name: `${cluster.name}-gone` }), (err: { statusCode?: number }) => err.statusCode === 404);
  });
});
