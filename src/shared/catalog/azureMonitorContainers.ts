import { booleanValue, type ExtensionTypeInfo } from './extensionType';
import type { RuleFinding, SettingsView } from '../rules/settingsView';
import { dataCollectionSettingsRule } from './dataCollectionSettings';
import { containerInsightsPrerequisites, skipsPrerequisites, workspaceIdShape } from './monitoringPrerequisites';

// Facts from the az k8s-extension ContainerInsights partner class (partner_extensions/ContainerInsights.py).

/** The CLI reads proxyEndpoint only from the protected settings, and checks its scheme there (unless it skips the prerequisites). */
function proxyEndpointRule(view: SettingsView): RuleFinding[] {
  if (skipsPrerequisites(view)) return [];
  const inSettings = view.getIn('settings', 'proxyEndpoint') !== undefined;
  const proxy = view.getIn('protected', 'proxyEndpoint');
  if (inSettings && proxy === undefined) {
    return [{
      code: 'monitor/proxy-read-from-protected-only',
      severity: 'warning',
      key: 'proxyEndpoint',
      in: 'settings',
      message: 'az uses proxyEndpoint only from the protected settings (it can hold a password): move it there, or the agent does not use the proxy.',
    }];
  }
  if (proxy === undefined) return [];
  const lower = proxy.trim().toLowerCase();
  if ((lower.startsWith('http://') || lower.startsWith('https://')) && lower.split('://').length === 2) return [];
  return [{
    code: 'monitor/invalid-proxy-endpoint',
    severity: 'error',
    key: 'proxyEndpoint',
    in: 'protected',
    message: 'proxyEndpoint must be a URL of the form http(s)://<user>:<password>@<proxyhost>:<port>, and az rejects anything else.',
  }];
}

export const azureMonitorContainers: ExtensionTypeInfo = {
  type: 'microsoft.azuremonitor.containers',
  displayName: 'Azure Monitor Container Insights',
  aliases: ['containerinsights', 'azuremonitor'],
  scopes: ['cluster'],
  defaultReleaseNamespace: 'azuremonitor-containers',
  releaseNamespaceForced: true,
  cliClusterScope: true,
  cliInstanceName: 'azuremonitor-containers',
  releaseTrains: ['stable', 'preview'],
  keysCaseSensitive: true,
  openKeySet: true,
  docsUrl: 'https://learn.microsoft.com/azure/azure-monitor/containers/kubernetes-monitoring-enable',
  keys: [
    { key: 'logAnalyticsWorkspaceResourceID', doc: 'Resource ID of the Log Analytics workspace that receives the data; az creates a default workspace when absent. Only this spelling, or all lower case, is read.' },
    { key: 'loganalyticsworkspaceresourceid', doc: 'The same as logAnalyticsWorkspaceResourceID: az renames this all-lower-case spelling.' },
    { key: 'skipPrerequisites', doc: 'Set to "true" when the workspace, data collection rule and association exist: az then creates nothing and sends the settings as they are.', default: 'false', value: booleanValue },
    { key: 'amalogs.useAADAuth', doc: 'Authenticates the agent with its managed identity (a data collection rule) instead of the workspace key; az sets "true" when absent.', default: 'true', value: booleanValue },
    { key: 'omsagent.useAADAuth', doc: 'The former name of amalogs.useAADAuth; az reads it first when both are set.', value: booleanValue },
    { key: 'dataCollectionSettings', doc: 'JSON text with interval (1m–30m), namespaceFilteringMode (Off, Exclude, Include), namespaces, enableContainerLogV2 and streams for the data collection rule.' },
    { key: 'proxyEndpoint', doc: 'Proxy for the agent, http(s)://<user>:<password>@<host>:<port>. Read only from the protected settings.', protected: 'recommended' },
  ],
  rules: [workspaceIdShape, dataCollectionSettingsRule, proxyEndpointRule],
  prerequisites: containerInsightsPrerequisites,
};
