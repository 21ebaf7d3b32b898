import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { type ExtensionRequest, validateExtensionRequest } from '../../../src/shared';

/*
 * Accept/reject agreement with `az k8s-extension create`, case by case, from the CLI's code
 * (Azure/azure-cli-extensions, src/k8s-extension/azext_k8s_extension): what az accepts has no error here (warnings at
 * most); what az rejects is an error with the code given; where az creates other Azure resources first, the create
 * stops with request/az-creates-resources and nothing else.
 */
type Verdict = { az: 'accepts' } | { az: 'rejects'; code: string } | { az: 'creates-resources-first' };

interface AgreementCase {
  title: string;
  request: Omit<ExtensionRequest, 'name'> & { name?: string };
  /** Settings files by their text, as az reads them with json.load. */
  settingsFile?: string;
  protectedSettingsFile?: string;
  verdict: Verdict;
}

const workspace = '/subscriptions/3f9e2d1c-7b6a-4c5d-8e9f-0a1b2c3d4e5f/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/logs';
const backupKeys = { blobContainer: 'c', storageAccount: 's', storageAccountResourceGroup: 'rg', storageAccountSubscriptionId: '3f9e2d1c-7b6a-4c5d-8e9f-0a1b2c3d4e5f' };
const backupUri = { storageAccountURI: 'https://s.blob.core.windows.net/' };
const inference = { enableInference: 'true', inferenceRouterServiceType: 'ClusterIP', allowInsecureConnections: 'true' };
const entra = { trustDomain: 'contoso.com', tenantId: '4a1b7c2d-5e6f-4a8b-9c0d-1e2f3a4b5c6d', joinToken: 't' };
const skip = { skipPrerequisites: 'true' };

