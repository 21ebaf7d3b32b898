import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { acceptsProtectedSettings, applyTypeDefaults, findExtensionType, validateExtensionRequest, validateSettingsDocument, type ExtensionRequest } from '../../../src/shared';

const base: ExtensionRequest = { extensionType: 'microsoft.flux', name: 'flux', scope: 'cluster' };
const codes = (req: Partial<ExtensionRequest>): string[] => validateExtensionRequest({ ...base, ...req }).map((p) => p.code);

interface RequestCase {
  code: string;
  good: Partial<ExtensionRequest>;
  bad: Partial<ExtensionRequest>;
}

const cases: RequestCase[] = [
  { code: 'request/missing-extension-type', good: {}, bad: { extensionType: '' } },
  { code: 'request/invalid-name', good: { name: 'my-ext.v2' }, bad: { name: 'My_Ext' } },
  { code: 'request/invalid-name', good: { name: 'a'.repeat(53) }, bad: { name: 'a'.repeat(54) } },
  { code: 'request/settings-and-file', good: { configurationSettings: { a: 'b' } }, bad: { configurationSettings: { a: 'b' }, configurationSettingsFile: 'x.json' } },
  { code: 'request/protected-settings-and-file', good: { configurationProtectedSettingsFile: '/nonexistent.json' }, bad: { configurationProtectedSettings: {}, configurationProtectedSettingsFile: 'x.json' } },
  { code: 'request/target-namespace-with-cluster-scope', good: { scope: 'namespace', targetNamespace: 'ns', extensionType: 'contoso.app' }, bad: { targetNamespace: 'ns' } },
  { code: 'request/release-namespace-without-cluster-scope', good: { releaseNamespace: 'ns' }, bad: { scope: 'namespace', targetNamespace: 'ns', releaseNamespace: 'ns' } },
  { code: 'request/namespace-scope-needs-target-namespace', good: { scope: 'namespace', targetNamespace: 'ns' }, bad: { scope: 'namespace' } },
  { code: 'request/cluster-scope-only', good: { extensionType: 'contoso.app', scope: 'namespace', targetNamespace: 'ns' }, bad: { scope: 'namespace', targetNamespace: 'ns' } },
  { code: 'request/invalid-namespace', good: { releaseNamespace: 'flux-system' }, bad: { releaseNamespace: 'Flux_System' } },
  { code: 'request/version-needs-autoupgrade-off', good: { version: '1.0.0', autoUpgradeMinorVersion: false }, bad: { version: '1.0.0' } },
  { code: 'request/version-needs-autoupgrade-off', good: {}, bad: { version: '1.0.0', autoUpgradeMinorVersion: true } },
  { code: 'request/release-train-with-autoupgrade-off', good: { releaseTrain: 'stable' }, bad: { releaseTrain: 'stable', autoUpgradeMinorVersion: false } },
  { code: 'request/unknown-release-train', good: { releaseTrain: 'Preview' }, bad: { releaseTrain: 'nightly' } },
  { code: 'request/plan-incomplete', good: { plan: { name: 'n', product: 'p', publisher: 'q' } }, bad: { plan: { name: 'n' } } },
  { code: 'request/release-namespace-forced', good: { extensionType: 'azureml', releaseNamespace: 'azureml', configurationSettings: { enableTraining: 'true' } }, bad: { extensionType: 'azureml', releaseNamespace: 'ml', configurationSettings: { enableTraining: 'true' } } },
  { code: 'request/release-namespace-ignored', good: { extensionType: 'backup' }, bad: { extensionType: 'backup', releaseNamespace: 'x' } },
  { code: 'request/version-ignored', good: { extensionType: 'backup', autoUpgradeMinorVersion: false }, bad: { extensionType: 'backup', version: '1.0', autoUpgradeMinorVersion: false } },
  { code: 'settings/key-case', good: { extensionType: 'azureml', configurationSettings: { enableTraining: 'true', inferenceRouterHA: 'true' } }, bad: { extensionType: 'azureml', configurationSettings: { enableTraining: 'true', InferenceRouterHA: 'true' } } },
  { code: 'azureml/training-or-inference', good: { extensionType: 'azureml', configurationSettings: { enableInference: 'TRUE', inferenceRouterServiceType: 'NodePort', allowInsecureConnections: 'true' } }, bad: { extensionType: 'azureml', configurationSettings: {} } },
  { code: 'settings/duplicate-across-files', good: { configurationSettings: { a: '1' }, configurationProtectedSettings: { b: '1' } }, bad: { configurationSettings: { a: '1' }, configurationProtectedSettings: { a: '1' } } },
  { code: 'settings/value-not-string', good: { configurationSettings: { a: '1' } }, bad: { configurationSettings: { a: 1 as unknown as string } } },
];

