import { type ExtensionRequest, findExtensionType, toTypedSettings } from '../shared';
import type { SettingsMap } from './extensionBody';

/** The cluster an `az k8s-extension` line targets. */
export interface AzClusterRef {
  readonly name: string;
  readonly resourceGroup: string;
  readonly subscriptionId: string;
}

/** What stands in the command line for a protected value: the value itself never leaves the flow. */
export function protectedPlaceholder(key: string): string {
  return `<value of ${key}>`;
}

/** Quotes a word for a POSIX shell (bash, zsh, Cloud Shell), only when it needs it. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:=@,+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

function line(words: readonly string[]): string {
  return words.map(shellQuote).join(' ');
}

function target(cluster: AzClusterRef): string[] {
  return [
    '--cluster-name',
    cluster.name,
    '--resource-group',
    cluster.resourceGroup,
    '--cluster-type',
    'managedClusters',
    '--subscription',
    cluster.subscriptionId,
  ];
}

/**
 * az k8s-extension has no flag for API 2025-03-01's autoUpgradeMode: the line that sets it after the create or update,
 * through `az rest` (Resource Manager, the same API version this extension sends).
 */
function autoUpgradeModeLine(cluster: AzClusterRef, name: string, mode: string): string {
  const url = `https://management.azure.com/subscriptions/${cluster.subscriptionId}/resourceGroups/${cluster.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${cluster.name}/providers/Microsoft.KubernetesConfiguration/extensions/${name}?api-version=2025-03-01`;
  return line(['az', 'rest', '--method', 'patch', '--url', url, '--body', JSON.stringify({ properties: { autoUpgradeMode: mode } })]);
}

/** The flags for one kind of settings: entries (protected values as placeholders) or the file, named by its path. */
function settingsFlags(values: SettingsMap | undefined, file: string | undefined, isProtected: boolean): string[] {
  const flag = isProtected ? '--configuration-protected-settings' : '--configuration-settings';
  if (values && Object.keys(values).length > 0) {
    return [flag, ...Object.keys(values).map((key) => `${key}=${isProtected ? protectedPlaceholder(key) : values[key]}`)];
  }
  return file ? [`${flag}-file`, file] : [];
}

/** `az k8s-extension create` for a request. */
export function createCommandLine(cluster: AzClusterRef, req: ExtensionRequest): string {
  const words = ['az', 'k8s-extension', 'create', '--name', req.name, '--extension-type', req.extensionType, ...target(cluster)];
  if (req.scope) {
    words.push('--scope', req.scope);
  }
  if (req.scope !== 'namespace' && req.releaseNamespace) {
    words.push('--release-namespace', req.releaseNamespace);
  }
  if (req.scope === 'namespace' && req.targetNamespace) {
    words.push('--target-namespace', req.targetNamespace);
  }
  const autoUpgrade = req.autoUpgradeMinorVersion ?? true;
  words.push('--auto-upgrade-minor-version', String(autoUpgrade));
  if (!autoUpgrade && req.version) {
    words.push('--version', req.version);
  }
  if (autoUpgrade && req.releaseTrain) {
    words.push('--release-train', req.releaseTrain);
  }
  // Settings read back from Azure are in its stored form; az takes the CLI's own keys.
  const info = findExtensionType(req.extensionType);
  const settings = info && req.configurationSettings ? toTypedSettings(info, req.configurationSettings) : req.configurationSettings;
  words.push(
    ...settingsFlags(settings, req.configurationSettingsFile, false),
    ...settingsFlags(req.configurationProtectedSettings, req.configurationProtectedSettingsFile, true),
  );
  if (req.plan?.name && req.plan.product && req.plan.publisher) {
    words.push('--plan-name', req.plan.name, '--plan-product', req.plan.product, '--plan-publisher', req.plan.publisher);
  }
  const mode = autoUpgrade && req.autoUpgradeMode && req.autoUpgradeMode !== 'compatible' ? `\n${autoUpgradeModeLine(cluster, req.name, req.autoUpgradeMode)}` : '';
  return `${line(words)}${mode}`;
}

/** What an update changes; absent fields stay as they are. */
export interface UpdateChange {
  readonly autoUpgradeMinorVersion?: boolean;
  readonly autoUpgradeMode?: 'none' | 'patch' | 'compatible';
  readonly version?: string;
  readonly releaseTrain?: string;
  /** Added and changed settings. */
  readonly settings?: SettingsMap;
  /** Settings to remove. */
  readonly removedSettings?: readonly string[];
  /** The complete new set of protected settings, as entries or a file (only the protected-settings flow sets it). */
  readonly protectedSettings?: SettingsMap;
  readonly protectedSettingsFile?: string;
}

/** `az k8s-extension update` for a change. */
export function updateCommandLine(cluster: AzClusterRef, name: string, change: UpdateChange): string {
  const words = ['az', 'k8s-extension', 'update', '--name', name, ...target(cluster)];
  if (change.autoUpgradeMinorVersion !== undefined) {
    words.push('--auto-upgrade-minor-version', String(change.autoUpgradeMinorVersion));
  }
  if (change.version) {
    words.push('--version', change.version);
  }
  if (change.releaseTrain) {
    words.push('--release-train', change.releaseTrain);
  }
  words.push(...settingsFlags(change.settings, undefined, false));
  words.push(...settingsFlags(change.protectedSettings, change.protectedSettingsFile, true));
  const text = change.autoUpgradeMode ? `${line(words)}\n${autoUpgradeModeLine(cluster, name, change.autoUpgradeMode)}` : line(words);
  // The CLI has no flag that removes a setting (ARM removes a key sent as null); say so rather than drop it silently.
  const removed = change.removedSettings ?? [];
  return removed.length > 0 ? `${text}  # also removes ${removed.join(', ')} (not expressible with az; sent as null by this extension)` : text;
}

/** `az k8s-extension delete`, with `--force` for a force delete. */
export function deleteCommandLine(cluster: AzClusterRef, name: string, force: boolean): string {
  return line(['az', 'k8s-extension', 'delete', '--name', name, ...target(cluster), '--yes', ...(force ? ['--force'] : [])]);
}

/** `az k8s-extension show`. */
export function showCommandLine(cluster: AzClusterRef, name: string): string {
  return line(['az', 'k8s-extension', 'show', '--name', name, ...target(cluster)]);
}
