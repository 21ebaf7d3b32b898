import * as assert from 'assert';
import type { SourceControlConfigurationClient } from '@azure/arm-kubernetesconfiguration';
import type { RunningEmulator } from '../../emulator/emulatorTypes';
import { AKS, errorCode, extensionPath, extensionsClient, EXTENSIONS_API, FAST_POLL, raw, SEED, startTestEmulator } from './helpers';

const PROD = SEED.prodSubscription;
const RG = 'rg-aks-prod-eastus';
const BUSY_CLUSTER = 'aks-prod-eastus-01'; // seven extensions, all Succeeded
const api = `?api-version=${EXTENSIONS_API}`;

describe('emulator: extensions', () => {
  let emulator: RunningEmulator;
  let client: SourceControlConfigurationClient;

  before(async () => {
    emulator = await startTestEmulator({ pageSize: 2 });
    client = extensionsClient(emulator);
  });
  after(() => emulator.close());
  beforeEach(() => emulator.reset());

  const create = (name: string, extension: Record<string, unknown>, cluster = BUSY_CLUSTER) =>
    client.extensions.beginCreateAndWait(RG, AKS[0], AKS[1], cluster, name, extension, FAST_POLL);

  describe('list and get', () => {
    it('pages by nextLink; the SDK iterator returns every extension', async () => {
      const names: string[] = [];
      for await (const extension of client.extensions.list(RG, AKS[0], AKS[1], BUSY_CLUSTER)) {
        names.push(extension.name ?? '');
      }
      assert.strictEqual(names.length, 7);
      assert.ok(names.includes('dapr') && names.includes('azuremonitor-containers'));
      const lists = emulator.requests.filter((r) => r.method === 'GET' && /\/extensions\?/.test(r.url));
      assert.strictEqual(lists.length, 4, 'pages of 2, 2, 2, 1');
    });

    it('returns seeded Failed extensions with errorInfo and statuses, and Creating ones as they are', async () => {
      const failed = await client.extensions.get('rg-aks-prod-westeurope', AKS[0], AKS[1], 'aks-prod-weu-01', 'azure-aks-backup');
      assert.strictEqual(failed.provisioningState, 'Failed');
      assert.strictEqual(failed.errorInfo?.code, 'ExtensionOperationFailed');
      assert.strictEqual(failed.statuses?.[0].level, 'Error');
      const creating = await client.extensions.get('rg-aks-prod-westeurope', AKS[0], AKS[1], 'aks-prod-weu-01', 'flux');
      assert.strictEqual(creating.provisioningState, 'Creating');
    });

    it('answers 404 ResourceNotFound with the resource id for an unknown extension, cluster and resource group', async () => {
      const cases: [string, string][] = [
        [extensionPath(PROD, RG, BUSY_CLUSTER, 'nope'), extensionPath(PROD, RG, BUSY_CLUSTER, 'nope')],
        [extensionPath(PROD, RG, 'no-such-cluster'), extensionPath(PROD, RG, 'no-such-cluster').replace(/\/providers\/Microsoft.KubernetesConfiguration.*$/, '')],
        [extensionPath(PROD, 'no-such-rg', BUSY_CLUSTER), `/subscriptions/${PROD}/resourceGroups/no-such-rg`],
      ];
      for (const [path, id] of cases) {
        const response = await raw(emulator, 'GET', path + api);
        assert.strictEqual(response.status, 404, path);
        assert.strictEqual(errorCode(response), 'ResourceNotFound');
        assert.ok((response.body as { error: { message: string } }).error.message.includes(id), id);
      }
      const unknownSub = await raw(emulator, 'GET', extensionPath('00000000-0000-0000-0000-000000000001', RG, BUSY_CLUSTER) + api);
      assert.strictEqual(unknownSub.status, 404);
      assert.strictEqual(errorCode(unknownSub), 'ResourceNotFound');
      await assert.rejects(client.extensions.get(RG, AKS[0], AKS[1], BUSY_CLUSTER, 'nope'), { statusCode: 404, code: 'ResourceNotFound' });
    });
  });

  describe('long-running operations through the SDK poller', () => {
    it('create: 201 with Azure-AsyncOperation, Creating, then Succeeded with the latest version of the train', async () => {
      const result = await create('dapr-new', { extensionType: 'microsoft.dapr', configurationSettings: { skipExistingDaprCheck: 'true' } });
      assert.strictEqual(result.provisioningState, 'Succeeded');
      assert.strictEqual(result.currentVersion, '1.14.4');
      assert.deepStrictEqual(result.scope, { cluster: { releaseNamespace: 'dapr-system' } });
      const put = emulator.requests.find((r) => r.method === 'PUT');
      assert.strictEqual(put?.status, 201);
      assert.match(put?.responseHeaders?.['Azure-AsyncOperation'] ?? '', /\/extensions\/dapr-new\/operations\/[0-9a-f-]{36}\?api-version=2023-05-01$/);
      assert.strictEqual((put?.responseBody as { properties: { provisioningState: string } }).properties.provisioningState, 'Creating');
    });

    it('create again on an existing extension answers 200', async () => {
      await create('again', { extensionType: 'microsoft.flux' });
      await create('again', { extensionType: 'microsoft.flux', configurationSettings: { 'multiTenancy.enforce': 'true' } });
      assert.deepStrictEqual(emulator.requests.filter((r) => r.method === 'PUT').map((r) => r.status), [201, 200]);
    });

    it('update: 202 then Succeeded; settings merge, a null value removes the key', async () => {
      await create('flux2', { extensionType: 'microsoft.flux', configurationSettings: { a: '1', b: '2' } });
      const updated = await client.extensions.beginUpdateAndWait(
        RG, AKS[0], AKS[1], BUSY_CLUSTER, 'flux2',
        { configurationSettings: { b: null as unknown as string, c: '3' } },
        FAST_POLL,
      );
      assert.strictEqual(updated.provisioningState, 'Succeeded');
      assert.deepStrictEqual(updated.configurationSettings, { a: '1', c: '3' });
      assert.strictEqual(emulator.requests.find((r) => r.method === 'PATCH')?.status, 202);
    });

    it('update that changes nothing answers 200 without an operation', async () => {
      const same = await client.extensions.beginUpdateAndWait(RG, AKS[0], AKS[1], BUSY_CLUSTER, 'dapr', { configurationSettings: { 'global.ha.enabled': 'true' } }, FAST_POLL);
      assert.strictEqual(same.provisioningState, 'Succeeded');
      const patch = emulator.requests.find((r) => r.method === 'PATCH');
      assert.strictEqual(patch?.status, 200);
      assert.strictEqual(patch?.responseHeaders?.['Azure-AsyncOperation'], undefined);
    });

    it('update pinning a version (auto-upgrade off) sets version and currentVersion', async () => {
      const pinned = await client.extensions.beginUpdateAndWait(RG, AKS[0], AKS[1], BUSY_CLUSTER, 'dapr', { autoUpgradeMinorVersion: false, version: '1.13.6' }, FAST_POLL);
      assert.strictEqual(pinned.version, '1.13.6');
      assert.strictEqual(pinned.currentVersion, '1.13.6');
    });

    it('delete: 202, Deleting, then gone; deleting a missing extension answers 204', async () => {
      await client.extensions.beginDeleteAndWait(RG, AKS[0], AKS[1], BUSY_CLUSTER, 'flux', FAST_POLL);
      const deletes = emulator.requests.filter((r) => r.method === 'DELETE');
      assert.strictEqual(deletes[0].status, 202);
      await assert.rejects(client.extensions.get(RG, AKS[0], AKS[1], BUSY_CLUSTER, 'flux'), { statusCode: 404 });
      await client.extensions.beginDeleteAndWait(RG, AKS[0], AKS[1], BUSY_CLUSTER, 'flux', FAST_POLL);
      assert.strictEqual(emulator.requests.filter((r) => r.method === 'DELETE')[1].status, 204);
    });

    it('forceDelete removes at once (200), even an extension stuck in Deleting', async () => {
      const stopped: [string, string, string, string] = ['rg-aks-prod-eastus', AKS[0], AKS[1], 'aks-prod-eastus-02'];
      await client.extensions.beginDeleteAndWait(...stopped, 'dapr', { forceDelete: true, ...FAST_POLL });
      const del = emulator.requests.find((r) => r.method === 'DELETE');
      assert.strictEqual(del?.status, 200);
      assert.ok(del?.url.includes('forceDelete=true'));
      await assert.rejects(client.extensions.get(...stopped, 'dapr'), { statusCode: 404 });
    });

    it('the operation-status resource has the spec shape and ends Succeeded', async () => {
      await create('op-shape', { extensionType: 'microsoft.flux' });
      const url = emulator.requests.find((r) => r.method === 'PUT')?.responseHeaders?.['Azure-AsyncOperation'] ?? '';
      const status = await raw(emulator, 'GET', url.slice(emulator.url.length));
      assert.strictEqual(status.status, 200);
      const body = status.body as Record<string, unknown>;
      assert.deepStrictEqual(Object.keys(body).sort(), ['error', 'id', 'name', 'properties', 'status']);
      assert.strictEqual(body.status, 'Succeeded');
    });
  });

  describe('operations that end Failed', () => {
    it('a create on a service-principal cluster is accepted, then Failed with errorInfo about managed identity', async () => {
      const legacy = extensionsClient(emulator, SEED.devSubscription);
      await assert.rejects(
        legacy.extensions.beginCreateAndWait('rg-aks-legacy', AKS[0], AKS[1], 'aks-legacy-sp', 'flux', { extensionType: 'microsoft.flux' }, FAST_POLL),
        (error: Error) => /managed identity/.test(error.message),
      );
      const failed = await legacy.extensions.get('rg-aks-legacy', AKS[0], AKS[1], 'aks-legacy-sp', 'flux');
      assert.strictEqual(failed.provisioningState, 'Failed');
      assert.match(failed.errorInfo?.message ?? '', /az aks update --enable-managed-identity/);
      assert.strictEqual(failed.statuses?.[0].code, 'InstallationFailed');
    });

    it('failNextOperation (control option) makes the next operation end Failed', async () => {
      emulator.setOptions({ failNextOperation: true });
      await assert.rejects(create('doomed', { extensionType: 'microsoft.flux' }));
      assert.strictEqual((await client.extensions.get(RG, AKS[0], AKS[1], BUSY_CLUSTER, 'doomed')).provisioningState, 'Failed');
      const next = await create('fine', { extensionType: 'microsoft.flux' });
      assert.strictEqual(next.provisioningState, 'Succeeded');
    });
  });

  describe('protected settings', () => {
    const id = `${extensionPath(PROD, RG, BUSY_CLUSTER, 'secretive')}`;
    const hasProtected = (body: unknown): boolean => JSON.stringify(body ?? {}).includes('configurationProtectedSettings');

    it('are stored but never returned by PUT, GET, LIST or PATCH', async () => {
      await create('secretive', { extensionType: 'microsoft.flux', configurationProtectedSettings: { token: 's3cret' } });
      await client.extensions.get(RG, AKS[0], AKS[1], BUSY_CLUSTER, 'secretive');
      for await (const extension of client.extensions.list(RG, AKS[0], AKS[1], BUSY_CLUSTER)) {
        assert.strictEqual(extension.configurationProtectedSettings, undefined);
      }
      await client.extensions.beginUpdateAndWait(RG, AKS[0], AKS[1], BUSY_CLUSTER, 'secretive', { configurationProtectedSettings: { token: 'new' } }, FAST_POLL);
      assert.deepStrictEqual(emulator.protectedSettingsOf(id), { token: 'new' });
      for (const request of emulator.requests) {
        assert.ok(!hasProtected(request.responseBody), `${request.method} ${request.url} returned protected settings`);
        assert.ok(!JSON.stringify(request.responseBody ?? {}).includes('s3cret'));
      }
      assert.ok(hasProtected(emulator.requests.find((r) => r.method === 'PUT')?.body), 'recorded request bodies keep them');
    });

    it('a PATCH carrying them replaces the whole map; one omitting them keeps it', async () => {
      await create('secretive', { extensionType: 'microsoft.flux', configurationProtectedSettings: { a: '1', b: '2' } });
      await client.extensions.beginUpdateAndWait(RG, AKS[0], AKS[1], BUSY_CLUSTER, 'secretive', { configurationSettings: { x: 'y' } }, FAST_POLL);
      assert.deepStrictEqual(emulator.protectedSettingsOf(id), { a: '1', b: '2' });
      await client.extensions.beginUpdateAndWait(RG, AKS[0], AKS[1], BUSY_CLUSTER, 'secretive', { configurationProtectedSettings: { b: '3' } }, FAST_POLL);
      assert.deepStrictEqual(emulator.protectedSettingsOf(id), { b: '3' });
    });

    it('seeded protected settings are stored and hidden too', async () => {
      const azureml = await client.extensions.get(RG, AKS[0], AKS[1], BUSY_CLUSTER, 'azureml');
      assert.strictEqual(azureml.configurationProtectedSettings, undefined);
      assert.deepStrictEqual(Object.keys(emulator.protectedSettingsOf(extensionPath(PROD, RG, BUSY_CLUSTER, 'AzureML')) ?? {}), ['sslCertPemFile', 'sslKeyPemFile']);
    });
  });

  describe('409 while an operation runs', () => {
    it('answers ConflictingOperation to PATCH, PUT and DELETE while a create is in progress', async () => {
      emulator.setOptions({ operationDelayMs: 5_000 });
      const path = extensionPath(PROD, RG, BUSY_CLUSTER, 'slow') + api;
      assert.strictEqual((await raw(emulator, 'PUT', path, { body: { properties: { extensionType: 'microsoft.flux' } } })).status, 201);
      for (const [method, body] of [['PATCH', { properties: { configurationSettings: { a: 'b' } } }], ['PUT', { properties: { extensionType: 'microsoft.flux' } }], ['DELETE', undefined]] as const) {
        const response = await raw(emulator, method, path, { body });
        assert.strictEqual(response.status, 409, method);
        assert.strictEqual(errorCode(response), 'ConflictingOperation');
        assert.match((response.body as { error: { message: string } }).error.message, /in progress/);
      }
    });

    it('answers 409 for the seeded extension stuck in Deleting', async () => {
      const response = await raw(emulator, 'DELETE', extensionPath(PROD, RG, 'aks-prod-eastus-02', 'dapr') + api);
      assert.strictEqual(response.status, 409);
    });
  });

  describe('400 for what the service rejects', () => {
    const put = (name: string, body: unknown) => raw(emulator, 'PUT', extensionPath(PROD, RG, BUSY_CLUSTER, name) + api, { body });
    const cases: [string, string, unknown, string][] = [
      ['version with auto-upgrade absent (= true)', 'v1', { properties: { extensionType: 'microsoft.dapr', version: '1.13.6' } }, 'properties.version'],
      ['version with auto-upgrade true', 'v2', { properties: { extensionType: 'microsoft.dapr', autoUpgradeMinorVersion: true, version: '1.13.6' } }, 'properties.version'],
      ['an extension type not in the catalog', 'unknown', { properties: { extensionType: 'contoso.nothing' } }, 'properties.extensionType'],
      ['a missing extension type', 'missing', { properties: {} }, 'properties.extensionType'],
      ['an invalid name', '-bad-name-', { properties: { extensionType: 'microsoft.dapr' } }, 'extensionName'],
      ['both scopes', 'scopes', { properties: { extensionType: 'microsoft.flux', scope: { cluster: {}, namespace: { targetNamespace: 'x' } } } }, 'properties.scope'],
      ['an incomplete Marketplace plan', 'plan', { properties: { extensionType: 'microsoft.flux' }, plan: { name: 'p' } }, 'plan'],
      ['a version that does not exist', 'v3', { properties: { extensionType: 'microsoft.dapr', autoUpgradeMinorVersion: false, version: '9.9.9' } }, 'properties.version'],
    ];
    for (const [title, name, body, target] of cases) {
      it(`rejects ${title}`, async () => {
        const response = await put(name, body);
        assert.strictEqual(response.status, 400);
        assert.strictEqual((response.body as { error: { target?: string } }).error.target, target);
      });
    }

    it('accepts a release train with auto-upgrade off and a pinned version, as Azure did for the recorded az request', async () => {
      const response = await put('rt', { properties: { extensionType: 'microsoft.dapr', autoUpgradeMinorVersion: false, releaseTrain: 'stable', version: '1.13.6' } });
      assert.strictEqual(response.status, 201);
    });

    it('rejects a PATCH setting version while auto-upgrade stays on', async () => {
      const response = await raw(emulator, 'PATCH', extensionPath(PROD, RG, BUSY_CLUSTER, 'dapr') + api, { body: { properties: { version: '1.13.6' } } });
      assert.strictEqual(response.status, 400);
    });

    it('rejects a request without api-version', async () => {
      const response = await raw(emulator, 'GET', extensionPath(PROD, RG, BUSY_CLUSTER));
      assert.strictEqual(response.status, 400);
      assert.strictEqual(errorCode(response), 'MissingApiVersionParameter');
    });
  });
});