describe('validateExtensionRequest (a good and a bad example each)', () => {
  for (const c of cases) {
    it(`${c.code}: ${JSON.stringify(c.bad)}`, () => {
      assert.ok(!codes(c.good).includes(c.code), `good example reported ${c.code}: ${codes(c.good).join(', ')}`);
      assert.ok(codes(c.bad).includes(c.code), `bad example did not report ${c.code}: ${codes(c.bad).join(', ')}`);
    });
  }

  it('reads settings files and gives the same message as the file validator', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aksext-'));
    const file = path.join(dir, 's.json');
    const text = '{"enableTraining": "true", "InferenceRouterHA": "true"}';
    writeFileSync(file, text);
    const fromRequest = validateExtensionRequest({ extensionType: 'azureml', name: 'ml', scope: 'cluster', configurationSettingsFile: file });
    const fromFile = validateSettingsDocument(text, { extensionType: 'azureml', isProtected: false });
    assert.deepEqual(fromRequest.map((p) => p.message), fromFile.map((d) => d.message));
    assert.equal(fromRequest[0].field, 'configurationSettingsFile');
    assert.equal(fromRequest[0].key, 'InferenceRouterHA');
    writeFileSync(file, '');
    assert.deepEqual(validateExtensionRequest({ ...base, configurationSettingsFile: file }).map((p) => p.code), ['settings/empty']);
  });
});

describe('applyTypeDefaults and findExtensionType', () => {
  it('finds types case-insensitively and by alias', () => {
    assert.equal(findExtensionType('MICROSOFT.AZUREML.KUBERNETES')?.type, 'Microsoft.AzureML.Kubernetes');
    assert.equal(findExtensionType('backup')?.type, 'microsoft.dataprotection.kubernetes');
    assert.equal(findExtensionType('contoso.widgets'), undefined);
  });

  it('forces the AzureML release namespace and cluster scope', () => {
    const out = applyTypeDefaults({ extensionType: 'microsoft.azureml.kubernetes', name: 'ml', releaseNamespace: 'other' });
    assert.equal(out.releaseNamespace, 'azureml');
    assert.equal(out.scope, 'cluster');
    assert.equal(out.releaseTrain, 'stable');
  });

  it('makes Dapr creation unattended as the CLI would after its question', () => {
    const fresh = applyTypeDefaults({ extensionType: 'microsoft.dapr', name: 'dapr' });
    assert.equal(fresh.releaseNamespace, 'dapr-system');
    assert.equal(fresh.configurationSettings?.skipExistingDaprCheck, 'true');
    const existing = applyTypeDefaults({ extensionType: 'microsoft.dapr', name: 'dapr-ext', configurationSettings: { existingDaprReleaseName: 'my-dapr', existingDaprReleaseNamespace: 'infra' } });
    assert.deepEqual([existing.name, existing.releaseNamespace, existing.configurationSettings?.['global.ha.enabled']], ['my-dapr', 'infra', 'false']);
    assert.deepEqual(validateExtensionRequest(existing).filter((p) => p.severity === 'error'), []);
  });

  it('drops the version for Azure Backup, which always auto-upgrades, and keeps the release namespace az sends', () => {
    // DataProtectionKubernetes.Create builds ScopeCluster(release_namespace=...) before it logs "Ignoring 'release-namespace'".
    const out = applyTypeDefaults({ extensionType: 'backup', name: 'b', version: '1.0', autoUpgradeMinorVersion: false, releaseNamespace: 'x' });
    assert.deepEqual([out.version, out.releaseNamespace, out.autoUpgradeMinorVersion], [undefined, 'x', true]);
  });

  it('drops protected settings for Azure Backup, whose CLI never sends them, and keeps them for other types', () => {
    const backup = applyTypeDefaults({ extensionType: 'backup', name: 'b', configurationProtectedSettings: { useAAD: 'true' }, configurationProtectedSettingsFile: 'p.json' });
    assert.deepEqual([backup.configurationProtectedSettings, backup.configurationProtectedSettingsFile], [undefined, undefined]);
    const dapr = applyTypeDefaults({ extensionType: 'dapr', name: 'dapr', configurationProtectedSettings: { token: 't' } });
    assert.deepEqual(dapr.configurationProtectedSettings, { token: 't' });
    assert.deepEqual(['backup', 'microsoft.dataprotection.kubernetes', 'dapr', 'contoso.widgets'].map(acceptsProtectedSettings), [false, false, true, true]);
  });
});