const cases: AgreementCase[] = [
  // custom.create_k8s_extension, utils.read_config_settings_file (json.load), DefaultExtension.
  { title: 'default class: any JSON values, sent as Python text', request: { extensionType: 'microsoft.flux' }, settingsFile: '{"a": 1, "b": true, "c": null, "d": {"e": [1]}}', verdict: { az: 'accepts' } },
  { title: 'default class: a repeated key (json.load keeps the last)', request: { extensionType: 'microsoft.flux' }, settingsFile: '{"a": "1", "a": "2"}', verdict: { az: 'accepts' } },
  { title: 'default class: Flux settings the docs pair are not checked by az', request: { extensionType: 'microsoft.flux' }, settingsFile: '{"workloadIdentity.enable": "true", "source-controler.enabled": "yes"}', verdict: { az: 'accepts' } },
  { title: 'an empty settings file ("File … is empty")', request: { extensionType: 'microsoft.flux' }, settingsFile: '{}', verdict: { az: 'rejects', code: 'settings/empty' } },
  { title: 'a settings file that is not JSON (trailing comma)', request: { extensionType: 'microsoft.flux' }, settingsFile: '{"a": "1",}', verdict: { az: 'rejects', code: 'settings/invalid-json' } },
  { title: 'settings both as entries and as a file', request: { extensionType: 'microsoft.flux', configurationSettings: { a: 'b' } }, settingsFile: '{"a": "c"}', verdict: { az: 'rejects', code: 'request/settings-and-file' } },
  { title: 'a version with auto-upgrade on', request: { extensionType: 'microsoft.flux', version: '1.0.0', autoUpgradeMinorVersion: true }, verdict: { az: 'rejects', code: 'request/version-needs-autoupgrade-off' } },
  { title: 'a target namespace with cluster scope', request: { extensionType: 'microsoft.flux', scope: 'cluster', targetNamespace: 'x' }, verdict: { az: 'rejects', code: 'request/target-namespace-with-cluster-scope' } },
  { title: 'a release namespace without cluster scope', request: { extensionType: 'microsoft.flux', releaseNamespace: 'x' }, verdict: { az: 'rejects', code: 'request/release-namespace-without-cluster-scope' } },
  { title: 'namespace scope without a target namespace', request: { extensionType: 'contoso.widgets', scope: 'namespace' }, verdict: { az: 'rejects', code: 'request/namespace-scope-needs-target-namespace' } },
  { title: 'a Marketplace plan without its publisher', request: { extensionType: 'contoso.widgets', plan: { name: 'n', product: 'p' } }, verdict: { az: 'rejects', code: 'request/plan-incomplete' } },

  // AzureMLKubernetes.__validate_config and __validate_scoring_fe_settings.
  { title: 'AzureML: neither training nor inference', request: { extensionType: 'azureml' }, settingsFile: '{"enableTraining": "false"}', verdict: { az: 'rejects', code: 'azureml/training-or-inference' } },
  { title: 'AzureML: enableTraining as a JSON boolean (str(True).lower() == "true")', request: { extensionType: 'azureml' }, settingsFile: '{"enableTraining": true}', verdict: { az: 'accepts' } },
  { title: 'AzureML: enableTraining only in the protected settings', request: { extensionType: 'azureml' }, settingsFile: '{"installVolcano": "true"}', protectedSettingsFile: '{"enableTraining": "true"}', verdict: { az: 'accepts' } },
  { title: 'AzureML: inference without a router service type', request: { extensionType: 'azureml' }, settingsFile: '{"enableInference": "true", "allowInsecureConnections": "true"}', verdict: { az: 'rejects', code: 'azureml/router-service-type-required' } },
  { title: 'AzureML: inference with an unknown router service type', request: { extensionType: 'azureml' }, settingsFile: JSON.stringify({ ...inference, inferenceRouterServiceType: 'Ingress' }), verdict: { az: 'rejects', code: 'azureml/router-service-type-required' } },
  { title: 'AzureML: an unknown router service type without inference is not checked', request: { extensionType: 'azureml' }, settingsFile: '{"enableTraining": "true", "inferenceRouterServiceType": "Ingress"}', verdict: { az: 'accepts' } },
  { title: 'AzureML: NodePort with an internal load balancer', request: { extensionType: 'azureml' }, settingsFile: JSON.stringify({ ...inference, inferenceRouterServiceType: 'NodePort', internalLoadBalancerProvider: 'azure' }), verdict: { az: 'rejects', code: 'azureml/nodeport-with-internal-lb' } },
  { title: 'AzureML: NodePort with an internal load balancer is not checked without inference', request: { extensionType: 'azureml' }, settingsFile: '{"enableTraining": "true", "inferenceRouterServiceType": "NodePort", "internalLoadBalancerProvider": "azure"}', verdict: { az: 'accepts' } },
  { title: 'AzureML: inference over HTTPS without sslCname', request: { extensionType: 'azureml' }, settingsFile: '{"enableInference": "true", "inferenceRouterServiceType": "LoadBalancer", "sslSecret": "tls"}', verdict: { az: 'rejects', code: 'azureml/ssl-needs-cname' } },
  { title: 'AzureML: inference with neither HTTPS nor allowInsecureConnections', request: { extensionType: 'azureml' }, settingsFile: '{"enableInference": "true", "inferenceRouterServiceType": "LoadBalancer"}', verdict: { az: 'rejects', code: 'azureml/inference-needs-ssl' } },
  { title: 'AzureML: the same key in both files', request: { extensionType: 'azureml' }, settingsFile: '{"enableTraining": "true", "installVolcano": "true"}', protectedSettingsFile: '{"installVolcano": "false"}', verdict: { az: 'rejects', code: 'settings/duplicate-across-files' } },
  { title: 'AzureML: a key in the wrong case is sent as written', request: { extensionType: 'azureml' }, settingsFile: '{"enableTraining": "true", "InferenceRouterHA": "false"}', verdict: { az: 'accepts' } },
  { title: 'AzureML: sslCertPemFile in the configuration settings is ignored for training', request: { extensionType: 'azureml' }, settingsFile: '{"enableTraining": "true", "sslCertPemFile": "c.pem"}', verdict: { az: 'accepts' } },
  { title: 'AzureML: namespace scope', request: { extensionType: 'azureml', scope: 'namespace', targetNamespace: 'ml' }, settingsFile: '{"enableTraining": "true"}', verdict: { az: 'rejects', code: 'request/cluster-scope-only' } },
  { title: 'AzureML: logAnalyticsWS creates a workspace first', request: { extensionType: 'azureml' }, settingsFile: '{"enableTraining": "true", "logAnalyticsWS": "true"}', verdict: { az: 'creates-resources-first' } },
  { title: 'AzureML: relayserver.enabled creates a relay first', request: { extensionType: 'azureml' }, settingsFile: '{"enableTraining": "true", "relayserver.enabled": "true"}', verdict: { az: 'creates-resources-first' } },
  { title: 'AzureML: relayserver.enabled with a connection string creates nothing', request: { extensionType: 'azureml' }, settingsFile: '{"enableTraining": "true", "relayserver.enabled": "true"}', protectedSettingsFile: '{"relayServerConnectionString": "Endpoint=sb://x/"}', verdict: { az: 'accepts' } },

  // Dapr.Create and Dapr._get_release_info.
  { title: 'Dapr: namespace scope', request: { extensionType: 'microsoft.dapr', scope: 'namespace', targetNamespace: 'd' }, settingsFile: '{"skipExistingDaprCheck": "true"}', verdict: { az: 'rejects', code: 'request/cluster-scope-only' } },
  { title: 'Dapr: one of the existing-release keys (az warns and asks)', request: { extensionType: 'microsoft.dapr' }, settingsFile: '{"existingDaprReleaseName": "dapr"}', verdict: { az: 'accepts' } },
  { title: 'Dapr: skipExistingDaprCheck "True" does not skip (compared with "true")', request: { extensionType: 'microsoft.dapr' }, settingsFile: '{"skipExistingDaprCheck": "True"}', verdict: { az: 'accepts' } },

  // DataProtectionKubernetes.Create and __validate_and_map_config.
  { title: 'Backup: a required storage key missing', request: { extensionType: 'microsoft.dataprotection.kubernetes' }, settingsFile: JSON.stringify({ ...backupUri, blobContainer: 'c', storageAccount: 's', storageAccountResourceGroup: 'rg' }), verdict: { az: 'rejects', code: 'backup/missing-storage-setting' } },
  { title: 'Backup: keys in any case, unknown keys dropped with a warning', request: { extensionType: 'backup' }, settingsFile: JSON.stringify({ ...backupUri, BLOBCONTAINER: 'c', storageaccount: 's', storageAccountResourceGroup: 'rg', storageAccountSubscriptionId: 'x', colour: 'blue' }), verdict: { az: 'accepts' } },
  { title: 'Backup: without storageAccountURI az reads the storage account', request: { extensionType: 'backup' }, settingsFile: JSON.stringify(backupKeys), verdict: { az: 'creates-resources-first' } },
  { title: 'Backup: namespace scope', request: { extensionType: 'backup', scope: 'namespace', targetNamespace: 'b' }, settingsFile: JSON.stringify({ ...backupKeys, ...backupUri }), verdict: { az: 'rejects', code: 'request/cluster-scope-only' } },

  // ContainerInsights.Create and _get_container_insights_settings.
  { title: 'Container Insights: az creates the workspace, DCR and association first', request: { extensionType: 'microsoft.azuremonitor.containers' }, settingsFile: `{"logAnalyticsWorkspaceResourceID": "${workspace}"}`, verdict: { az: 'creates-resources-first' } },
  { title: 'Container Insights: skipPrerequisites (any case) creates nothing', request: { extensionType: 'microsoft.azuremonitor.containers' }, settingsFile: '{"skipPrerequisites": "TRUE"}', verdict: { az: 'accepts' } },
  { title: 'Container Insights: a workspace ID that is not a resource ID', request: { extensionType: 'microsoft.azuremonitor.containers' }, settingsFile: '{"logAnalyticsWorkspaceResourceID": "/subscriptions/x/resourceGroups/y"}', verdict: { az: 'rejects', code: 'monitor/invalid-workspace-id' } },
  { title: 'Container Insights: a data collection interval over 30m', request: { extensionType: 'microsoft.azuremonitor.containers' }, settingsFile: `{"logAnalyticsWorkspaceResourceID": "${workspace}", "dataCollectionSettings": "{\\"interval\\": \\"45m\\"}"}`, verdict: { az: 'rejects', code: 'monitor/data-collection-settings' } },
  { title: 'Container Insights: dataCollectionSettings written as an object (az sends its Python text, which json.loads fails on)', request: { extensionType: 'microsoft.azuremonitor.containers' }, settingsFile: '{"dataCollectionSettings": {"interval": "1m"}}', verdict: { az: 'rejects', code: 'monitor/data-collection-settings' } },
  { title: 'Container Insights: data collection settings are not checked when skipping', request: { extensionType: 'microsoft.azuremonitor.containers' }, settingsFile: '{"skipPrerequisites": "true", "dataCollectionSettings": "{\\"interval\\": \\"45m\\"}"}', verdict: { az: 'accepts' } },
  { title: 'Container Insights: a proxy that is not http(s)', request: { extensionType: 'microsoft.azuremonitor.containers' }, settingsFile: `{"logAnalyticsWorkspaceResourceID": "${workspace}"}`, protectedSettingsFile: '{"proxyEndpoint": "socks5://p:1"}', verdict: { az: 'rejects', code: 'monitor/invalid-proxy-endpoint' } },

  // AzureDefender.Create: always reads the workspace and its key.
  { title: 'Defender: az reads the workspace key first', request: { extensionType: 'microsoft.azuredefender.kubernetes' }, settingsFile: `{"logAnalyticsWorkspaceResourceID": "${workspace}"}`, verdict: { az: 'creates-resources-first' } },
  { title: 'Defender: a workspace ID that is not a resource ID', request: { extensionType: 'defender' }, settingsFile: '{"logAnalyticsWorkspaceResourceID": "logs"}', verdict: { az: 'rejects', code: 'monitor/invalid-workspace-id' } },

  // AzureMonitorMetrics.Create.
  { title: 'Metrics: az creates the Azure Monitor workspace, DCE, DCR and rules first', request: { extensionType: 'microsoft.azuremonitor.containers.metrics' }, settingsFile: '{"grafana-resource-id": "x"}', verdict: { az: 'creates-resources-first' } },
  { title: 'Metrics: skipPrerequisites as a JSON boolean creates nothing', request: { extensionType: 'microsoft.azuremonitor.containers.metrics' }, settingsFile: JSON.stringify({ skipPrerequisites: true }), verdict: { az: 'accepts' } },

  // EntraWorkloadIAM.Create.
  { title: 'Entra: keys in any case with a join token', request: { extensionType: 'microsoft.entraworkloadiam', scope: 'cluster' }, settingsFile: '{"TRUSTDOMAIN": "contoso.com", "TenantId": "t", "jointoken": "j"}', verdict: { az: 'accepts' } },
  { title: 'Entra: no trust domain', request: { extensionType: 'microsoft.entraworkloadiam', scope: 'cluster' }, settingsFile: '{"tenantId": "t", "joinToken": "j"}', verdict: { az: 'rejects', code: 'entra/missing-setting' } },
  { title: 'Entra: the trust domain only in the protected settings', request: { extensionType: 'microsoft.entraworkloadiam', scope: 'cluster' }, settingsFile: '{"tenantId": "t", "joinToken": "j"}', protectedSettingsFile: '{"trustDomain": "contoso.com"}', verdict: { az: 'rejects', code: 'entra/missing-setting' } },
  { title: 'Entra: neither a join token nor a local authority', request: { extensionType: 'microsoft.entraworkloadiam', scope: 'cluster' }, settingsFile: '{"trustDomain": "d", "tenantId": "t"}', verdict: { az: 'rejects', code: 'entra/missing-setting' } },
  { title: 'Entra: a local authority without a join token makes az request one', request: { extensionType: 'microsoft.entraworkloadiam', scope: 'cluster' }, settingsFile: '{"trustDomain": "d", "tenantId": "t", "localAuthority": "la"}', verdict: { az: 'creates-resources-first' } },
  { title: 'Entra: a name over 20 characters', request: { extensionType: 'microsoft.entraworkloadiam', scope: 'cluster', name: 'workload-iam-for-the-cluster' }, settingsFile: JSON.stringify(entra), verdict: { az: 'rejects', code: 'request/name-too-long' } },

  // OpenServiceMesh.Create.
  { title: 'OSM: namespace scope', request: { extensionType: 'microsoft.openservicemesh', scope: 'namespace', targetNamespace: 'o' }, verdict: { az: 'rejects', code: 'request/cluster-scope-only' } },
  { title: 'OSM: any settings', request: { extensionType: 'microsoft.openservicemesh' }, settingsFile: '{"osm.osm.enableEgress": "maybe"}', verdict: { az: 'accepts' } },
  { title: 'a skipPrerequisites-like key does nothing for other types', request: { extensionType: 'microsoft.openservicemesh' }, settingsFile: JSON.stringify(skip), verdict: { az: 'accepts' } },
];

