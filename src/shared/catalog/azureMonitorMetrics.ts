import { booleanValue, type ExtensionTypeInfo } from './extensionType';
import { metricsPrerequisites } from './monitoringPrerequisites';

// Facts from the az k8s-extension AzureMonitorMetrics partner class and its azuremonitormetrics helpers: one instance
// named azuremonitor-metrics in kube-system, release train stable unless given.
export const azureMonitorMetrics: ExtensionTypeInfo = {
  type: 'microsoft.azuremonitor.containers.metrics',
  displayName: 'Azure Monitor managed Prometheus (metrics)',
  aliases: ['metrics', 'prometheus'],
  scopes: ['cluster'],
  defaultReleaseNamespace: 'kube-system',
  releaseNamespaceForced: true,
  cliClusterScope: true,
  cliInstanceName: 'azuremonitor-metrics',
  cliDefaultReleaseTrain: 'stable',
  releaseTrains: ['stable', 'preview'],
  keysCaseSensitive: true,
  openKeySet: true,
  docsUrl: 'https://learn.microsoft.com/azure/azure-monitor/containers/kubernetes-monitoring-enable',
  keys: [
    { key: 'skipPrerequisites', doc: 'Set to "true" when the Azure Monitor workspace, data collection endpoint, rule and association exist: az then creates nothing.', default: 'false', value: booleanValue },
    { key: 'azure-monitor-workspace-resource-id', doc: 'Resource ID of the Azure Monitor workspace that stores the metrics; az creates a default one when absent.' },
    { key: 'grafana-resource-id', doc: 'Resource ID of an Azure Managed Grafana instance that az links to the workspace.' },
  ],
  rules: [],
  prerequisites: metricsPrerequisites,
};
