import * as assert from 'assert';
import { SourceControlConfigurationClient } from '@azure/arm-kubernetesconfiguration';
import { scaleSeed, scaleSubscriptionId, seedFromEnvironment } from '../../emulator/scaleSeed';
import { clientOptions, fakeCredential, startTestEmulator } from './helpers';

const NOW = new Date('2026-01-15T12:00:00.000Z');

describe('emulator: the scale seed', () => {
  it('is the same for the same options, and spreads 1,000 clusters over 3 subscriptions with drift', () => {
    const seed = scaleSeed({ now: NOW });
    assert.deepStrictEqual(seed, scaleSeed({ now: NOW }));
    assert.strictEqual(seed.clusters.length, 1000);
    assert.strictEqual(new Set(seed.clusters.map((c) => String(c.id).split('/')[2])).size, 3);
    assert.ok(seed.extensions.length >= 3500, `${seed.extensions.length} extensions`);
    assert.ok(new Set(seed.clusters.map((c) => c.location)).size >= 4);
    assert.ok(seed.resourceGroups.length >= 20);
    const states = new Set(seed.extensions.map((e) => e.properties.provisioningState));
    for (const state of ['Succeeded', 'Failed', 'Creating', 'Updating']) {
      assert.ok(states.has(state), `no ${state} extension`);
    }
    const fluxVersions = new Set(seed.extensions.filter((e) => e.properties.extensionType === 'microsoft.flux').map((e) => e.properties.currentVersion));
    assert.ok(fluxVersions.size >= 3, 'flux versions drift');
    assert.ok(seed.extensions.some((e) => e.properties.autoUpgradeMinorVersion === false && e.properties.version));
    const withExtensions = new Set(seed.extensions.map((e) => e.clusterId.toLowerCase()));
    assert.ok(seed.clusters.some((c) => !withExtensions.has(String(c.id).toLowerCase())), 'some clusters have no extension');
    assert.ok(seed.extensions.every((e) => e.properties.configurationProtectedSettings === undefined));
  });

  it('puts every cluster in one subscription when asked (the rollout benchmark)', () => {
    const seed = scaleSeed({ clusters: 500, subscriptions: 1, now: NOW });
    assert.strictEqual(seed.subscriptions.length, 1);
    assert.ok(seed.clusters.every((c) => String(c.id).startsWith(`/subscriptions/${scaleSubscriptionId(0)}/`)));
  });

  it('is chosen by AKSEXT_SEED=scale with its knobs, and refuses a bad value', () => {
    assert.strictEqual(seedFromEnvironment({}), undefined);
    const seed = seedFromEnvironment({ AKSEXT_SEED: 'scale', AKSEXT_SEED_CLUSTERS: '40', AKSEXT_SEED_SUBSCRIPTIONS: '2' });
    assert.strictEqual(seed?.clusters.length, 40);
    assert.strictEqual(seed?.subscriptions.length, 2);
    assert.throws(() => seedFromEnvironment({ AKSEXT_SEED: 'huge' }), /AKSEXT_SEED/);
    assert.throws(() => seedFromEnvironment({ AKSEXT_SEED: 'scale', AKSEXT_SEED_CLUSTERS: 'many' }), /AKSEXT_SEED_CLUSTERS/);
  });

  it('serves its clusters and extensions through the real SDK client', async () => {
    const seed = scaleSeed({ clusters: 30, subscriptions: 2, now: NOW });
    const emulator = await startTestEmulator({ seed });
    try {
      const cluster = seed.extensions[0].clusterId;
      const [, , subscriptionId, , resourceGroup, , , , name] = cluster.split('/');
      const client = new SourceControlConfigurationClient(fakeCredential, subscriptionId, clientOptions(emulator));
      const listed = [];
      for await (const e of client.extensions.list(resourceGroup, 'Microsoft.ContainerService', 'managedClusters', name)) {
        listed.push(e.name);
      }
      assert.deepStrictEqual(listed.sort(), seed.extensions.filter((e) => e.clusterId === cluster).map((e) => e.name).sort());
    } finally {
      await emulator.close();
    }
  });
});
