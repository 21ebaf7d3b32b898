import type { RuleFinding, SettingsView } from '../rules/settingsView';
import { resourceIdPattern } from './extensionType';

// Facts from the az k8s-extension ContainerInsights, AzureDefender and AzureMonitorMetrics partner classes and
// utils.is_skip_prerequisites_specified.

/** The CLI skips creating Azure resources when skipPrerequisites is "true" (any case) in the configuration settings. */
export function skipsPrerequisites(view: SettingsView): boolean {
  return view.getIn('settings', 'skipPrerequisites')?.toLowerCase() === 'true';
}

/** The text az compares with "true" for a flag: str(value).lower(), so "True" and "TRUE" count. */
function flagOn(value: string | undefined): boolean {
  return value?.toLowerCase() === 'true';
}

/** Container Insights authenticates with its managed identity unless amalogs.useAADAuth (or omsagent.…) says otherwise. */
export function usesManagedIdentityAuth(view: SettingsView): boolean {
  const legacy = view.getIn('settings', 'omsagent.useAADAuth');
  if (legacy !== undefined) return flagOn(legacy);
  const current = view.getIn('settings', 'amalogs.useAADAuth');
  return current === undefined || flagOn(current);
}

/** The workspace the CLI uses: the exact key, or the same name all in lower case (which the CLI renames). */
export function workspaceIdOf(view: SettingsView): string | undefined {
  return (view.getIn('settings', 'logAnalyticsWorkspaceResourceID') ?? view.getIn('settings', 'loganalyticsworkspaceresourceid'))?.trim() || undefined;
}

/** What Container Insights' CLI creates or reads before it sends the extension. */
export function containerInsightsPrerequisites(view: SettingsView): string | undefined {
  if (skipsPrerequisites(view)) return undefined;
  const workspace = workspaceIdOf(view)
    ? 'reads the Log Analytics workspace in logAnalyticsWorkspaceResourceID'
    : 'finds or creates the default Log Analytics workspace (DefaultWorkspace-<subscription>-<region> in DefaultResourceGroup-<region>)';
  const auth = usesManagedIdentityAuth(view)
    ? 'creates the data collection rule MSCI-<region>-<cluster> and its association with the cluster'
    : 'adds the ContainerInsights solution to the workspace and puts the workspace key in the protected settings';
  return `az k8s-extension create ${workspace}, ${auth}, and puts the workspace ID in the protected settings before it creates the extension. These tools create no other Azure resources: run the az command, or create them yourself and set skipPrerequisites to "true" in the configuration settings.`;
}

/** Defender's CLI always reads the workspace's ID and shared key (creating the default workspace without one). */
export function defenderPrerequisites(view: SettingsView): string {
  const workspace = workspaceIdOf(view)
    ? 'reads the ID and the shared key of the Log Analytics workspace in logAnalyticsWorkspaceResourceID'
    : 'finds or creates the default Log Analytics workspace and reads its ID and shared key';
  return `az k8s-extension create ${workspace} and sends them as protected settings. These tools do not fetch keys: run the az command to create Microsoft Defender for Containers.`;
}

/** What the Azure Monitor metrics CLI creates before it sends the extension. */
export function metricsPrerequisites(view: SettingsView): string | undefined {
  if (skipsPrerequisites(view)) return undefined;
  const workspace = view.getIn('settings', 'azure-monitor-workspace-resource-id')
    ? 'uses the Azure Monitor workspace in azure-monitor-workspace-resource-id'
    : 'finds or creates the default Azure Monitor workspace (DefaultAzureMonitorWorkspace-<region>)';
  const grafana = view.getIn('settings', 'grafana-resource-id') ? ', links the Grafana instance in grafana-resource-id' : '';
  return `az k8s-extension create registers resource providers, ${workspace}, creates a data collection endpoint, rule and association${grafana}, and creates the Prometheus recording rules before it creates the extension. These tools create no other Azure resources: run the az command, or create them yourself and set skipPrerequisites to "true" in the configuration settings.`;
}

/** The CLI checks the workspace ID with is_valid_resource_id unless it skips the prerequisites. */
export function workspaceIdShape(view: SettingsView): RuleFinding[] {
  const id = workspaceIdOf(view);
  if (id === undefined || skipsPrerequisites(view) || resourceIdPattern.test(id)) return [];
  const key = view.getIn('settings', 'logAnalyticsWorkspaceResourceID') !== undefined ? 'logAnalyticsWorkspaceResourceID' : 'loganalyticsworkspaceresourceid';
  return [{
    code: 'monitor/invalid-workspace-id',
    severity: 'error',
    key,
    in: 'settings',
    message: `${key} is not an Azure resource ID, and az rejects it: use /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.OperationalInsights/workspaces/<name>.`,
  }];
}
