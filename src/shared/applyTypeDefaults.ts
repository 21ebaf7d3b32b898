import { findExtensionType } from './catalog';
import type { CliTarget, ExtensionTypeInfo } from './catalog/extensionType';
import type { ExtensionRequest } from './extensionRequest';

/**
 * Fills in what the az CLI fills in for a type before it calls Azure (custom.create_k8s_extension and the type's
 * partner class), so a request sent by the extension carries the body the same `az k8s-extension create` sends.
 * Expects settings as entries (files already read) and a request that passed validateExtensionRequest. Returns a
 * new request.
 */
export function applyTypeDefaults(req: ExtensionRequest, target: CliTarget = {}): ExtensionRequest {
  const info = findExtensionType(req.extensionType);
  // create_k8s_extension lower-cases the type and starts from empty maps, which its SDK sends as {} (the recorded
  // az requests show "configurationProtectedSettings": {}).
  const out: ExtensionRequest = { ...req, extensionType: req.extensionType.trim().toLowerCase() };
  if (!out.configurationSettingsFile) out.configurationSettings ??= {};
  if (!out.configurationProtectedSettingsFile) out.configurationProtectedSettings ??= {};
  if (!info) return out;
  // The default class sends a scope only when one is given; partner classes always build a cluster scope.
  if (info.cliClusterScope) out.scope = 'cluster';
  if (info.cliInstanceName) out.name = info.cliInstanceName;
  if (info.releaseNamespaceForced) out.releaseNamespace = info.defaultReleaseNamespace;
  if (info.versionIgnored) {
    delete out.version;
    out.autoUpgradeMinorVersion = true;
  }
  if (!out.releaseTrain && info.cliDefaultReleaseTrain) out.releaseTrain = info.cliDefaultReleaseTrain;
  if (info.type === 'microsoft.dapr') applyDaprDefaults(out);
  applyCliSettings(info, out, target);
  return out;
}

function applyCliSettings(info: ExtensionTypeInfo, out: ExtensionRequest, target: CliTarget): void {
  if (!info.cliSettings) return;
  const { settings, protectedSettings } = info.cliSettings(
    { settings: { ...out.configurationSettings }, protectedSettings: { ...out.configurationProtectedSettings } },
    target,
  );
  out.configurationSettings = settings;
  out.configurationProtectedSettings = protectedSettings;
  if (info.protectedSettingsIgnored) {
    // The partner class builds the resource without them: the body has no protected settings at all.
    delete out.configurationProtectedSettings;
    delete out.configurationProtectedSettingsFile;
  }
}

// The CLI asks interactively whether Dapr is installed; a tool cannot, so it decides from the settings: with both
// existing-release keys it takes that release over, as az does; otherwise it answers "no" and records
// skipExistingDaprCheck so the request reads the same as an unattended az command.
function applyDaprDefaults(out: ExtensionRequest): void {
  const settings = { ...out.configurationSettings };
  const existingName = settings.existingDaprReleaseName;
  const existingNamespace = settings.existingDaprReleaseNamespace;
  if (settings.skipExistingDaprCheck !== 'true' && existingName && existingNamespace) {
    out.name = existingName;
    out.releaseNamespace = existingNamespace;
    settings['global.ha.enabled'] ??= 'false';
  } else {
    settings.skipExistingDaprCheck ??= 'true';
    out.releaseNamespace ??= 'dapr-system';
  }
  // Dapr.Create overwrites the cluster type for AKS, whatever the settings say.
  settings['global.clusterType'] = 'managedclusters';
  if (!out.configurationSettingsFile) out.configurationSettings = settings;
}

/** False for types whose protected settings the CLI never sends (Azure Backup): the commands do not ask for them. */
export function acceptsProtectedSettings(extensionType: string): boolean {
  return !findExtensionType(extensionType)?.protectedSettingsIgnored;
}
