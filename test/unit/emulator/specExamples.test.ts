/*
 * Fidelity of the older API versions (extensions 2023-05-01, extension types 2024-11-02-preview; the current ones are in
 * specExamplesCurrent.test.ts): every spec example of the operations the extension uses is sent through the real SDK
 * clients (or, for the preview extension-types API the SDK lacks, a core-client pipeline with a bearer token) to an emulator seeded with the
 * examples' own resources; each response must have the example's status and shape (specShape.ts), and all
 * KubernetesConfiguration traffic must pass oav's live validation against the swagger (specValidator.ts).
 * The spec is vendored in test/fixtures/arm-spec (SOURCE there names each file's origin and commit).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ContainerServiceClient } from '@azure/arm-containerservice';
import { SourceControlConfigurationClient } from '@azure/arm-kubernetesconfiguration';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { ServiceClient } from '@azure/core-client';
import { createPipelineRequest } from '@azure/core-rest-pipeline';
import type { RecordedRequest, RunningEmulator } from '../../emulator/emulatorTypes';
import type { JsonObject, SeedData, SeedExtension } from '../../emulator/seed';
import { clientOptions, fakeCredential, FAST_POLL, startTestEmulator } from './helpers';
import { assertMatchesExample, exampleBody, exampleParameter, type Example, KUBERNETES_CONFIGURATION, readExample, recordedRequest, SPEC } from './specExampleFiles';
import { createSpecValidator } from './specValidator';

const KC = path.join(KUBERNETES_CONFIGURATION, 'extensions');
const DIRS = {
  extensions: path.join(KC, 'stable', '2023-05-01', 'examples'),
  types: path.join(KC, 'preview', '2024-11-02-preview', 'examples'),
  aks: path.join(SPEC, 'containerservice', 'resource-manager', 'Microsoft.ContainerService', 'aks', 'stable', '2025-10-01', 'examples'),
  resources: path.join(SPEC, 'resources', 'resource-manager', 'Microsoft.Resources', 'stable', '2022-12-01', 'examples'),
};
const example = (dir: keyof typeof DIRS, name: string): Example => readExample(DIRS[dir], name);
const bodyOf = exampleBody;
const p = exampleParameter;

/** The examples' own resources: tenants, subscriptions, clusters, extensions and catalog entries they name. */
function examplesSeed(): Partial<SeedData> {
  const subscriptions = (bodyOf(example('resources', 'GetSubscriptions'), '200') as { value: JsonObject[] }).value;
  const likeFirst = (id: string): JsonObject => ({ ...subscriptions[0], id: `/subscriptions/${id}`, subscriptionId: id, displayName: id });
  const aksCluster = bodyOf(example('aks', 'ManagedClustersGet'), '200') as JsonObject;
  const connected = (name: string): JsonObject => ({
    id: `/subscriptions/subId1/resourceGroups/rg1/providers/Microsoft.Kubernetes/connectedClusters/${name}`,
    name,
    type: 'Microsoft.Kubernetes/connectedClusters',
    location: 'westus2',
    properties: { provisioningState: 'Succeeded' },
  });
  const listed = (bodyOf(example('extensions', 'ListExtensions'), '200') as { value: JsonObject[] }).value;
  const extensions: SeedExtension[] = listed.map((e) => {
    const id = String(e.id);
    return {
      clusterId: id.split('/providers/Microsoft.KubernetesConfiguration/')[0],
      name: id.split('/').pop() ?? '',
      properties: e.properties as JsonObject,
      systemData: e.systemData as JsonObject,
      ...(e.plan ? { plan: e.plan as JsonObject } : {}),
    };
  });
  const typeExample = bodyOf(example('types', 'GetExtensionTypeByLocation'), '200') as { properties: JsonObject };
  const otherType = bodyOf(example('types', 'GetExtensionType'), '200') as { properties: JsonObject };
  const versionExample = bodyOf(example('types', 'GetExtensionTypeVersion'), '200') as { properties: JsonObject };
  const versionProperties = { unsupportedKubernetesVersions: versionExample.properties.unsupportedKubernetesVersions, supportedClusterTypes: ['connectedCluster'] };
  const simpleType = (name: string, trains: Record<string, string[]>) => ({
    name,
    properties: { isSystemExtension: false, isManagedIdentityRequired: false, description: name, publisher: 'Microsoft', supportedClusterTypes: ['connectedClusters'] },
    releaseTrains: trains,
  });
  return {
    tenants: (bodyOf(example('resources', 'GetTenants'), '200') as { value: JsonObject[] }).value,
    subscriptions: [...subscriptions, likeFirst('subId1'), likeFirst('00000000-0000-0000-0000-000000000000')],
    resourceGroups: [
      { subscriptionId: 'subId1', name: 'rg1', location: 'westus2' },
      { subscriptionId: '00000000-0000-0000-0000-000000000000', name: 'rg1', location: 'location1' },
    ],
    clusters: [aksCluster, connected('clusterName1'), connected('my-cluster')],
    extensions,
    extensionTypes: [
      simpleType('azuremonitor-containers', { Preview: ['0.1.4'], Stable: ['0.1.4'] }),
      simpleType('azure-vote', { Preview: ['0.1.4'] }),
      { name: 'extensionType1', properties: typeExample.properties, releaseTrains: { stable: ['1.1.0', '1.2.0', '1.20.0', '2.0.0'] }, versionProperties },
      { name: 'my-extension-type', properties: otherType.properties, releaseTrains: { stable: ['1.1.0', 'v1.3.2', '2.1.0'] }, versionProperties },
    ],
  };
}

