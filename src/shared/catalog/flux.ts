import { booleanValue, durationValue, integerValue, quantityValue, type ExtensionTypeInfo, type SettingKeyInfo } from './extensionType';
import { isTrue, type RuleFinding, type SettingsView } from '../rules/settingsView';

// Facts from the "GitOps Flux v2 configurations" reference (microsoft.flux extension settings). The az CLI has no partner
// class for Flux (DefaultExtension): it sends any settings, so every finding here is at most a warning.
const onByDefault = ['source-controller', 'helm-controller', 'kustomize-controller', 'notification-controller'];
const offByDefault = ['image-automation-controller', 'image-reflector-controller'];
const agents = ['fluxconfig-agent', 'fluxconfig-controller'];

const controllerKeys: SettingKeyInfo[] = [...onByDefault, ...offByDefault].flatMap((c): SettingKeyInfo[] => [
  { key: `${c}.enabled`, doc: `Installs the Flux ${c}.`, default: onByDefault.includes(c) ? 'true' : 'false', value: booleanValue },
  { key: `${c}.log-level`, doc: `Log level of the ${c}.`, default: 'info', value: { kind: 'enum', values: ['debug', 'info', 'error'] } },
  { key: `${c}.resources.limits.cpu`, doc: `CPU limit of the ${c} pod.`, value: quantityValue },
  { key: `${c}.resources.limits.memory`, doc: `Memory limit of the ${c} pod.`, value: quantityValue },
  // The docs raise the source-controller's memory request (64Mi by default) together with its limit (1Gi).
  { key: `${c}.resources.requests.cpu`, doc: `CPU request of the ${c} pod.`, value: quantityValue },
  { key: `${c}.resources.requests.memory`, doc: `Memory request of the ${c} pod.`, value: quantityValue },
]);

const agentKeys: SettingKeyInfo[] = agents.flatMap((a): SettingKeyInfo[] => [
  { key: `${a}.log-level`, doc: `Log level of the ${a} (debug is not available).`, default: 'info', value: { kind: 'enum', values: ['info', 'error'] } },
  { key: `${a}.resources.limits.cpu`, doc: `CPU limit of the ${a} pod.`, value: quantityValue },
  { key: `${a}.resources.limits.memory`, doc: `Memory limit of the ${a} pod.`, value: quantityValue },
]);

function workloadIdentityNeedsClientId(view: SettingsView): RuleFinding[] {
  if (!isTrue(view.get('workloadIdentity.enable')) || view.get('workloadIdentity.azureClientId')) return [];
  return [{
    code: 'flux/workload-identity-client-id',
    severity: 'warning',
    key: 'workloadIdentity.enable',
    message: 'Workload identity needs workloadIdentity.azureClientId: add the client ID of the managed identity Flux should use.',
  }];
}

function clientIdWithoutWorkloadIdentity(view: SettingsView): RuleFinding[] {
  if (!view.get('workloadIdentity.azureClientId') || isTrue(view.get('workloadIdentity.enable'))) return [];
  return [{
    code: 'flux/client-id-without-workload-identity',
    severity: 'warning',
    key: 'workloadIdentity.azureClientId',
    message: 'workloadIdentity.azureClientId has no effect unless workloadIdentity.enable is "true": set it, or remove the client ID.',
  }];
}

function outOfMemoryWatchSettingsNeedItEnabled(view: SettingsView): RuleFinding[] {
  if (isTrue(view.get('helm-controller.outOfMemoryWatch.enabled'))) return [];
  return ['helm-controller.outOfMemoryWatch.memoryThreshold', 'helm-controller.outOfMemoryWatch.interval']
    .filter((key) => view.get(key) !== undefined)
    .map((key) => ({
      code: 'flux/oom-watch-disabled',
      severity: 'warning' as const,
      key,
      message: `${key} has no effect unless helm-controller.outOfMemoryWatch.enabled is "true": set it, or remove this setting.`,
    }));
}

function imageAutomationNeedsReflector(view: SettingsView): RuleFinding[] {
  if (!isTrue(view.get('image-automation-controller.enabled')) || isTrue(view.get('image-reflector-controller.enabled'))) return [];
  return [{
    code: 'flux/image-automation-needs-reflector',
    severity: 'warning',
    key: 'image-automation-controller.enabled',
    message: 'Image automation works from the image policies of the image-reflector-controller: set image-reflector-controller.enabled to "true" as well.',
  }];
}

export const flux: ExtensionTypeInfo = {
  type: 'microsoft.flux',
  displayName: 'Flux (GitOps)',
  aliases: ['flux'],
  scopes: ['cluster'],
  defaultReleaseNamespace: 'flux-system',
  releaseTrains: ['stable', 'preview'],
  keysCaseSensitive: true,
  openKeySet: false,
  docsUrl: 'https://learn.microsoft.com/azure/azure-arc/kubernetes/extensions-release#flux-gitops',
  keys: [
    ...controllerKeys,
    ...agentKeys,
    { key: 'multiTenancy.enforce', doc: 'Enforces Flux multi-tenancy: sources and kustomizations act only in their own namespace.', default: 'true', value: booleanValue },
    { key: 'useKubeletIdentity', doc: 'Uses the AKS kubelet identity for Azure resources (e.g. Azure Container Registry).', default: 'false', value: booleanValue },
    { key: 'workloadIdentity.enable', doc: 'Uses workload identity for Flux controllers (with workloadIdentity.azureClientId).', default: 'false', value: booleanValue },
    { key: 'workloadIdentity.azureClientId', doc: 'Client ID of the user-assigned managed identity federated with the Flux service accounts.', value: { kind: 'pattern', pattern: /^[0-9a-fA-F-]{36}$/, description: 'a client ID (GUID)' } },
    { key: 'helm-controller.detectDrift', doc: 'Detects and corrects drift of Helm releases from their desired state.', default: 'false', value: booleanValue },
    { key: 'helm-controller.outOfMemoryWatch.enabled', doc: 'Stops Helm operations before the helm-controller runs out of memory.', default: 'false', value: booleanValue },
    { key: 'helm-controller.outOfMemoryWatch.memoryThreshold', doc: 'Memory use, in percent of the limit, at which Helm operations stop.', default: '95', value: { kind: 'pattern', pattern: /^(100|[1-9]?\d)$/, description: 'a percentage from 0 to 100' } },
    { key: 'helm-controller.outOfMemoryWatch.interval', doc: 'How often memory use is checked.', default: '500ms', value: durationValue },
    { key: 'kustomize-controller.concurrent', doc: 'Kustomizations reconciled at the same time.', default: '4', value: integerValue },
    { key: 'kustomize-controller.requeue-dependency', doc: 'Wait before retrying a kustomization whose dependency is not ready.', default: '30s', value: durationValue },
    { key: 'kustomize-controller.enable-in-memory-build', doc: 'Builds kustomizations in memory instead of on disk.', default: 'false', value: booleanValue },
    { key: 'helm-controller.concurrent', doc: 'Helm releases reconciled at the same time.', default: '4', value: integerValue },
    { key: 'helm-controller.requeue-dependency', doc: 'Wait before retrying a Helm release whose dependency is not ready.', default: '30s', value: durationValue },
    { key: 'setKubeServiceHostFqdn', doc: 'Points the controllers at the API server FQDN instead of the in-cluster service (private clusters behind a proxy).', default: 'false', value: booleanValue },
  ],
  rules: [workloadIdentityNeedsClientId, clientIdWithoutWorkloadIdentity, outOfMemoryWatchSettingsNeedItEnabled, imageAutomationNeedsReflector],
};