describe('accept/reject agreement with az k8s-extension create (from the CLI code)', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(tmpdir(), 'cli-agreement-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  const requestOf = (c: AgreementCase): ExtensionRequest => {
    const req: ExtensionRequest = { name: 'ext', ...c.request };
    if (c.settingsFile !== undefined) {
      req.configurationSettingsFile = path.join(dir, 'settings.json');
      writeFileSync(req.configurationSettingsFile, c.settingsFile);
    }
    if (c.protectedSettingsFile !== undefined) {
      req.configurationProtectedSettingsFile = path.join(dir, 'protected.json');
      writeFileSync(req.configurationProtectedSettingsFile, c.protectedSettingsFile);
    }
    return req;
  };

  for (const c of cases) {
    it(`${c.verdict.az}: ${c.title}`, () => {
      const errors = validateExtensionRequest(requestOf(c)).filter((p) => p.severity === 'error').map((p) => p.code);
      if (c.verdict.az === 'accepts') assert.deepEqual(errors, []);
      else if (c.verdict.az === 'creates-resources-first') assert.deepEqual(errors, ['request/az-creates-resources']);
      else assert.ok(errors.includes(c.verdict.code), `expected ${c.verdict.code}, got ${errors.join(', ') || 'no error'}`);
    });
  }
});
