import { booleanValue, durationValue, integerValue, type ExtensionTypeInfo, type ValueConstraint } from './extensionType';
import { readFromSettingsOnly } from '../rules/readFromSettingsOnly';
import type { RuleFinding, SettingsView } from '../rules/settingsView';

// Facts from the az k8s-extension Dapr partner extension and the "Dapr extension for AKS" docs.
const nameKey = 'existingDaprReleaseName';
const namespaceKey = 'existingDaprReleaseNamespace';
const podCount: ValueConstraint = { kind: 'pattern', pattern: /^\d+%?$/, description: 'a number of pods or a percentage such as 1 or 25%' };

// The CLI compares skipExistingDaprCheck with 'true' exactly, so 'True' does not skip the check.
function skipsCheck(view: SettingsView): boolean {
  return view.getIn('settings', 'skipExistingDaprCheck') === 'true';
}

function existingReleaseKeysTogether(view: SettingsView): RuleFinding[] {
  const name = view.getIn('settings', nameKey);
  const namespace = view.getIn('settings', namespaceKey);
  if (!!name === !!namespace || skipsCheck(view)) return [];
  const [present, missing] = name ? [nameKey, namespaceKey] : [namespaceKey, nameKey];
  return [{
    code: 'dapr/existing-release-pair',
    // az warns, ignores the key and asks whether Dapr is installed; these tools answer "no" (skipExistingDaprCheck).
    severity: 'warning',
    key: present,
    message: `${present} is ignored without ${missing}: add ${missing}, or the CLI asks interactively whether Dapr is installed.`,
  }];
}

function existingReleaseIgnoredWhenSkipping(view: SettingsView): RuleFinding[] {
  if (!skipsCheck(view)) return [];
  return [nameKey, namespaceKey]
    .filter((key) => view.getIn('settings', key) !== undefined)
    .map((key) => ({
      code: 'dapr/existing-release-ignored',
      severity: 'warning' as const,
      key,
      message: `${key} is ignored because skipExistingDaprCheck is "true": remove one of them.`,
    }));
}

function createWillPrompt(view: SettingsView): RuleFinding[] {
  if (skipsCheck(view) || view.getIn('settings', nameKey) || view.getIn('settings', namespaceKey)) return [];
  return [{
    code: 'dapr/create-will-prompt',
    severity: 'information',
    createOnly: true,
    message: 'az k8s-extension create will ask whether Dapr is already installed: set skipExistingDaprCheck to "true", or set existingDaprReleaseName and existingDaprReleaseNamespace, to run it unattended.',
  }];
}

export const dapr: ExtensionTypeInfo = {
  type: 'microsoft.dapr',
  displayName: 'Dapr',
  aliases: ['dapr'],
  scopes: ['cluster'],
  defaultReleaseNamespace: 'dapr-system',
  releaseTrains: ['stable', 'dev'],
  keysCaseSensitive: true,
  openKeySet: true,
  docsUrl: 'https://learn.microsoft.com/azure/aks/dapr-settings',
  cliClusterScope: true,
  cliDefaultReleaseTrain: 'stable',
  // The docs: these cannot be modified after creation; changing them needs the extension deleted and created again.
  immutablePrefixes: ['global.ha.', 'dapr_placement.'],
  keys: [
    { key: 'skipExistingDaprCheck', doc: 'Skips the question whether Dapr is already installed (needed for unattended creation). Exactly "true" skips it.', default: 'false', value: { kind: 'enum', values: ['true', 'false'], caseSensitive: true } },
    { key: nameKey, doc: 'Helm release name of a Dapr installation to take over (with existingDaprReleaseNamespace).', secret: false },
    { key: namespaceKey, doc: 'Namespace of a Dapr installation to take over (with existingDaprReleaseName).' },
    { key: 'global.ha.enabled', doc: 'Runs the control plane in high-availability mode (three replicas). Cannot change after creation.', default: 'true', value: booleanValue, immutableAfterCreate: true },
    { key: 'global.ha.replicaCount', doc: 'Replicas of each control-plane service in HA mode. Cannot change after creation.', default: '3', value: integerValue, immutableAfterCreate: true },
    { key: 'global.ha.disruption.minimumAvailable', doc: 'Pod disruption budget of the control plane in HA mode: pods that must stay available. Cannot change after creation.', value: podCount, immutableAfterCreate: true },
    { key: 'global.ha.disruption.maximumUnavailable', doc: 'Pod disruption budget of the control plane in HA mode: pods that may be unavailable. Cannot change after creation.', default: '25%', value: podCount, immutableAfterCreate: true },
    { key: 'dapr_operator.replicaCount', doc: 'Replicas of the Dapr operator.', default: '1', value: integerValue },
    { key: 'dapr_placement.volumeclaims.storageClassName', doc: 'Storage class for the placement service volumes. Cannot change after creation.', immutableAfterCreate: true },
    { key: 'dapr_placement.cluster.forceInMemoryLog', doc: 'Keeps the placement Raft log in memory instead of a volume. Cannot change after creation.', default: 'false', value: booleanValue, immutableAfterCreate: true },
    { key: 'global.daprControlPlaneOs', doc: 'Operating system of the nodes the control plane runs on.', default: 'linux', value: { kind: 'enum', values: ['linux', 'windows'] } },
    { key: 'global.daprControlPlaneArch', doc: 'CPU architecture of the nodes the control plane runs on.', default: 'amd64', value: { kind: 'enum', values: ['amd64', 'arm64'] } },
    { key: 'global.tag', doc: 'Image tag suffix, e.g. "1.13.0-mariner" for Mariner-based images.' },
    { key: 'global.logAsJson', doc: 'Writes control-plane logs as JSON.', default: 'false', value: booleanValue },
    { key: 'global.mtls.enabled', doc: 'Enables mutual TLS between Dapr sidecars.', default: 'true', value: booleanValue },
    { key: 'global.mtls.workloadCertTTL', doc: 'Lifetime of the workload certificates Sentry issues.', default: '24h', value: durationValue },
    { key: 'global.mtls.allowedClockSkew', doc: 'Clock skew allowed when checking certificate validity.', default: '15m', value: durationValue },
    { key: 'global.prometheus.enabled', doc: 'Exposes control-plane metrics for Prometheus.', default: 'true', value: booleanValue },
    { key: 'global.prometheus.port', doc: 'Port of the metrics endpoint.', default: '9090', value: integerValue },
    { key: 'global.nodeSelector.', doc: 'global.nodeSelector.<label>=<value>: runs Dapr only on nodes with this label (escape dots in the label as \\.).' },
    { key: 'global.clusterType', doc: 'Set by the CLI to managedclusters on AKS.', value: { kind: 'enum', values: ['managedclusters', 'connectedclusters'] } },
    { key: 'dapr_monitoring.logLevel', doc: 'Log level of the control plane.', default: 'info', value: { kind: 'enum', values: ['debug', 'info', 'warn', 'error', 'fatal'] } },
    { key: 'hooks.applyCrds', doc: 'Applies the Dapr CRDs on upgrade; the CLI turns it off when downgrading.', default: 'true', value: booleanValue },
  ],
  rules: [
    existingReleaseKeysTogether,
    existingReleaseIgnoredWhenSkipping,
    createWillPrompt,
    // Dapr._get_release_info reads these from --configuration-settings only.
    readFromSettingsOnly('dapr/read-from-settings-only', ['skipExistingDaprCheck', nameKey, namespaceKey]),
  ],
};
