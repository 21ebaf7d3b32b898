import { readFileSync } from 'node:fs';
import { isTrue, type SettingsView } from '../rules/settingsView';
import type { CliSettings, CliTarget, SettingKeyInfo } from './extensionType';

// What the az k8s-extension AzureMLKubernetes partner class (Create, __validate_config, __create_required_resource,
// _dereference) does to the settings before it sends them to an AKS cluster (cluster type managedClusters).

type Settings = Record<string, string>;

/** Keys whose value the CLI copies to other keys when those are not set (its reference_mapping). */
const references: Readonly<Record<string, readonly string[]>> = {
  relayServerConnectionString: ['relayserver.relayConnectionString'],
  serviceBusConnectionString: ['servicebus.connectionString'],
  cluster_name: ['clusterId', 'prometheus.prometheusSpec.externalLabels.cluster_name'],
};

function dereference(map: Settings): Settings {
  const out = { ...map };
  for (const [from, targets] of Object.entries(references)) {
    if (!(from in out)) continue;
    for (const key of targets) out[key] ??= out[from];
  }
  return out;
}

// The CLI reads the PEM files named in the protected settings and sends them base64-encoded.
function pemAsBase64(path: string, key: string): string {
  try {
    return Buffer.from(readFileSync(path, 'utf8'), 'utf8').toString('base64');
  } catch {
    throw new Error(`Cannot read the file named in ${key}: az reads it and sends its content, so give a path that exists.`);
  }
}

function inferenceSettings(s: Settings, p: Settings, get: (key: string) => string | undefined): void {
  if (isTrue(get('isAKSMigration'))) {
    s['scoringFe.namespace'] = 'default';
    s.isAKSMigration = 'true';
  }
  // Python booleans reach the API as "True".
  if (get('inferenceRouterServiceType')?.toLowerCase() === 'nodeport') s['scoringFe.serviceType.nodePort'] = 'True';
  else if (get('internalLoadBalancerProvider')?.toLowerCase() === 'azure') s['scoringFe.serviceType.internalLoadBalancer'] = 'True';
  if (isTrue(get('allowInsecureConnections'))) return;
  if (p.sslCertPemFile && p.sslKeyPemFile) {
    p['scoringFe.sslCert'] = pemAsBase64(p.sslCertPemFile, 'sslCertPemFile');
    p['scoringFe.sslKey'] = pemAsBase64(p.sslKeyPemFile, 'sslKeyPemFile');
  } else {
    const secret = get('sslSecret');
    if (secret !== undefined) s['scoringFe.sslSecret'] = secret;
  }
}

function clusterSettings(s: Settings, target: CliTarget, get: (key: string) => string | undefined): void {
  if (target.nodeCount !== undefined && target.nodeCount < 3) {
    if (get('clusterPurpose') === undefined) s.clusterPurpose = 'DevTest';
    if (get('inferenceRouterHA') === undefined) s.inferenceRouterHA = 'false';
  }
  if (target.clusterId !== undefined) s.cluster_name ??= target.clusterId;
  if (target.location !== undefined) {
    const location = target.location.toLowerCase();
    // The CLI looks up 'doamin' (sic), so a user's 'domain' is always replaced.
    s.domain = s.doamin ?? `${location}.cloudapp.azure.com`;
    s.location ??= location;
    s.jobSchedulerLocation ??= location;
  }
  if (target.clusterName !== undefined) s.cluster_name_friendly ??= target.clusterName;
  s['servicebus.enabled'] ??= 'false';
  s['relayserver.enabled'] ??= 'false';
  s['nginxIngress.enabled'] ??= 'true';
}

/** The settings az sends for an AzureML create on AKS, from settings that passed the rules. */
export function azuremlCliSettings(input: CliSettings, target: CliTarget): CliSettings {
  const s: Settings = { ...input.settings };
  const p: Settings = { ...input.protectedSettings };
  const get = (key: string): string | undefined => (key in s ? s[key] : p[key]);
  const training = isTrue(get('enableTraining'));
  const inference = isTrue(get('enableInference'));
  if (inference) inferenceSettings(s, p, get);
  s.enableTraining ??= training ? 'True' : 'False';
  s.enableInference ??= inference ? 'True' : 'False';
  delete p.enableTraining;
  delete p.enableInference;
  clusterSettings(s, target, get);
  return { settings: dereference(s), protectedSettings: dereference(p) };
}

const connectionStrings = {
  relay: 'relayServerConnectionString',
  serviceBus: 'serviceBusConnectionString',
  logAnalytics: 'azure_log_analytics.connection_string',
};

function hasConnectionString(view: SettingsView, key: string): boolean {
  return !!view.getIn('settings', key) || !!view.getIn('protected', key);
}

/** The Azure resources az creates for AzureML before it sends the extension, from what the settings ask. */
export function azuremlPrerequisites(view: SettingsView): string | undefined {
  const created: string[] = [];
  if (isTrue(view.getIn('settings', 'logAnalyticsWS')) && !hasConnectionString(view, connectionStrings.logAnalytics)) {
    created.push(`a Log Analytics workspace (logAnalyticsWS; or give ${connectionStrings.logAnalytics})`);
  }
  const relay = view.getIn('settings', 'relayserver.enabled');
  if (relay !== undefined && relay.toLowerCase() !== 'false' && !hasConnectionString(view, connectionStrings.relay)) {
    created.push(`an Azure Relay namespace and hybrid connection (relayserver.enabled; or give ${connectionStrings.relay})`);
  }
  const serviceBus = view.getIn('settings', 'servicebus.enabled');
  if (serviceBus !== undefined && serviceBus.toLowerCase() !== 'false' && !hasConnectionString(view, connectionStrings.serviceBus)) {
    created.push(`a Service Bus namespace with two topics (servicebus.enabled; or give ${connectionStrings.serviceBus})`);
  }
  if (created.length === 0) return undefined;
  return `az k8s-extension create first creates ${created.join(', ')} and puts its keys in the protected settings. These tools create no other Azure resources: run the az command, or create them yourself and give their connection strings in the protected settings.`;
}

/** Keys the CLI writes itself; a copy for another cluster gets them from that cluster (filledFrom). */
export const azuremlCliAddedKeys: readonly SettingKeyInfo[] = [
  { key: 'cluster_name', doc: 'Resource ID of the cluster; az fills it in.', filledFrom: 'clusterId' },
  { key: 'clusterId', doc: 'Resource ID of the cluster; az copies cluster_name.', filledFrom: 'clusterId' },
  { key: 'prometheus.prometheusSpec.externalLabels.cluster_name', doc: 'Resource ID of the cluster; az copies cluster_name.', filledFrom: 'clusterId' },
  { key: 'cluster_name_friendly', doc: 'Name of the cluster; az fills it in.', filledFrom: 'clusterName' },
  { key: 'domain', doc: '<region>.cloudapp.azure.com; az fills it in.', filledFrom: 'location' },
  { key: 'location', doc: 'Region of the cluster; az fills it in.', filledFrom: 'location' },
  { key: 'jobSchedulerLocation', doc: 'Region of the cluster; az fills it in.', filledFrom: 'location' },
  { key: 'scoringFe.serviceType.nodePort', doc: 'Set by az from inferenceRouterServiceType.' },
  { key: 'scoringFe.serviceType.internalLoadBalancer', doc: 'Set by az from internalLoadBalancerProvider.' },
  { key: 'scoringFe.sslSecret', doc: 'Set by az from sslSecret.', secret: false },
  { key: 'scoringFe.namespace', doc: 'Set by az for an AKS migration.' },
];
