import { booleanValue, type ExtensionTypeInfo } from './extensionType';
import { isTrue, type RuleFinding, type SettingsView } from '../rules/settingsView';
import { azuremlCliAddedKeys, azuremlCliSettings, azuremlPrerequisites } from './azuremlRequest';

// Facts from the az k8s-extension AzureML partner extension and the "Deploy AzureML extension" docs.
const serviceTypes = ['NodePort', 'LoadBalancer', 'ClusterIP'];

function sslFromFiles(view: SettingsView): boolean {
  return !!view.getIn('protected', 'sslCertPemFile') && !!view.getIn('protected', 'sslKeyPemFile');
}

function sslEnabled(view: SettingsView): boolean {
  return sslFromFiles(view) || !!view.get('sslSecret');
}

function trainingOrInference(view: SettingsView): RuleFinding[] {
  if (isTrue(view.get('enableTraining')) || isTrue(view.get('enableInference'))) return [];
  return [{
    code: 'azureml/training-or-inference',
    severity: 'error',
    message: 'Set enableTraining or enableInference to "true": the AzureML extension must be created for training, inference or both.',
    fixes: [
      { title: 'Set enableTraining to "true"', edits: { enableTraining: 'true' } },
      { title: 'Set enableInference to "true"', edits: { enableInference: 'true' } },
    ],
  }];
}

function inferenceNeedsSslOrInsecure(view: SettingsView): RuleFinding[] {
  if (!isTrue(view.get('enableInference')) || sslEnabled(view) || isTrue(view.get('allowInsecureConnections'))) return [];
  return [{
    code: 'azureml/inference-needs-ssl',
    severity: 'error',
    key: 'enableInference',
    message: 'Inference needs HTTPS or an explicit opt-out: put sslCertPemFile and sslKeyPemFile in the protected settings, or set sslSecret (a Kubernetes secret in the azureml namespace), or set allowInsecureConnections to "true".',
    fixes: [{ title: 'Set allowInsecureConnections to "true" (inference over HTTP)', edits: { allowInsecureConnections: 'true' } }],
  }];
}

function sslNeedsCname(view: SettingsView): RuleFinding[] {
  if (!isTrue(view.get('enableInference')) || !sslEnabled(view) || view.get('sslCname')) return [];
  const key = view.get('sslSecret') ? 'sslSecret' : 'sslCertPemFile';
  return [{
    code: 'azureml/ssl-needs-cname',
    severity: 'error',
    key,
    message: 'HTTPS for inference needs sslCname: add sslCname with the host name the certificate is issued for.',
  }];
}

function sslCertAndKeyTogether(view: SettingsView): RuleFinding[] {
  const cert = view.get('sslCertPemFile');
  const key = view.get('sslKeyPemFile');
  if (!!cert === !!key) return [];
  return [{
    code: 'azureml/ssl-cert-and-key',
    severity: 'warning',
    key: cert ? 'sslCertPemFile' : 'sslKeyPemFile',
    message: 'sslCertPemFile and sslKeyPemFile are used only together: add the missing one to the protected settings.',
  }];
}

// With inference on, az rejects a missing or unknown inferenceRouterServiceType (compared ignoring case).
function routerServiceTypeRequired(view: SettingsView): RuleFinding[] {
  const serviceType = view.get('inferenceRouterServiceType');
  if (!isTrue(view.get('enableInference'))) return [];
  if (serviceType !== undefined && serviceTypes.some((t) => t.toLowerCase() === serviceType.toLowerCase())) return [];
  return [{
    code: 'azureml/router-service-type-required',
    severity: 'error',
    key: serviceType === undefined ? 'enableInference' : 'inferenceRouterServiceType',
    message: 'Inference needs inferenceRouterServiceType NodePort, LoadBalancer or ClusterIP, and az rejects anything else (add internalLoadBalancerProvider "azure" if the cluster allows only internal load balancers).',
    fixes: serviceTypes.map((type) => ({ title: `Set inferenceRouterServiceType to "${type}"`, edits: { inferenceRouterServiceType: type } })),
  }];
}

// az checks this pair only when inference is on.
function nodePortWithInternalLoadBalancer(view: SettingsView): RuleFinding[] {
  if (!isTrue(view.get('enableInference'))) return [];
  const nodePort = view.get('inferenceRouterServiceType')?.toLowerCase() === 'nodeport';
  if (!nodePort || view.get('internalLoadBalancerProvider')?.toLowerCase() !== 'azure') return [];
  return [{
    code: 'azureml/nodeport-with-internal-lb',
    severity: 'error',
    key: 'internalLoadBalancerProvider',
    message: 'internalLoadBalancerProvider cannot be used with inferenceRouterServiceType NodePort: remove internalLoadBalancerProvider or use LoadBalancer.',
    fixes: [
      { title: 'Remove internalLoadBalancerProvider', edits: { internalLoadBalancerProvider: null } },
      { title: 'Use inferenceRouterServiceType "LoadBalancer"', edits: { inferenceRouterServiceType: 'LoadBalancer' } },
    ],
  }];
}

