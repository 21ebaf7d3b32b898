import { findExtensionType } from './catalog';
import { type RequestTarget, toStoredSettings } from './catalog/storedForm';
import type { ExtensionRequest } from './extensionRequest';

/**
 * Fills in what the az CLI fills in for a type before it calls Azure, so a request sent by the
 * extension behaves as the same `az k8s-extension create` would. Returns a new request.
 */
export function applyTypeDefaults(req: ExtensionRequest, target: RequestTarget = {}): ExtensionRequest {
  const info = findExtensionType(req.extensionType);
  if (!info) return { ...req };
  const out: ExtensionRequest = { ...req, extensionType: info.type };
  if (!out.scope && !info.scopes.includes('namespace')) out.scope = 'cluster';
  if (info.releaseNamespaceForced) out.releaseNamespace = info.defaultReleaseNamespace;
  if (info.releaseNamespaceIgnored) delete out.releaseNamespace;
  if (info.versionIgnored) {
    delete out.version;
    out.autoUpgradeMinorVersion = true;
  }
  if (info.protectedSettingsIgnored) {
    // The CLI builds the resource without them, so Azure never receives them from the tools either.
    delete out.configurationProtectedSettings;
    delete out.configurationProtectedSettingsFile;
  }
  if (!out.releaseTrain && out.autoUpgradeMinorVersion !== false) out.releaseTrain = 'stable';
  if (info.type === 'microsoft.dapr') applyDaprDefaults(out);
  if (out.configurationSettings) {
    // Types such as Azure Backup are configured under other names than the CLI's flags; the CLI renames them.
    out.configurationSettings = toStoredSettings(info, out.configurationSettings, target);
  }
  return out;
}

// The CLI asks interactively whether Dapr is installed; a tool cannot, so it decides from the settings.
function applyDaprDefaults(out: ExtensionRequest): void {
  const settings = { ...out.configurationSettings };
  const existingName = settings.existingDaprReleaseName;
  const existingNamespace = settings.existingDaprReleaseNamespace;
  if (settings.skipExistingDaprCheck !== 'true' && existingName && existingNamespace) {
    // Take over the existing Helm release: same release name and namespace, and HA off unless set.
    out.name = existingName;
    out.releaseNamespace = existingNamespace;
    settings['global.ha.enabled'] ??= 'false';
  } else {
    settings.skipExistingDaprCheck = 'true';
    out.releaseNamespace ??= 'dapr-system';
  }
  settings['global.clusterType'] ??= 'managedclusters';
  if (!out.configurationSettingsFile) out.configurationSettings = settings;
}

/** False for types whose protected settings the CLI never sends (Azure Backup): the commands do not ask for them. */
export function acceptsProtectedSettings(extensionType: string): boolean {
  return !findExtensionType(extensionType)?.protectedSettingsIgnored;
}
