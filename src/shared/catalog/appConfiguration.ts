import { booleanValue, type ExtensionTypeInfo } from './extensionType';

// Facts from the "Azure App Configuration Kubernetes Provider" AKS extension docs.
export const appConfiguration: ExtensionTypeInfo = {
  type: 'Microsoft.AppConfiguration',
  displayName: 'Azure App Configuration Kubernetes Provider',
  aliases: ['appconfig'],
  scopes: ['cluster'],
  defaultReleaseNamespace: 'azappconfig-system',
  releaseTrains: ['stable', 'preview'],
  keysCaseSensitive: true,
  openKeySet: true,
  docsUrl: 'https://learn.microsoft.com/azure/azure-app-configuration/quickstart-azure-kubernetes-service',
  keys: [
    { key: 'global.clusterType', doc: 'Cluster type the provider runs on.', value: { kind: 'enum', values: ['managedclusters', 'connectedclusters'] } },
    { key: 'workloadIdentity.enabled', doc: 'Lets the provider authenticate with workload identity.', default: 'true', value: booleanValue },
    { key: 'workloadIdentity.globalServiceAccountEnabled', doc: 'Uses one service account for all AzureAppConfigurationProvider resources.', default: 'false', value: booleanValue },
    { key: 'requestTracing.enabled', doc: 'Sends request tracing headers to App Configuration.', default: 'true', value: booleanValue },
  ],
  rules: [],
};