export const azureml: ExtensionTypeInfo = {
  type: 'Microsoft.AzureML.Kubernetes',
  displayName: 'Azure Machine Learning',
  aliases: ['azureml'],
  scopes: ['cluster'],
  defaultReleaseNamespace: 'azureml',
  releaseNamespaceForced: true,
  releaseTrains: ['stable', 'preview'],
  keysCaseSensitive: true,
  // az wants training or inference; training alone needs nothing more, and inference's choices (HTTPS or not, how it
  // is exposed) are the user's to make in the editor, where the rules say what each needs.
  newInstanceSettings: { enableTraining: 'true', enableInference: 'false' },
  openKeySet: false,
  duplicateAcrossFilesIsError: true,
  docsUrl: 'https://learn.microsoft.com/azure/machine-learning/how-to-deploy-kubernetes-extension',
  cliClusterScope: true,
  cliDefaultReleaseTrain: 'stable',
  cliSettings: azuremlCliSettings,
  prerequisites: azuremlPrerequisites,
  storedOnlyKeys: azuremlCliAddedKeys,
  keys: [
    { key: 'enableTraining', doc: 'Installs the components for Machine Learning training jobs.', default: 'false', value: booleanValue },
    { key: 'enableInference', doc: 'Installs the components for real-time inference (online endpoints).', default: 'false', value: booleanValue },
    { key: 'allowInsecureConnections', doc: 'Serves inference over HTTP. Use only when HTTPS is not needed.', default: 'false', value: booleanValue },
    { key: 'inferenceRouterServiceType', doc: 'How the inference router is exposed: NodePort, LoadBalancer or ClusterIP. Required for inference.', value: { kind: 'enum', values: serviceTypes } },
    { key: 'internalLoadBalancerProvider', doc: 'Set to "azure" to expose the inference router through an internal load balancer (AKS only). Not with NodePort.', value: { kind: 'enum', values: ['azure'] } },
    { key: 'inferenceRouterHA', doc: 'Runs the inference router with three replicas for high availability.', default: 'true', value: booleanValue },
    { key: 'sslSecret', doc: 'Name of a Kubernetes secret in the azureml namespace holding cert.pem and key.pem for HTTPS.', secret: false },
    { key: 'sslCname', doc: 'Host name (CNAME) the inference HTTPS certificate is issued for. Required with HTTPS.' },
    { key: 'sslCertPemFile', doc: 'Path to the PEM certificate for inference HTTPS. Read only from the protected settings.', protected: 'required' },
    { key: 'sslKeyPemFile', doc: 'Path to the PEM private key for inference HTTPS. Read only from the protected settings.', protected: 'required' },
    { key: 'nodeSelector.', doc: 'nodeSelector.<label>=<value>: runs the extension components only on nodes with this label.' },
    { key: 'installNvidiaDevicePlugin', doc: 'Installs the NVIDIA device plugin for GPU nodes.', default: 'false', value: booleanValue },
    { key: 'installPromOp', doc: 'Installs the Prometheus operator used for monitoring.', default: 'true', value: booleanValue },
    { key: 'installVolcano', doc: 'Installs the Volcano scheduler used by training jobs.', default: 'true', value: booleanValue },
    { key: 'installDcgmExporter', doc: 'Installs the DCGM exporter for GPU metrics.', default: 'false', value: booleanValue },
    { key: 'clusterPurpose', doc: 'DevTest runs fewer replicas; FastProd is for production.', default: 'FastProd', value: { kind: 'enum', values: ['DevTest', 'FastProd'] } },
    { key: 'logAnalyticsWS', doc: 'Creates a Log Analytics workspace and sends extension logs to it.', default: 'false', value: booleanValue },
    { key: 'isAKSMigration', doc: 'Set when migrating an AKS inference cluster attached to AzureML v1.', default: 'false', value: booleanValue },
    { key: 'relayserver.enabled', doc: 'Uses Azure Relay for the control channel (off by default on AKS).', default: 'false', value: booleanValue },
    { key: 'servicebus.enabled', doc: 'Uses Azure Service Bus for job state (off by default).', default: 'false', value: booleanValue },
    { key: 'nginxIngress.enabled', doc: 'Installs the NGINX ingress used by AzureML (on by default on AKS).', default: 'true', value: booleanValue },
    { key: 'relayServerConnectionString', doc: 'Connection string of an existing Azure Relay hybrid connection; without it, relayserver.enabled "true" makes az create one.', protected: 'recommended' },
    { key: 'serviceBusConnectionString', doc: 'Connection string of an existing Service Bus namespace; without it, servicebus.enabled "true" makes az create one.', protected: 'recommended' },
    { key: 'azure_log_analytics.connection_string', doc: 'Shared key of an existing Log Analytics workspace; without it, logAnalyticsWS "true" makes az create one.', protected: 'recommended' },
  ],
  rules: [
    trainingOrInference,
    inferenceNeedsSslOrInsecure,
    sslNeedsCname,
    sslCertAndKeyTogether,
    routerServiceTypeRequired,
    nodePortWithInternalLoadBalancer,
  ],
};
