import { booleanValue, type ExtensionTypeInfo } from './extensionType';

// Facts from the az k8s-extension ContainerInsights partner extension.
export const azureMonitorContainers: ExtensionTypeInfo = {
  type: 'microsoft.azuremonitor.containers',
  displayName: 'Azure Monitor Container Insights',
  aliases: ['containerinsights', 'azuremonitor'],
  scopes: ['cluster'],
  defaultReleaseNamespace: 'azuremonitor-containers',
  releaseTrains: ['stable', 'preview'],
  keysCaseSensitive: true,
  openKeySet: true,
  docsUrl: 'https://learn.microsoft.com/azure/azure-monitor/containers/kubernetes-monitoring-enable',
  keys: [
    { key: 'logAnalyticsWorkspaceResourceID', doc: 'Resource ID of the Log Analytics workspace that receives the data; the CLI creates a default workspace when absent.' },
    { key: 'amalogs.useAADAuth', doc: 'Authenticates the agent with its managed identity instead of the workspace key.', default: 'true', value: booleanValue },
    { key: 'dataCollectionSettings', doc: 'JSON with interval, namespaceFilteringMode and namespaces for the data collection rule.' },
  ],
  rules: [],
};
