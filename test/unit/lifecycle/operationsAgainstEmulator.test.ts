import * as assert from 'node:assert/strict';
import { checkInstallAgainstCatalog } from '../../../src/azure/catalogChecks';
import { beginCreateExtension, beginDeleteExtension, beginUpdateExtension, findExtension } from '../../../src/azure/extensionOperations';
import { EXTENSION_TYPES_API_VERSION, EXTENSIONS_API_VERSION } from '../../../src/azure/extensionModel';
import { listCatalogTypes, listCatalogVersions } from '../../../src/azure/extensionTypesCatalog';
import { settingsPatch, diffSettings } from '../../../src/lifecycle/settingsDiff';
import { useSeededEmulator } from '../../support/seededEmulator';

const FAST = { updateIntervalInMs: 20 };

describe('Extension operations against the emulator (real SDK pollers)', () => {
  const seeded = useSeededEmulator(() => ({ operationDelayMs: 50 }));

  it('creates: Creating once accepted, Succeeded when the poller is done; protected settings stored, never returned', async () => {
    const cluster = seeded.named('aks-dev-westus2');
    // Long enough that a loaded machine still reads the extension while it is Creating (the reset restores 50 ms).
    seeded.emulator.setOptions({ operationDelayMs: 1500 });
    const operation = await beginCreateExtension(seeded.access, cluster, 'flux', { extensionType: 'microsoft.flux', configurationProtectedSettings: { token: 'MARKER' } }, FAST);
    assert.equal((await findExtension(seeded.access, cluster, 'flux'))?.provisioningState, 'Creating');
    const created = await operation.pollUntilDone();
    assert.equal(created.provisioningState, 'Succeeded');
    assert.equal(created.configurationProtectedSettings, undefined);
    assert.deepEqual(seeded.emulator.protectedSettingsOf(`${cluster.id}/providers/Microsoft.KubernetesConfiguration/extensions/flux`), { token: 'MARKER' });
  });

  it('updates only changed settings, removes keys sent as null, and leaves protected settings untouched', async () => {
    const cluster = seeded.named('aks-prod-eastus-01');
    const before = await findExtension(seeded.access, cluster, 'azureml');
    const id = before?.id ?? '';
    const protectedBefore = seeded.emulator.protectedSettingsOf(id);
    const current = before?.configurationSettings ?? {};
    const [firstKey] = Object.keys(current);
    const desired: Record<string, string> = { ...current, added: 'yes' };
    delete desired[firstKey];
    const patch = { configurationSettings: settingsPatch(diffSettings(current, desired)) as Record<string, string> };
    await (await beginUpdateExtension(seeded.access, cluster, 'azureml', patch, FAST)).pollUntilDone();
    const patchBody = seeded.emulator.requests.find((r) => r.method === 'PATCH')?.body as { properties: Record<string, unknown> };
    assert.deepEqual(patchBody.properties, { configurationSettings: { added: 'yes', [firstKey]: null } });
    assert.deepEqual((await findExtension(seeded.access, cluster, 'azureml'))?.configurationSettings, desired);
    assert.deepEqual(seeded.emulator.protectedSettingsOf(id), protectedBefore);
  });

  it('force delete removes an extension stuck in Deleting', async () => {
    const cluster = seeded.named('aks-prod-eastus-02');
    await (await beginDeleteExtension(seeded.access, cluster, 'dapr', true, FAST)).pollUntilDone();
    assert.equal(await findExtension(seeded.access, cluster, 'dapr'), undefined);
    assert.ok(seeded.emulator.requests.some((r) => r.method === 'DELETE' && /forceDelete=true/.test(r.url)));
  });

  it('offers the catalog of the subscription with versions newest first, and the built-in list when it does not answer', async () => {
    const cluster = seeded.named('aks-dev-westus2');
    const catalog = await listCatalogTypes(seeded.access, cluster, () => assert.fail('catalog should answer'));
    assert.equal(catalog.source, 'azure');
    assert.ok(catalog.types.some((t) => t.type === 'microsoft.dapr' && t.defaultReleaseNamespace === 'dapr-system'));
    // A type AKS cannot take is not offered, yet stays known: typing its name gets the reason before anything is sent.
    assert.ok(!catalog.types.some((t) => t.type === 'microsoft.azuredefender.kubernetes'));
    const reasons = await checkInstallAgainstCatalog(seeded.access, cluster, { extensionType: 'microsoft.azuredefender.kubernetes', name: 'defender' }, () => assert.fail('catalog'));
    assert.match(reasons.join(' '), /cannot be installed on AKS clusters; it supports connectedClusters, provisionedClusters/);
    assert.deepEqual(await listCatalogVersions(seeded.access, cluster, 'microsoft.dapr', 'stable', () => assert.fail('versions')), ['1.14.4', '1.14.2', '1.13.6', '1.13.5']);
    let why: unknown;
    const fallback = await listCatalogTypes(seeded.access, { ...cluster, subscriptionId: '00000000-0000-0000-0000-000000000000' }, (err) => (why = err));
    assert.equal(fallback.source, 'builtIn');
    assert.ok(why, 'the reason is reported');
    assert.ok(fallback.types.some((t) => t.type === 'Microsoft.AzureML.Kubernetes'));
  });


  it('sends every call with extensions API 2025-03-01 and extension types API 2026-05-01, polling included', async () => {
    const cluster = seeded.named('aks-dev-westus2');
    await listCatalogVersions(seeded.access, cluster, 'microsoft.flux', 'stable', () => assert.fail('versions'));
    await (await beginCreateExtension(seeded.access, cluster, 'flux', { extensionType: 'microsoft.flux' }, FAST)).pollUntilDone();
    await (await beginUpdateExtension(seeded.access, cluster, 'flux', { configurationSettings: { a: 'b' } }, FAST)).pollUntilDone();
    await seeded.access.listExtensions(cluster);
    await (await beginDeleteExtension(seeded.access, cluster, 'flux', false, FAST)).pollUntilDone();
    const calls = seeded.emulator.requests.filter((r) => /\/providers\/Microsoft\.KubernetesConfiguration\//i.test(r.url));
    const versionOf = (url: string): string | null => new URL(url, 'https://x').searchParams.get('api-version');
    assert.ok(calls.some((r) => /\/operations\//.test(r.url)) && calls.some((r) => /extensionTypes/.test(r.url)));
    for (const call of calls) {
      assert.equal(versionOf(call.url), /\/extensionTypes\b/i.test(call.url) ? EXTENSION_TYPES_API_VERSION : EXTENSIONS_API_VERSION, `${call.method} ${call.url}`);
    }
  });
});
