import type { ExtensionTypeInfo } from './extensionType';

// Facts from the az k8s-extension AzureDefender partner extension.
export const azureDefender: ExtensionTypeInfo = {
  type: 'microsoft.azuredefender.kubernetes',
  displayName: 'Microsoft Defender for Containers',
  aliases: ['defender'],
  scopes: ['cluster'],
  defaultReleaseNamespace: 'mdc',
  releaseTrains: ['stable', 'preview'],
  keysCaseSensitive: true,
  openKeySet: true,
  docsUrl: 'https://learn.microsoft.com/azure/defender-for-cloud/defender-for-containers-enable',
  keys: [
    { key: 'logAnalyticsWorkspaceResourceID', doc: 'Resource ID of the Log Analytics workspace for security data; the CLI uses a default workspace when absent.' },
    { key: 'auditLogPath', doc: 'Path of the Kubernetes audit log on the nodes.' },
  ],
  rules: [],
};
