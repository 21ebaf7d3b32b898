import * as assert from 'assert';
import { ContainerServiceClient } from '@azure/arm-containerservice';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { createPipelineRequest } from '@azure/core-rest-pipeline';
import { ServiceClient } from '@azure/core-client';
import type { RunningEmulator } from '../../emulator/emulatorTypes';
import { clientOptions, clusterPath, errorCode, fakeCredential, raw, SEED, startTestEmulator } from './helpers';

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const result: T[] = [];
  for await (const item of items) {
    result.push(item);
  }
  return result;
}

describe('emulator: tenants, subscriptions, clusters and the extension-types catalog', () => {
  let emulator: RunningEmulator;

  before(async () => {
    emulator = await startTestEmulator({ pageSize: 2 });
  });
  after(() => emulator.close());

  it('lists tenants and subscriptions through @azure/arm-resources-subscriptions (paged)', async () => {
    const client = new SubscriptionClient(fakeCredential, clientOptions(emulator));
    const tenants = await all(client.tenants.list());
    assert.deepStrictEqual(tenants.map((t) => t.displayName), ['Contoso', 'Fabrikam']);
    const subscriptions = await all(client.subscriptions.list());
    assert.deepStrictEqual(subscriptions.map((s) => s.displayName), ['Contoso Production', 'Contoso Dev/Test', 'Fabrikam Platform']);
    const one = await client.subscriptions.get(SEED.fabrikamSubscription);
    assert.strictEqual(one.tenantId, SEED.fabrikamTenant);
    await assert.rejects(client.subscriptions.get('00000000-0000-0000-0000-00000000dead'), { statusCode: 404 });
  });

  it('filters subscriptions by the tid claim of a JWT-shaped token', async () => {
    const claims = Buffer.from(JSON.stringify({ tid: SEED.fabrikamTenant })).toString('base64url');
    const response = await raw(emulator, 'GET', '/subscriptions?api-version=2022-12-01', { token: `e30.${claims}.sig` });
    assert.deepStrictEqual((response.body as { value: { displayName: string }[] }).value.map((s) => s.displayName), ['Fabrikam Platform']);
  });

  it('lists and gets managed clusters through @azure/arm-containerservice', async () => {
    const prod = new ContainerServiceClient(fakeCredential, SEED.prodSubscription, clientOptions(emulator));
    const clusters = await all(prod.managedClusters.list());
    assert.deepStrictEqual(clusters.map((c) => c.name).sort(), ['aks-prod-eastus-01', 'aks-prod-eastus-02', 'aks-prod-weu-01']);
    const inRg = await all(prod.managedClusters.listByResourceGroup('rg-aks-prod-eastus'));
    assert.strictEqual(inRg.length, 2);
    const stopped = await prod.managedClusters.get('rg-aks-prod-eastus', 'aks-prod-eastus-02');
    assert.strictEqual(stopped.powerState?.code, 'Stopped');
    const dev = new ContainerServiceClient(fakeCredential, SEED.devSubscription, clientOptions(emulator));
    const legacy = await dev.managedClusters.get('rg-aks-legacy', 'aks-legacy-sp');
    assert.strictEqual(legacy.identity, undefined);
    assert.match(legacy.servicePrincipalProfile?.clientId ?? '', /^[0-9a-f-]{36}$/);
    assert.deepStrictEqual(await all(dev.managedClusters.listByResourceGroup('rg-empty')), []);
    const missing = await raw(emulator, 'GET', `${clusterPath(SEED.prodSubscription, 'rg-aks-prod-eastus', 'nope')}?api-version=2025-10-01`);
    assert.strictEqual(missing.status, 404);
    assert.strictEqual(errorCode(missing), 'ResourceNotFound');
  });

  it('serves the extension-types catalog by location and by cluster, with versions per release train', async () => {
    const client = new ServiceClient({ ...clientOptions(emulator), credential: fakeCredential, credentialScopes: [`${emulator.url}/.default`] });
    const get = async (path: string): Promise<{ status: number; body: Record<string, unknown> }> => {
      const response = await client.sendRequest(createPipelineRequest({ url: `${emulator.url}${path}`, method: 'GET' }));
      return { status: response.status, body: JSON.parse(response.bodyAsText ?? '{}') as Record<string, unknown> };
    };
    const preview = 'api-version=2024-11-02-preview';
    const byLocation = `/subscriptions/${SEED.prodSubscription}/providers/Microsoft.KubernetesConfiguration/locations/eastus/extensionTypes`;
    const first = await get(`${byLocation}?${preview}`);
    assert.strictEqual((first.body.value as unknown[]).length, 2);
    assert.ok(typeof first.body.nextLink === 'string');
    const dapr = await get(`${byLocation}/MICROSOFT.DAPR/versions?${preview}&releaseTrain=dev&showLatest=true`);
    assert.deepStrictEqual((dapr.body.value as { name: string }[]).map((v) => v.name), ['1.15.0-rc.2']);
    const fluxMajor = await get(`${byLocation}/microsoft.flux/versions?${preview}&majorVersion=1`);
    assert.deepStrictEqual((fluxMajor.body.value as { name: string }[]).map((v) => v.name), ['1.12.1', '1.13.2']);
    const byCluster = `${clusterPath(SEED.prodSubscription, 'rg-arc-edge', 'arc-edge-01', ['Microsoft.Kubernetes', 'connectedClusters'])}/providers/Microsoft.KubernetesConfiguration/extensionTypes`;
    const backupOnArc = await get(`${byCluster}/microsoft.dataprotection.kubernetes?${preview}`);
    assert.strictEqual(backupOnArc.status, 404, 'Azure Backup supports managed clusters only');
    const version = await get(`${byCluster}/microsoft.flux/versions/1.13.3?${preview}`);
    assert.strictEqual((version.body.properties as { version: string }).version, '1.13.3');
  });
});
