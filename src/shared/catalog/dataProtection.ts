import { booleanValue, guidValue, quantityValue, type CliSettings, type CliTarget, type ExtensionTypeInfo } from './extensionType';
import { toStoredSettings } from './storedForm';
import type { RuleFinding, SettingsView } from '../rules/settingsView';

// Facts from the az k8s-extension DataProtectionKubernetes partner extension (Azure Backup for AKS). The CLI renames
// every key before sending (storedAs), adds the tenant ID, and sends no protected settings.
const requiredKeys = ['blobContainer', 'storageAccount', 'storageAccountResourceGroup', 'storageAccountSubscriptionId'];
const location = 'configuration.backupStorageLocation';

function requiredStorageKeys(view: SettingsView): RuleFinding[] {
  const names = requiredKeys.map((k) => view.nameOf(k));
  return requiredKeys
    .filter((key) => view.getIn('settings', key) === undefined)
    .map((key) => ({
      code: 'backup/missing-storage-setting',
      severity: 'error' as const,
      message: `Add ${view.nameOf(key)}: Azure Backup needs ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} to know where to store backups.`,
    }));
}

function protectedSettingsIgnored(view: SettingsView): RuleFinding[] {
  return view.keys('protected').map((key) => ({
    code: 'backup/protected-settings-ignored',
    severity: 'warning' as const,
    key,
    in: 'protected' as const,
    message: `The CLI sends no protected settings for Azure Backup, so ${key} is dropped: move it to the configuration settings or remove it.`,
  }));
}

// az looks the blob endpoint up on the storage account when storageAccountURI is absent; these tools read no storage account.
function storageAccountUriPrerequisite(view: SettingsView): string | undefined {
  if (view.get('storageAccountURI') !== undefined) return undefined;
  return `az k8s-extension create reads the blob endpoint of the storage account when ${view.nameOf('storageAccountURI')} is absent. These tools do not: add it (https://<storageAccount>.blob.core.windows.net/ in Azure's public cloud), or run the az command.`;
}

// Renamed keys, unknown keys dropped, the tenant added, useAAD "true" unless given; protected settings never sent.
function cliSettings(input: CliSettings, target: CliTarget): CliSettings {
  const settings = toStoredSettings(dataProtection, input.settings, target);
  settings[`${location}.config.useAAD`] ??= 'true';
  return { settings, protectedSettings: {} };
}

export const dataProtection: ExtensionTypeInfo = {
  type: 'microsoft.dataprotection.kubernetes',
  displayName: 'Azure Backup for AKS',
  aliases: ['backup', 'dataprotection'],
  scopes: ['cluster'],
  releaseNamespaceIgnored: true,
  releaseTrains: ['stable'],
  versionIgnored: true,
  protectedSettingsIgnored: true,
  keysCaseSensitive: false,
  openKeySet: false,
  unknownKeyNote: 'the CLI drops settings it does not recognize',
  docsUrl: 'https://learn.microsoft.com/azure/backup/azure-kubernetes-service-cluster-manage-backups',
  keys: [
    { key: 'blobContainer', doc: 'Blob container that stores the backups. Required.', storedAs: `${location}.bucket` },
    { key: 'storageAccount', doc: 'Storage account that holds the blob container (same region as the cluster). Required.', storedAs: `${location}.config.storageAccount` },
    { key: 'storageAccountResourceGroup', doc: 'Resource group of the storage account. Required.', storedAs: `${location}.config.resourceGroup` },
    { key: 'storageAccountSubscriptionId', doc: 'Subscription of the storage account. Required.', value: guidValue, storedAs: `${location}.config.subscriptionId` },
    { key: 'storageAccountURI', doc: 'Blob endpoint of the storage account; the CLI looks it up when absent.', value: { kind: 'pattern', pattern: /^https:\/\/\S+$/, description: 'an https:// URL such as https://<account>.blob.core.windows.net/' }, storedAs: `${location}.config.storageAccountURI` },
    { key: 'useAAD', doc: 'Uses the extension identity (Storage Blob Data Contributor) instead of account keys.', default: 'true', value: booleanValue, storedAs: `${location}.config.useAAD` },
    { key: 'cpuLimit', doc: 'CPU limit of the backup agent pods.', value: quantityValue, storedAs: 'resources.limits.cpu' },
    { key: 'memoryLimit', doc: 'Memory limit of the backup agent pods.', value: quantityValue, storedAs: 'resources.limits.memory' },
  ],
  storedOnlyKeys: [
    { key: 'credentials.tenantId', doc: 'Tenant of the subscription the extension was created in; the CLI adds it.', value: guidValue, filledFrom: 'tenantId' },
  ],
  rules: [requiredStorageKeys, protectedSettingsIgnored],
  cliClusterScope: true,
  cliDefaultReleaseTrain: 'stable',
  prerequisites: storageAccountUriPrerequisite,
  cliSettings,
};
