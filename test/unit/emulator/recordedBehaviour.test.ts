/*
 * The emulator answers as real Azure did in the az CLI's recorded tests (Azure/azure-cli-extensions,
 * src/k8s-extension/azext_k8s_extension/tests/latest/recordings; test/emulator/README.md lists which test covers
 * which recording), the product's client copes with each answer, and all of this traffic passes oav's validation
 * against the vendored swagger of its API version.
 */
import * as assert from 'assert';
import * as path from 'path';
import { armClientOptions } from '../../../src/azure/armClientOptions';
import type { Extension } from '../../../src/azure/extensionModel';
import { KubernetesConfigurationClient } from '../../../src/azure/kubernetesConfigurationClient';
import { requestFromExtension, toExtensionBody } from '../../../src/lifecycle/extensionBody';
import { validateExtensionRequest } from '../../../src/shared';
import type { RunningEmulator } from '../../emulator/emulatorTypes';
import { errorCode, extensionPath, fakeCredential, raw, SEED, startTestEmulator } from './helpers';
import { createSpecValidator } from './specValidator';

const SPEC = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'arm-spec', 'specification');
const DEV = { subscriptionId: SEED.devSubscription, resourceGroup: 'rg-aks-dev', name: 'aks-dev-westus2' };
const WEU = { subscriptionId: SEED.prodSubscription, resourceGroup: 'rg-aks-prod-westeurope', name: 'aks-prod-weu-01' };
const GITOPS = { subscriptionId: SEED.fabrikamSubscription, resourceGroup: 'rg-fabrikam-aks', name: 'aks-fabrikam-gitops' };
const CURRENT = '?api-version=2025-03-01';

