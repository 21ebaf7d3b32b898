/*
 * The request body `az k8s-extension create` sends for a given input, per extension type, derived by reading the
 * CLI's code (Azure/azure-cli-extensions, src/k8s-extension/azext_k8s_extension): custom.create_k8s_extension reads
 * the files with json.load, lower-cases the type and starts from empty dicts; the type's partner class (the
 * ExtensionFactory map) builds the Extension; the SDK serializes str() of every settings value and sends empty dicts
 * as {} (the recorded PUT in tests/latest/recordings/test_k8s_extension.yaml shows "configurationProtectedSettings": {}).
 * Unset fields (None) are not serialized.
 */

import type { ExtensionRequest } from '../../../src/shared';

/** The subscription tenant and the clusters of the emulator's seed that the cases create on. */
export const tenantId = '4a1b7c2d-5e6f-4a8b-9c0d-1e2f3a4b5c6d';
const dev = '/subscriptions/3f9e2d1c-7b6a-4c5d-8e9f-0a1b2c3d4e5f/resourceGroups/rg-aks-dev/providers/Microsoft.ContainerService/managedClusters/aks-dev-westus2';
const weu = '/subscriptions/6b0a3f2e-8c1d-4e5f-9a7b-2c3d4e5f6a7b/resourceGroups/rg-aks-prod-westeurope/providers/Microsoft.ContainerService/managedClusters/aks-prod-weu-01';

/** The partner classes of custom.ExtensionFactory; every other type goes through DefaultExtension. */
export const cliPartnerTypes = [
  'microsoft.azuremonitor.containers',
  'microsoft.azuremonitor.containers.metrics',
  'microsoft.azuredefender.kubernetes',
  'microsoft.openservicemesh',
  'microsoft.azureml.kubernetes',
  'microsoft.dapr',
  'microsoft.dataprotection.kubernetes',
  'microsoft.entraworkloadiam',
];

/** A Log Analytics workspace in the dev subscription. */
export const workspaceId = '/subscriptions/3f9e2d1c-7b6a-4c5d-8e9f-0a1b2c3d4e5f/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/logs';

export interface CliBodyCase {
  title: string;
  /** A cluster of the seed: aks-dev-westus2 has 2 nodes, aks-prod-weu-01 has 3. */
  cluster: 'aks-dev-westus2' | 'aks-prod-weu-01';
  /** The az flags, in the tools' request terms; settings files are given by their text. */
  request: Pick<ExtensionRequest, 'extensionType' | 'name' | 'scope' | 'releaseNamespace' | 'autoUpgradeMinorVersion' | 'version' | 'releaseTrain'> & {
    settingsFile?: string;
    protectedSettingsFile?: string;
  };
  /** The extension name az creates under (some partner classes force it). */
  expectedName: string;
  expectedBody: { properties: Record<string, unknown> };
}

