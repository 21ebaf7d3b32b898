import * as assert from 'node:assert/strict';
import { applyTypeDefaults, validateExtensionRequest } from '../../../src/shared';
import { createCommandLine } from '../../../src/lifecycle/azCommandLine';

const tenantId = '4a1b7c2d-5e6f-4a8b-9c0d-1e2f3a4b5c6d';
const typedBackup = {
  blobContainer: 'aksbackup',
  StorageAccount: 'stcontosobackup01',
  storageAccountResourceGroup: 'rg-backup',
  storageAccountSubscriptionId: '6b0a3f2e-8c1d-4e5f-9a7b-2c3d4e5f6a7b',
  storageAccountURI: 'https://stcontosobackup01.blob.core.windows.net/',
  cpuLimit: '500m',
  notAKey: 'dropped',
};

describe('what Azure receives for types the CLI translates (Azure Backup)', () => {
  const sent = applyTypeDefaults({ extensionType: 'backup', name: 'azure-aks-backup', configurationSettings: typedBackup }, { tenantId });

  it('renames typed keys (ignoring case) to the stored names, drops unknown keys, and adds the tenant as the CLI does', () => {
    assert.deepEqual(sent.configurationSettings, {
      'configuration.backupStorageLocation.bucket': 'aksbackup',
      'configuration.backupStorageLocation.config.storageAccount': 'stcontosobackup01',
      'configuration.backupStorageLocation.config.resourceGroup': 'rg-backup',
      'configuration.backupStorageLocation.config.subscriptionId': '6b0a3f2e-8c1d-4e5f-9a7b-2c3d4e5f6a7b',
      'configuration.backupStorageLocation.config.storageAccountURI': 'https://stcontosobackup01.blob.core.windows.net/',
      // DataProtectionKubernetes.Create: useAAD is set to "true" when not given.
      'configuration.backupStorageLocation.config.useAAD': 'true',
      'resources.limits.cpu': '500m',
      'credentials.tenantId': tenantId,
    });
  });

  it('produces settings that pass the rules in stored form, and passes stored settings through unchanged', () => {
    assert.deepEqual(validateExtensionRequest(sent, { settingsForm: 'stored' }).filter((p) => p.severity === 'error'), []);
    const again = applyTypeDefaults({ ...sent, configurationSettings: sent.configurationSettings }, { tenantId: 'other' });
    assert.deepEqual(again.configurationSettings, sent.configurationSettings);
  });

  it('leaves types that rename nothing as they are', () => {
    const flux = applyTypeDefaults({ extensionType: 'microsoft.flux', name: 'flux', configurationSettings: { 'multiTenancy.enforce': 'false' } }, { tenantId });
    assert.deepEqual(flux.configurationSettings, { 'multiTenancy.enforce': 'false' });
  });

  it('turns stored settings back into the CLI\'s keys for "Copy as az command", without the keys the CLI adds', () => {
    const line = createCommandLine({ name: 'aks-1', resourceGroup: 'rg-1', subscriptionId: 's' }, sent);
    assert.match(line, /--configuration-settings blobContainer=aksbackup storageAccount=stcontosobackup01 storageAccountResourceGroup=rg-backup storageAccountSubscriptionId=6b0a3f2e-8c1d-4e5f-9a7b-2c3d4e5f6a7b storageAccountURI=https:\/\/stcontosobackup01\.blob\.core\.windows\.net\/ cpuLimit=500m useAAD=true$/);
    assert.doesNotMatch(line, /tenantId|backupStorageLocation/);
  });
});