describe('Emulator: real Azure as the az CLI recorded it', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let client: KubernetesConfigurationClient;
  const fast = { updateIntervalInMs: 10 };

  before(async () => {
    emulator = await startTestEmulator();
    client = new KubernetesConfigurationClient(fakeCredential, armClientOptions(emulator.url, emulator.caPem));
  });
  after(() => emulator.close());

  it('create: 201 with Location on the resource provider regional host, which the client never follows', async () => {
    const operation = await client.beginCreate(DEV, 'flux', { extensionType: 'microsoft.flux', scope: { cluster: {} } }, fast);
    const put = emulator.requests.find((r) => r.method === 'PUT' && /\/extensions\/flux\?/.test(r.url));
    const location = String(put?.responseHeaders?.Location ?? '');
    assert.equal(put?.status, 201);
    assert.match(location, /^https:\/\/westus2\.rp\.kubernetesconfiguration\.azure\.com\/subscriptions\/.+\/extensions\/flux$/);
    const created = await operation.pollUntilDone();
    assert.equal(created.provisioningState, 'Succeeded');
    // The service filled in what the request left out, as in the recordings.
    assert.equal(created.releaseTrain, 'Stable');
    assert.deepEqual(created.scope, { cluster: { releaseNamespace: 'flux-system' } });
    assert.equal(created.autoUpgradeMode, 'compatible');
  });

  it('a copy of what the service filled in: the release train of a pinned extension is left out, its release namespace kept', async () => {
    const pinned = { extensionType: 'microsoft.dapr', autoUpgradeMinorVersion: false, version: '1.13.5', scope: { cluster: {} } };
    const created = await (await client.beginCreate(DEV, 'dapr-pinned', pinned, fast)).pollUntilDone();
    assert.deepEqual([created.releaseTrain, created.scope?.cluster?.releaseNamespace], ['Stable', 'dapr-system'], 'filled in by the service');
    const copy = requestFromExtension(created);
    // Sent back, the filled-in train would meet a pinned version: the rules refuse that pair, so a recreate would stop.
    assert.deepEqual(validateExtensionRequest(copy).filter((p) => p.severity === 'error'), []);
    assert.deepEqual([copy.releaseTrain, copy.releaseNamespace, copy.version], [undefined, 'dapr-system', '1.13.5']);
    const again = await (await client.beginCreate(WEU, 'dapr-pinned', toExtensionBody(copy), fast)).pollUntilDone();
    assert.deepEqual([again.provisioningState, again.version], ['Succeeded', '1.13.5']);
  });

  it('force delete: 200 with a body that is not an extension, and the resource is gone', async () => {
    const operation = await client.beginDelete(DEV, 'flux', true, fast);
    assert.equal(await operation.pollUntilDone(), undefined);
    const del = emulator.requests.find((r) => r.method === 'DELETE' && /forceDelete=true/.test(r.url));
    assert.equal(del?.status, 200);
    assert.deepEqual(Object.keys(del?.responseBody as object), ['version', 'content', 'statusCode', 'reasonPhrase', 'headers', 'trailingHeaders', 'requestMessage', 'isSuccessStatusCode']);
    assert.equal((await raw(emulator, 'GET', `${extensionPath(DEV.subscriptionId, DEV.resourceGroup, DEV.name, 'flux')}${CURRENT}`)).status, 404);
  });

  it('a failure reported only in statuses[], without errorInfo', async () => {
    const failed = await client.getExtension(WEU, 'azuremonitor-containers');
    assert.equal(failed.provisioningState, 'Failed');
    assert.equal(failed.errorInfo, undefined);
    assert.equal(failed.statuses?.[0]?.level, undefined, 'no level either (null in the recording)');
    assert.match(failed.statuses?.[0]?.message ?? '', /For general troubleshooting visit: https:\/\/aka\.ms\/k8s-extensions-TSG/);
  });

  it('2025-03-01 answers carry managedBy, managementDetails, additionalDetails, autoUpgradeMode, a user-assigned identity; 2023-05-01 answers do not', async () => {
    const list = await client.listExtensions(GITOPS);
    const managed = list.find((e) => e.name === 'azurecontainerstorage') as Extension;
    assert.match(managed.managedBy ?? '', /managedClusters\/aks-fabrikam-gitops$/);
    assert.deepEqual(managed.managementDetails?.accessDetails?.find((d) => d.entity === 'Users')?.allowedActions, ['Read']);
    assert.match(managed.additionalDetails?.troubleshootingGuide ?? '', /^https:\/\//);
    assert.equal(managed.autoUpgradeMode, 'patch');
    const vote = list.find((e) => e.name === 'azure-vote') as Extension;
    assert.deepEqual(vote.plan, { name: 'azure-vote-standard', product: 'azure-vote-offer', publisher: 'contoso' });
    assert.equal(vote.aksAssignedIdentity?.type, 'UserAssigned');
    const old = await raw(emulator, 'GET', `${extensionPath(GITOPS.subscriptionId, GITOPS.resourceGroup, GITOPS.name, 'azurecontainerstorage')}?api-version=2023-05-01`);
    const body = old.body as { managedBy?: string; properties: Record<string, unknown> };
    assert.equal(body.managedBy, undefined);
    assert.deepEqual(['autoUpgradeMode', 'managementDetails', 'additionalDetails', 'extensionState'].filter((k) => k in body.properties), []);
  });

  it('a managed extension refuses writes from users, whatever the method', async () => {
    const id = extensionPath(GITOPS.subscriptionId, GITOPS.resourceGroup, GITOPS.name, 'azurecontainerstorage');
    for (const [method, body] of [['PATCH', { properties: { autoUpgradeMode: 'none' } }], ['DELETE', undefined], ['PUT', { properties: { extensionType: 'microsoft.azurecontainerstorage' } }]] as const) {
      const answer = await raw(emulator, method, `${id}${CURRENT}`, { body });
      assert.equal(answer.status, 400, method);
      assert.equal(errorCode(answer), 'OperationNotAllowed');
    }
  });

  it('autoUpgradeMode is stored on create and changed by PATCH; an unknown mode is a 400', async () => {
    const created = await (await client.beginCreate(DEV, 'monitor', { extensionType: 'microsoft.azuremonitor.containers', autoUpgradeMode: 'none' }, fast)).pollUntilDone();
    assert.equal(created.autoUpgradeMode, 'none');
    const patched = await (await client.beginUpdate(DEV, 'monitor', { autoUpgradeMode: 'patch' }, fast)).pollUntilDone();
    assert.equal(patched.autoUpgradeMode, 'patch');
    const bad = await raw(emulator, 'PATCH', `${extensionPath(DEV.subscriptionId, DEV.resourceGroup, DEV.name, 'monitor')}${CURRENT}`, { body: { properties: { autoUpgradeMode: 'major' } } });
    assert.equal(errorCode(bad), 'InvalidParameter');
  });

  it('the catalog lists types per subscription with filters, and versions per region with the Kubernetes versions they do not run on', async () => {
    const types = (await client.getJson(`/subscriptions/${SEED.fabrikamSubscription}/providers/Microsoft.KubernetesConfiguration/extensionTypes`, {
      'api-version': '2026-05-01',
      clusterType: 'managedClusters',
      publisher: 'Contoso Ltd.',
    })) as { value: { name: string }[] };
    assert.deepEqual(types.value.map((t) => t.name), ['contoso.azurevote']);
    const versions = (await client.getJson(
      `/subscriptions/${SEED.fabrikamSubscription}/providers/Microsoft.KubernetesConfiguration/locations/westeurope/extensionTypes/contoso.azurevote/versions`,
      { 'api-version': '2026-05-01', releaseTrain: 'stable', clusterType: 'managedClusters' },
    )) as { value: { properties: { version: string; unsupportedKubernetesVersions?: unknown } }[] };
    const latest = versions.value.find((v) => v.properties.version === '0.2.1');
    assert.deepEqual(latest?.properties.unsupportedKubernetesVersions, { managedCluster: [{ distributions: ['AKS'], unsupportedVersions: ['<1.30'] }] });
  });

  it('all of this traffic passes oav against the swagger of its API version', async () => {
    const validate = await createSpecValidator(SPEC);
    const traffic = emulator.requests.filter((r) => /Microsoft\.KubernetesConfiguration/.test(r.url));
    // The 2026-05-01 swagger's extensionTypeName pattern has no dot, yet every type name has one and the service takes
    // them (the recording test_k8s_extension_types.yaml GETs …/extensionTypes/microsoft.contoso.samples): a spec defect.
    const problems = (await validate(traffic)).filter((p) => !/PATTERN .* at \.path\.extensionTypeName$/.test(p));
    assert.deepStrictEqual(problems, []);
  });
});
