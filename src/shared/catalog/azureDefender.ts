import type { ExtensionTypeInfo } from './extensionType';
import { defenderPrerequisites, workspaceIdShape } from './monitoringPrerequisites';

// Facts from the az k8s-extension AzureDefender partner class: one instance named after the type, in namespace mdc,
// configured through ContainerInsights' settings code with the workspace key (amalogs.useAADAuth forced off).
export const azureDefender: ExtensionTypeInfo = {
  type: 'microsoft.azuredefender.kubernetes',
  displayName: 'Microsoft Defender for Containers',
  aliases: ['defender'],
  scopes: ['cluster'],
  defaultReleaseNamespace: 'mdc',
  releaseNamespaceForced: true,
  cliClusterScope: true,
  cliInstanceName: 'microsoft.azuredefender.kubernetes',
  releaseTrains: ['stable', 'preview'],
  keysCaseSensitive: true,
  openKeySet: true,
  docsUrl: 'https://learn.microsoft.com/azure/defender-for-cloud/defender-for-containers-enable',
  keys: [
    { key: 'logAnalyticsWorkspaceResourceID', doc: 'Resource ID of the Log Analytics workspace for security data; az uses the default workspace when absent.' },
    { key: 'auditLogPath', doc: 'Path of the Kubernetes audit log on the nodes.' },
  ],
  rules: [workspaceIdShape],
  prerequisites: defenderPrerequisites,
};
