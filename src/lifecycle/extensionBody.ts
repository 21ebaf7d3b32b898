import { AUTO_UPGRADE_MODES, type AutoUpgradeMode, type Extension } from '../azure/extensionModel';
import { readFileSync } from 'node:fs';
import { type ExtensionRequest, findExtensionType } from '../shared';
import { readSettingsText } from '../shared/settingsText';

/** A string map as the API takes settings. */
export type SettingsMap = Readonly<Record<string, string>>;

/**
 * The pairs of a settings file as the CLI passes them on (non-strings as their JSON text). The file is only read:
 * protected settings files belong to the user, and nothing here ever writes them.
 */
export function readSettingsFile(file: string): Record<string, string> {
  return Object.fromEntries(readSettingsText(readFileSync(file, 'utf8')).entries.map((e) => [e.key, e.text]));
}

/** The configuration settings, or the protected ones, of a request, from its entries or its file. */
export function requestSettings(req: ExtensionRequest, isProtected: boolean): Record<string, string> {
  const [values, file] = isProtected
    ? [req.configurationProtectedSettings, req.configurationProtectedSettingsFile]
    : [req.configurationSettings, req.configurationSettingsFile];
  return values ? { ...values } : file ? readSettingsFile(file) : {};
}

function nonEmpty(map: Record<string, string>): Record<string, string> | undefined {
  return Object.keys(map).length > 0 ? map : undefined;
}

/** The ARM body of a create (PUT) for a request that has passed validation (and applyTypeDefaults). */
export function toExtensionBody(req: ExtensionRequest): Extension {
  const autoUpgrade = req.autoUpgradeMinorVersion ?? true;
  const plan = req.plan;
  return {
    extensionType: req.extensionType,
    autoUpgradeMinorVersion: autoUpgrade,
    autoUpgradeMode: req.autoUpgradeMode,
    // The service rejects a version unless auto-upgrade is off, and a release train when it is off.
    version: autoUpgrade ? undefined : req.version,
    releaseTrain: autoUpgrade ? req.releaseTrain : undefined,
    scope:
      req.scope === 'namespace'
        ? { namespace: { targetNamespace: req.targetNamespace } }
        : { cluster: { releaseNamespace: req.releaseNamespace } },
    configurationSettings: nonEmpty(requestSettings(req, false)),
    configurationProtectedSettings: nonEmpty(requestSettings(req, true)),
    plan: plan?.name && plan.product && plan.publisher ? { name: plan.name, product: plan.product, publisher: plan.publisher } : undefined,
  };
}

function isKnownMode(mode: string | undefined): mode is AutoUpgradeMode {
  return AUTO_UPGRADE_MODES.includes(mode as AutoUpgradeMode);
}

/**
 * The request that would create this extension again (recreate, deploy elsewhere). Azure never returns protected
 * settings, so they are absent for the caller to ask for again.
 */
export function requestFromExtension(extension: Extension): ExtensionRequest {
  const namespaceScope = extension.scope?.namespace !== undefined && extension.scope.cluster === undefined;
  const pinned = extension.autoUpgradeMinorVersion === false;
  const settings = extension.configurationSettings ?? {};
  const plan = extension.plan;
  // Azure records a release namespace even for types that ignore it: sending it back would only draw the rules' warning.
  const releaseNamespace = findExtensionType(extension.extensionType ?? '')?.releaseNamespaceIgnored ? undefined : extension.scope?.cluster?.releaseNamespace;
  return {
    name: extension.name ?? '',
    extensionType: extension.extensionType ?? '',
    scope: namespaceScope ? 'namespace' : 'cluster',
    ...(namespaceScope ? { targetNamespace: extension.scope?.namespace?.targetNamespace } : { releaseNamespace }),
    autoUpgradeMinorVersion: !pinned,
    // The service's default (compatible) is left out, so a copy sends what az would.
    ...(isKnownMode(extension.autoUpgradeMode) && extension.autoUpgradeMode !== 'compatible' ? { autoUpgradeMode: extension.autoUpgradeMode } : {}),
    ...(pinned ? { version: extension.version ?? extension.currentVersion } : { releaseTrain: extension.releaseTrain }),
    ...(Object.keys(settings).length > 0 ? { configurationSettings: { ...settings } } : {}),
    ...(plan ? { plan: { name: plan.name, product: plan.product, publisher: plan.publisher } } : {}),
  };
}