export const cliBodyCases: CliBodyCase[] = [
  {
    // DefaultExtension.Create: no scope unless --scope, release train and auto-upgrade only when given; JSON values
    // that are not strings reach the API as Python's str() of them.
    title: 'a type without a partner class (Flux): settings as az sends them, nothing added',
    cluster: 'aks-dev-westus2',
    request: { extensionType: 'microsoft.flux', name: 'flux', settingsFile: '{"multiTenancy.enforce": false, "kustomize-controller.concurrent": 8, "helm-controller.outOfMemoryWatch.memoryThreshold": 9.50}' },
    expectedName: 'flux',
    expectedBody: {
      properties: {
        extensionType: 'microsoft.flux',
        configurationSettings: { 'multiTenancy.enforce': 'False', 'kustomize-controller.concurrent': '8', 'helm-controller.outOfMemoryWatch.memoryThreshold': '9.5' },
        configurationProtectedSettings: {},
      },
    },
  },
  {
    // Dapr.Create (skipExistingDaprCheck exactly 'true'): cluster scope in dapr-system, release train stable,
    // global.clusterType overwritten with managedclusters.
    title: 'Dapr with the check skipped',
    cluster: 'aks-dev-westus2',
    request: { extensionType: 'Microsoft.Dapr', name: 'dapr', settingsFile: '{"skipExistingDaprCheck": "true", "global.clusterType": "connectedclusters", "global.ha.enabled": "false"}' },
    expectedName: 'dapr',
    expectedBody: {
      properties: {
        extensionType: 'microsoft.dapr',
        releaseTrain: 'stable',
        scope: { cluster: { releaseNamespace: 'dapr-system' } },
        configurationSettings: { skipExistingDaprCheck: 'true', 'global.clusterType': 'managedclusters', 'global.ha.enabled': 'false' },
        configurationProtectedSettings: {},
      },
    },
  },
  {
    // Dapr._get_release_info with both existing-release keys: that release's name and namespace, HA off unless set.
    title: 'Dapr taking over an existing release',
    cluster: 'aks-dev-westus2',
    request: { extensionType: 'microsoft.dapr', name: 'dapr', autoUpgradeMinorVersion: false, version: '1.13.5', settingsFile: '{"existingDaprReleaseName": "dapr-oss", "existingDaprReleaseNamespace": "dapr-oss-system"}' },
    expectedName: 'dapr-oss',
    expectedBody: {
      properties: {
        extensionType: 'microsoft.dapr',
        autoUpgradeMinorVersion: false,
        releaseTrain: 'stable',
        version: '1.13.5',
        scope: { cluster: { releaseNamespace: 'dapr-oss-system' } },
        configurationSettings: { existingDaprReleaseName: 'dapr-oss', existingDaprReleaseNamespace: 'dapr-oss-system', 'global.ha.enabled': 'false', 'global.clusterType': 'managedclusters' },
        configurationProtectedSettings: {},
      },
    },
  },
  {
    // AzureMLKubernetes.Create on a two-node cluster: __validate_config writes enableInference as the Python bool
    // False, the node count < 3 adds clusterPurpose DevTest and inferenceRouterHA false, then the cluster's ID, name
    // and region, the service bus / relay / nginx defaults for managedClusters, and _dereference copies cluster_name.
    title: 'AzureML training on a small cluster, enableTraining written as a JSON boolean',
    cluster: 'aks-dev-westus2',
    request: { extensionType: 'Microsoft.AzureML.Kubernetes', name: 'azureml', settingsFile: '{"enableTraining": true}' },
    expectedName: 'azureml',
    expectedBody: {
      properties: {
        extensionType: 'microsoft.azureml.kubernetes',
        releaseTrain: 'stable',
        scope: { cluster: { releaseNamespace: 'azureml' } },
        configurationSettings: {
          enableTraining: 'True',
          enableInference: 'False',
          clusterPurpose: 'DevTest',
          inferenceRouterHA: 'false',
          cluster_name: dev,
          domain: 'westus2.cloudapp.azure.com',
          location: 'westus2',
          jobSchedulerLocation: 'westus2',
          cluster_name_friendly: 'aks-dev-westus2',
          'servicebus.enabled': 'false',
          'relayserver.enabled': 'false',
          'nginxIngress.enabled': 'true',
          clusterId: dev,
          'prometheus.prometheusSpec.externalLabels.cluster_name': dev,
        },
        configurationProtectedSettings: {},
      },
    },
  },
  {
    // AzureMLKubernetes.__validate_scoring_fe_settings / __set_up_inference_ssl on a three-node cluster: NodePort adds
    // scoringFe.serviceType.nodePort (Python True), sslSecret is copied to scoringFe.sslSecret, enableTraining
    // defaults to False, and a user's domain is replaced (the CLI reads 'doamin').
    title: 'AzureML inference with an SSL secret and NodePort',
    cluster: 'aks-prod-weu-01',
    request: {
      extensionType: 'microsoft.azureml.kubernetes',
      name: 'ml',
      releaseTrain: 'preview',
      settingsFile: '{"enableInference": "true", "inferenceRouterServiceType": "nodePort", "sslSecret": "ml-tls", "sslCname": "ml.contoso.com", "domain": "ignored.example"}',
    },
    expectedName: 'ml',
    expectedBody: {
      properties: {
        extensionType: 'microsoft.azureml.kubernetes',
        releaseTrain: 'preview',
        scope: { cluster: { releaseNamespace: 'azureml' } },
        configurationSettings: {
          enableInference: 'true',
          inferenceRouterServiceType: 'nodePort',
          sslSecret: 'ml-tls',
          sslCname: 'ml.contoso.com',
          domain: 'westeurope.cloudapp.azure.com',
          'scoringFe.serviceType.nodePort': 'True',
          'scoringFe.sslSecret': 'ml-tls',
          enableTraining: 'False',
          cluster_name: weu,
          location: 'westeurope',
          jobSchedulerLocation: 'westeurope',
          cluster_name_friendly: 'aks-prod-weu-01',
          'servicebus.enabled': 'false',
          'relayserver.enabled': 'false',
          'nginxIngress.enabled': 'true',
          clusterId: weu,
          'prometheus.prometheusSpec.externalLabels.cluster_name': weu,
        },
        configurationProtectedSettings: {},
      },
    },
  },
  {
    // DataProtectionKubernetes.Create: keys matched ignoring case and renamed, unknown keys dropped, the tenant and
    // useAAD "true" added, auto-upgrade forced on (no version), release train stable, the given release namespace
    // kept in the scope although the CLI logs that it ignores it, and no protected settings at all.
    title: 'Azure Backup: renamed keys, tenant and useAAD added, protected settings dropped',
    cluster: 'aks-dev-westus2',
    request: {
      extensionType: 'microsoft.dataprotection.kubernetes',
      name: 'azure-aks-backup',
      releaseNamespace: 'dataprotection-microsoft',
      scope: 'cluster',
      settingsFile: '{"BlobContainer": "aksbackup", "storageAccount": "stbackup", "storageAccountResourceGroup": "rg-backup", "storageAccountSubscriptionId": "3f9e2d1c-7b6a-4c5d-8e9f-0a1b2c3d4e5f", "storageAccountURI": "https://stbackup.blob.core.windows.net/", "cpuLimit": "1", "colour": "blue"}',
      protectedSettingsFile: '{"unused": "x"}',
    },
    expectedName: 'azure-aks-backup',
    expectedBody: {
      properties: {
        extensionType: 'microsoft.dataprotection.kubernetes',
        autoUpgradeMinorVersion: true,
        releaseTrain: 'stable',
        scope: { cluster: { releaseNamespace: 'dataprotection-microsoft' } },
        configurationSettings: {
          'configuration.backupStorageLocation.bucket': 'aksbackup',
          'configuration.backupStorageLocation.config.storageAccount': 'stbackup',
          'configuration.backupStorageLocation.config.resourceGroup': 'rg-backup',
          'configuration.backupStorageLocation.config.subscriptionId': '3f9e2d1c-7b6a-4c5d-8e9f-0a1b2c3d4e5f',
          'configuration.backupStorageLocation.config.storageAccountURI': 'https://stbackup.blob.core.windows.net/',
          'resources.limits.cpu': '1',
          'credentials.tenantId': tenantId,
          'configuration.backupStorageLocation.config.useAAD': 'true',
        },
      },
    },
  },
  {
    // ContainerInsights.Create with skipPrerequisites: name and namespace azuremonitor-containers, cluster scope,
    // release train only when given, settings as they are (no amalogs.useAADAuth added when skipping).
    title: 'Container Insights with the prerequisites skipped',
    cluster: 'aks-dev-westus2',
    request: { extensionType: 'microsoft.azuremonitor.containers', name: 'monitoring', releaseNamespace: 'other', scope: 'cluster', settingsFile: `{"skipPrerequisites": "True", "logAnalyticsWorkspaceResourceID": "${workspaceId}"}` },
    expectedName: 'azuremonitor-containers',
    expectedBody: {
      properties: {
        extensionType: 'microsoft.azuremonitor.containers',
        scope: { cluster: { releaseNamespace: 'azuremonitor-containers' } },
        configurationSettings: { skipPrerequisites: 'True', logAnalyticsWorkspaceResourceID: workspaceId },
        configurationProtectedSettings: {},
      },
    },
  },
  {
    // AzureMonitorMetrics.Create with skipPrerequisites: name azuremonitor-metrics in kube-system, release train stable.
    title: 'Azure Monitor metrics with the prerequisites skipped',
    cluster: 'aks-dev-westus2',
    request: { extensionType: 'Microsoft.AzureMonitor.Containers.Metrics', name: 'prometheus', settingsFile: '{"skipPrerequisites": true}' },
    expectedName: 'azuremonitor-metrics',
    expectedBody: {
      properties: {
        extensionType: 'microsoft.azuremonitor.containers.metrics',
        releaseTrain: 'stable',
        scope: { cluster: { releaseNamespace: 'kube-system' } },
        configurationSettings: { skipPrerequisites: 'True' },
        configurationProtectedSettings: {},
      },
    },
  },
  {
    // EntraWorkloadIAM.Create: release train preview, the user's keys (any case) kept and copied to the chart's keys.
    title: 'Entra Workload IAM with a join token',
    cluster: 'aks-dev-westus2',
    request: { extensionType: 'microsoft.entraworkloadiam', name: 'workload-iam', scope: 'cluster', settingsFile: `{"TrustDomain": "contoso.com", "tenantId": "${tenantId}", "joinToken": "token-1"}` },
    expectedName: 'workload-iam',
    expectedBody: {
      properties: {
        extensionType: 'microsoft.entraworkloadiam',
        releaseTrain: 'preview',
        scope: { cluster: {} },
        configurationSettings: {
          TrustDomain: 'contoso.com',
          tenantId,
          joinToken: 'token-1',
          'global.workload-iam.trustDomain': 'contoso.com',
          'global.workload-iam.tenantID': tenantId,
          'workload-iam-local-authority.localAuthorityArgs.joinToken': 'token-1',
        },
        configurationProtectedSettings: {},
      },
    },
  },
  {
    // OpenServiceMesh.Create on AKS: cluster scope with the given release namespace, everything else as given.
    title: 'Open Service Mesh',
    cluster: 'aks-dev-westus2',
    request: { extensionType: 'microsoft.openservicemesh', name: 'osm', autoUpgradeMinorVersion: true, releaseTrain: 'pilot', settingsFile: '{"osm.osm.enablePermissiveTrafficPolicy": "true"}', protectedSettingsFile: '{"osm.osm.token": "t"}' },
    expectedName: 'osm',
    expectedBody: {
      properties: {
        extensionType: 'microsoft.openservicemesh',
        autoUpgradeMinorVersion: true,
        releaseTrain: 'pilot',
        scope: { cluster: {} },
        configurationSettings: { 'osm.osm.enablePermissiveTrafficPolicy': 'true' },
        configurationProtectedSettings: { 'osm.osm.token': 't' },
      },
    },
  },
];
