import { booleanValue, guidValue, quantityValue, type ExtensionTypeInfo } from './extensionType';
import type { RuleFinding, SettingsView } from '../rules/settingsView';

// Facts from the az k8s-extension DataProtectionKubernetes partner extension (Azure Backup for AKS).
const requiredKeys = ['blobContainer', 'storageAccount', 'storageAccountResourceGroup', 'storageAccountSubscriptionId'];

function requiredStorageKeys(view: SettingsView): RuleFinding[] {
  return requiredKeys
    .filter((key) => view.getIn('settings', key) === undefined)
    .map((key) => ({
      code: 'backup/missing-storage-setting',
      severity: 'error' as const,
      message: `Add ${key}: Azure Backup needs blobContainer, storageAccount, storageAccountResourceGroup and storageAccountSubscriptionId to know where to store backups.`,
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
    { key: 'blobContainer', doc: 'Blob container that stores the backups. Required.' },
    { key: 'storageAccount', doc: 'Storage account that holds the blob container (same region as the cluster). Required.' },
    { key: 'storageAccountResourceGroup', doc: 'Resource group of the storage account. Required.' },
    { key: 'storageAccountSubscriptionId', doc: 'Subscription of the storage account. Required.', value: guidValue },
    { key: 'storageAccountURI', doc: 'Blob endpoint of the storage account; the CLI looks it up when absent.', value: { kind: 'pattern', pattern: /^https:\/\/\S+$/, description: 'an https:// URL such as https://<account>.blob.core.windows.net/' } },
    { key: 'useAAD', doc: 'Uses the extension identity (Storage Blob Data Contributor) instead of account keys.', default: 'true', value: booleanValue },
    { key: 'cpuLimit', doc: 'CPU limit of the backup agent pods.', value: quantityValue },
    { key: 'memoryLimit', doc: 'Memory limit of the backup agent pods.', value: quantityValue },
  ],
  rules: [requiredStorageKeys, protectedSettingsIgnored],
};