const EMPTY_SEED: SeedData = { tenants: [], subscriptions: [], resourceGroups: [], clusters: [], extensions: [], extensionTypes: [] };

describe('emulator fidelity: spec examples through the real SDK clients', () => {
  let emulator: RunningEmulator;
  let extensions: SourceControlConfigurationClient;
  const traffic: RecordedRequest[] = [];

  before(async () => {
    const seedFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aksext-empty-seed-')), 'seed.json');
    fs.writeFileSync(seedFile, JSON.stringify(EMPTY_SEED));
    emulator = await startTestEmulator({ seedFile, extraSeed: examplesSeed() });
    extensions = new SourceControlConfigurationClient(fakeCredential, 'subId1', clientOptions(emulator));
  });
  after(() => emulator.close());
  beforeEach(() => emulator.reset());
  afterEach(() => traffic.push(...emulator.requests));

  const recorded = (method: string, pathEnd: string, n = 0): RecordedRequest => recordedRequest(emulator, method, pathEnd, n);
  const assertMatches = assertMatchesExample;

  const cluster = (ex: Example): [string, string, string, string] => [p(ex, 'resourceGroupName'), p(ex, 'clusterRp'), p(ex, 'clusterResourceName'), p(ex, 'clusterName')];

  describe('Microsoft.Resources 2022-12-01', () => {
    const client = (): SubscriptionClient => new SubscriptionClient(fakeCredential, clientOptions(emulator));

    it('GetTenants', async () => {
      for await (const tenant of client().tenants.list()) {
        assert.ok(tenant.tenantId);
      }
      assertMatches(recorded('GET', '/tenants'), example('resources', 'GetTenants'));
    });

    it('GetSubscriptions', async () => {
      for await (const subscription of client().subscriptions.list()) {
        assert.ok(subscription.subscriptionId);
      }
      assertMatches(recorded('GET', '/subscriptions'), example('resources', 'GetSubscriptions'));
    });

    it('GetSubscription', async () => {
      const ex = example('resources', 'GetSubscription');
      await client().subscriptions.get(p(ex, 'subscriptionId'));
      assertMatches(recorded('GET', `/subscriptions/${p(ex, 'subscriptionId')}`), ex);
    });
  });

  describe('Microsoft.ContainerService managedClusters', () => {
    const client = (ex: Example): ContainerServiceClient => new ContainerServiceClient(fakeCredential, p(ex, 'subscriptionId'), clientOptions(emulator));

    it('ManagedClustersList', async () => {
      const ex = example('aks', 'ManagedClustersList');
      for await (const managed of client(ex).managedClusters.list()) {
        assert.ok(managed.name);
      }
      assertMatches(recorded('GET', '/providers/Microsoft.ContainerService/managedClusters'), ex, ['*']);
    });

    it('ManagedClustersListByResourceGroup', async () => {
      const ex = example('aks', 'ManagedClustersListByResourceGroup');
      for await (const managed of client(ex).managedClusters.listByResourceGroup(p(ex, 'resourceGroupName'))) {
        assert.ok(managed.name);
      }
      assertMatches(recorded('GET', `/resourceGroups/${p(ex, 'resourceGroupName')}/providers/Microsoft.ContainerService/managedClusters`), ex, ['*']);
    });

    it('ManagedClustersGet', async () => {
      const ex = example('aks', 'ManagedClustersGet');
      await client(ex).managedClusters.get(p(ex, 'resourceGroupName'), p(ex, 'resourceName'));
      assertMatches(recorded('GET', `/managedClusters/${p(ex, 'resourceName')}`), ex);
    });
  });

  describe('Microsoft.KubernetesConfiguration/extensions 2023-05-01', () => {
    /** The example's request body in the SDK's flattened model. */
    const sdkModel = (ex: Example, parameter: string): Record<string, unknown> => {
      const body = ex.parameters[parameter] as { properties: Record<string, unknown>; plan?: unknown };
      return { ...body.properties, ...(body.plan ? { plan: body.plan } : {}) };
    };

    for (const name of ['CreateExtension', 'CreateExtensionWithPlan']) {
      it(`${name}: 201 for a new extension, 200 for an existing one`, async () => {
        const ex = example('extensions', name);
        const extensionName = p(ex, 'extensionName');
        await extensions.extensions.beginDeleteAndWait(...cluster(ex), extensionName, { forceDelete: true, ...FAST_POLL });
        const created = await extensions.extensions.beginCreateAndWait(...cluster(ex), extensionName, sdkModel(ex, 'extension'), FAST_POLL);
        assert.strictEqual(created.provisioningState, 'Succeeded');
        await extensions.extensions.beginCreateAndWait(...cluster(ex), extensionName, sdkModel(ex, 'extension'), FAST_POLL);
        const puts = emulator.requests.filter((r) => r.method === 'PUT');
        assert.deepStrictEqual(puts.map((r) => r.status), [201, 200]);
        puts.forEach((put) => assertMatches(put, ex));
        assert.ok(puts[0].responseHeaders?.['Azure-AsyncOperation'], 'Azure-AsyncOperation header, as in the example');
      });
    }

    for (const name of ['GetExtension', 'GetExtensionWithPlan']) {
      it(name, async () => {
        const ex = example('extensions', name);
        await extensions.extensions.get(...cluster(ex), p(ex, 'extensionName'));
        assertMatches(recorded('GET', `/extensions/${p(ex, 'extensionName')}`), ex);
      });
    }

    it('ListExtensions', async () => {
      const ex = example('extensions', 'ListExtensions');
      const names: string[] = [];
      for await (const extension of extensions.extensions.list(...cluster(ex))) {
        names.push(extension.name ?? '');
      }
      assert.strictEqual(names.length, 3);
      assertMatches(recorded('GET', '/extensions'), ex);
    });

    it('PatchExtension: 202 when something changes, 200 when nothing does', async () => {
      const ex = example('extensions', 'PatchExtension');
      const patch = sdkModel(ex, 'patchExtension');
      const updated = await extensions.extensions.beginUpdateAndWait(...cluster(ex), p(ex, 'extensionName'), patch, FAST_POLL);
      assert.strictEqual(updated.provisioningState, 'Succeeded');
      await extensions.extensions.beginUpdateAndWait(...cluster(ex), p(ex, 'extensionName'), patch, FAST_POLL);
      const patches = emulator.requests.filter((r) => r.method === 'PATCH');
      assert.deepStrictEqual(patches.map((r) => r.status), [202, 200]);
      // The PATCH example bodies leave out the resource envelope and read-only properties every other example shows.
      const abridged = ['$.id', '$.name', '$.type', '$.systemData', '$.properties.currentVersion', '$.properties.isSystemExtension'];
      patches.forEach((record) => assertMatches(record, ex, abridged));
    });

    it('DeleteExtension: 202 with Azure-AsyncOperation, then 204 once gone, 200 with forceDelete', async () => {
      const ex = example('extensions', 'DeleteExtension');
      await extensions.extensions.beginDeleteAndWait(...cluster(ex), p(ex, 'extensionName'), FAST_POLL);
      await extensions.extensions.beginDeleteAndWait(...cluster(ex), p(ex, 'extensionName'), FAST_POLL);
      await extensions.extensions.beginDeleteAndWait(...cluster(ex), 'azureVote', { forceDelete: true, ...FAST_POLL });
      const deletes = emulator.requests.filter((r) => r.method === 'DELETE');
      assert.deepStrictEqual(deletes.map((r) => r.status), [202, 204, 200]);
      assert.ok(deletes[0].responseHeaders?.['Azure-AsyncOperation']);
      deletes.forEach((record) => assert.ok(String(record.status) in ex.responses));
    });

    it('GetExtensionAsyncOperationStatus', async () => {
      const ex = example('extensions', 'GetExtensionAsyncOperationStatus');
      await extensions.extensions.beginUpdateAndWait(...cluster(ex), p(ex, 'extensionName'), { configurationSettings: { changed: 'yes' } }, FAST_POLL);
      const operationUrl = recorded('PATCH', `/extensions/${p(ex, 'extensionName')}`).responseHeaders?.['Azure-AsyncOperation'] ?? '';
      const operationId = new URL(operationUrl).pathname.split('/').pop() ?? '';
      const status = await extensions.operationStatus.get(...cluster(ex), p(ex, 'extensionName'), operationId);
      assert.strictEqual(status.status, 'Succeeded');
      assertMatches(recorded('GET', `/operations/${operationId}`, 1), ex);
    });
  });

  describe('Microsoft.KubernetesConfiguration/extensionTypes 2024-11-02-preview', () => {
    const CLUSTER = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/{clusterRp}/{clusterResourceName}/{clusterName}';
    const LOCATION = '/subscriptions/{subscriptionId}/providers/Microsoft.KubernetesConfiguration/locations/{location}/extensionTypes';
    const cases: [string, string][] = [
      ['ListExtensionTypesByLocation', LOCATION],
      ['GetExtensionTypeByLocation', `${LOCATION}/{extensionTypeName}`],
      ['ListExtensionTypeVersionsByLocation', `${LOCATION}/{extensionTypeName}/versions`],
      ['GetExtensionTypeVersionByLocation', `${LOCATION}/{extensionTypeName}/versions/{versionNumber}`],
      ['ListExtensionTypes', `${CLUSTER}/providers/Microsoft.KubernetesConfiguration/extensionTypes`],
      ['GetExtensionType', `${CLUSTER}/providers/Microsoft.KubernetesConfiguration/extensionTypes/{extensionTypeName}`],
      ['ListExtensionTypeVersions', `${CLUSTER}/providers/Microsoft.KubernetesConfiguration/extensionTypes/{extensionTypeName}/versions`],
      ['GetExtensionTypeVersion', `${CLUSTER}/providers/Microsoft.KubernetesConfiguration/extensionTypes/{extensionTypeName}/versions/{versionNumber}`],
    ];
    for (const [name, template] of cases) {
      it(name, async () => {
        const ex = example('types', name);
        const used = new Set<string>();
        const urlPath = template.replace(/\{(\w+)\}/g, (_, param: string) => {
          used.add(param);
          return encodeURIComponent(p(ex, param));
        });
        const query = new URLSearchParams(Object.entries(ex.parameters).filter(([k]) => !used.has(k)).map(([k, v]): [string, string] => [k, String(v)]));
        // A bearer-token pipeline from @azure/core-client: the 6.x SDK has no operations for this preview API.
        const client = new ServiceClient({ ...clientOptions(emulator), credential: fakeCredential, credentialScopes: [`${emulator.url}/.default`] });
        const response = await client.sendRequest(createPipelineRequest({ url: `${emulator.url}${urlPath}?${query.toString()}`, method: 'GET' }));
        assert.strictEqual(response.status, 200, response.bodyAsText ?? '');
        const body = JSON.parse(response.bodyAsText ?? '{}') as { value?: unknown[] };
        assert.ok(!Array.isArray(body.value) || body.value.length > 0, 'the filters of the example must select something');
        assertMatches(recorded('GET', urlPath), ex);
      });
    }
  });

  // Last suite: mocha runs it after the others, once `traffic` holds what they recorded.
  describe('oav live validation', () => {
    it('all recorded KubernetesConfiguration traffic is valid against the swagger', async function () {
      this.timeout(60_000);
      const validate = await createSpecValidator(SPEC);
      const kubernetesConfiguration = traffic.filter((r) => /\/providers\/Microsoft\.KubernetesConfiguration\//i.test(r.url));
      assert.ok(kubernetesConfiguration.length > 30, `validated ${kubernetesConfiguration.length} requests`);
      assert.deepStrictEqual(await validate(kubernetesConfiguration), []);
    });
  });
});
