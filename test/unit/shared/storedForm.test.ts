import * as assert from 'node:assert/strict';
import { validateExtensionRequest, type ExtensionRequest, type SettingsForm } from '../../../src/shared';

// Azure Backup settings as Azure returns them for an extension the az CLI created (the CLI renames every key).
const storedBackup = {
  'configuration.backupStorageLocation.bucket': 'aksbackup',
  'configuration.backupStorageLocation.config.storageAccount': 'stcontosobackup01',
  'configuration.backupStorageLocation.config.resourceGroup': 'rg-backup',
  'configuration.backupStorageLocation.config.subscriptionId': '6b0a3f2e-8c1d-4e5f-9a7b-2c3d4e5f6a7b',
  'configuration.backupStorageLocation.config.storageAccountURI': 'https://stcontosobackup01.blob.core.windows.net/',
  'credentials.tenantId': '4a1b7c2d-5e6f-4a8b-9c0d-1e2f3a4b5c6d',
};

const without = (key: string): Record<string, string> => Object.fromEntries(Object.entries(storedBackup).filter(([k]) => k !== key));

function problems(extensionType: string, settings: Record<string, string>, settingsForm: SettingsForm): { code: string; key?: string; message: string }[] {
  const req: ExtensionRequest = { extensionType, name: 'ext', scope: 'cluster', configurationSettings: settings };
  return validateExtensionRequest(req, { settingsForm });
}
const codes = (type: string, settings: Record<string, string>, form: SettingsForm): string[] => problems(type, settings, form).map((p) => p.code);

interface StoredCase {
  name: string;
  code: string;
  good: Record<string, string>;
  bad: Record<string, string>;
}

const cases: StoredCase[] = [
  { name: 'a stored key left out is missing', code: 'backup/missing-storage-setting', good: storedBackup, bad: without('configuration.backupStorageLocation.bucket') },
  { name: 'stored values are checked like typed ones', code: 'settings/invalid-value', good: storedBackup, bad: { ...storedBackup, 'configuration.backupStorageLocation.config.subscriptionId': 'rg-backup' } },
  { name: 'the key the CLI adds is checked too', code: 'settings/invalid-value', good: storedBackup, bad: { ...storedBackup, 'credentials.tenantId': 'contoso' } },
  { name: 'stored limits take quantities', code: 'settings/invalid-value', good: { ...storedBackup, 'resources.limits.memory': '1Gi' }, bad: { ...storedBackup, 'resources.limits.memory': 'lots' } },
  { name: 'stored keys are exact', code: 'settings/key-case', good: storedBackup, bad: { ...storedBackup, 'Credentials.TenantId': storedBackup['credentials.tenantId'] } },
  { name: 'a typed key is not a stored one', code: 'settings/unknown-key', good: storedBackup, bad: { ...storedBackup, blobContainr: 'aksbackup' } },
];

describe('validateExtensionRequest in stored form (settings as Azure returns them)', () => {
  for (const c of cases) {
    it(`${c.code}: ${c.name}`, () => {
      const good = codes('backup', c.good, 'stored');
      const bad = codes('backup', c.bad, 'stored');
      assert.ok(!good.includes(c.code), `good example reported ${c.code}: ${good.join(', ')}`);
      assert.ok(bad.includes(c.code), `bad example did not report ${c.code}: ${bad.join(', ')}`);
    });
  }

  it('accepts what the CLI stored, which the typed form rejects', () => {
    assert.deepEqual(codes('backup', storedBackup, 'stored'), []);
    const typed = problems('backup', storedBackup, 'typed');
    assert.equal(typed.filter((p) => p.code === 'backup/missing-storage-setting').length, 4);
    assert.match(typed.find((p) => p.code === 'backup/missing-storage-setting')?.message ?? '', /^Add blobContainer:/);
  });

  it('names the stored key in the message about a missing one', () => {
    const missing = problems('backup', without('configuration.backupStorageLocation.config.storageAccount'), 'stored').filter((p) => p.code === 'backup/missing-storage-setting');
    assert.deepEqual(missing.map((p) => p.message.split(':')[0]), ['Add configuration.backupStorageLocation.config.storageAccount']);
  });

  it('applies every rule of types that store settings as typed, not only the keys that are new', () => {
    const flux = { 'workloadIdentity.enable': 'true' };
    assert.ok(codes('flux', flux, 'stored').includes('flux/workload-identity-client-id'));
    assert.deepEqual(codes('flux', flux, 'stored'), codes('flux', flux, 'typed'));
  });

  it('keeps the typed form as the default', () => {
    const typedBackup = { blobContainer: 'c', storageAccount: 's', storageAccountResourceGroup: 'rg', storageAccountSubscriptionId: '00000000-0000-0000-0000-000000000000', storageAccountURI: 'https://s.blob.core.windows.net/' };
    assert.deepEqual(validateExtensionRequest({ extensionType: 'backup', name: 'b', scope: 'cluster', configurationSettings: typedBackup }), []);
    assert.ok(codes('backup', typedBackup, 'stored').includes('backup/missing-storage-setting'));
  });
});
