import { AUTO_UPGRADE_MODES, type AutoUpgradeMode, type Extension } from '../azure/extensionModel';
import { readFileSync } from 'node:fs';
import { type ExtensionRequest, findExtensionType, type SettingKeyInfo } from '../shared';
import { readSettingsText } from '../shared/settingsText';

/** A string map as the API takes settings. */
export type SettingsMap = Readonly<Record<string, string>>;

/**
 * The pairs of a settings file as the az CLI sends them: non-strings as Python's text of them ("True" for true), and
 * null as null (typed as a string map, since that is what every other value is). The file is only read: protected
 * settings files belong to the user, and nothing here ever writes them.
 */
export function readSettingsFile(file: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const e of readSettingsText(readFileSync(file, 'utf8')).entries) pairs[e.key] = e.kind === 'null' ? (null as unknown as string) : e.text;
  return pairs;
}

/** The configuration settings, or the protected ones, of a request, from its entries or its file. */
export function requestSettings(req: ExtensionRequest, isProtected: boolean): Record<string, string> {
  const [values, file] = isProtected
    ? [req.configurationProtectedSettings, req.configurationProtectedSettingsFile]
    : [req.configurationSettings, req.configurationSettingsFile];
  return values ? { ...values } : file ? readSettingsFile(file) : {};
}

/**
 * The ARM body of a create (PUT) for a request that has passed validation and applyTypeDefaults: what the az CLI's
 * Extension model serializes, where a field the CLI leaves unset is not sent (Azure applies its default).
 */
export function toExtensionBody(req: ExtensionRequest): Extension {
  const plan = req.plan;
  const body: Extension = { extensionType: req.extensionType };
  if (req.autoUpgradeMinorVersion !== undefined) body.autoUpgradeMinorVersion = req.autoUpgradeMinorVersion;
  if (req.autoUpgradeMode) body.autoUpgradeMode = req.autoUpgradeMode;
  if (req.releaseTrain) body.releaseTrain = req.releaseTrain;
  if (req.version) body.version = req.version;
  if (req.scope === 'namespace') body.scope = { namespace: { targetNamespace: req.targetNamespace } };
  else if (req.scope === 'cluster') body.scope = { cluster: { releaseNamespace: req.releaseNamespace } };
  // Maps the CLI passes are sent even when empty; a map it does not pass (Azure Backup's protected settings) is absent.
  if (req.configurationSettings || req.configurationSettingsFile) body.configurationSettings = requestSettings(req, false);
  if (req.configurationProtectedSettings || req.configurationProtectedSettingsFile) body.configurationProtectedSettings = requestSettings(req, true);
  if (plan?.name && plan.product && plan.publisher) body.plan = { name: plan.name, product: plan.product, publisher: plan.publisher };
  return body;
}

/**
 * Stored settings without those the CLI wrote from the cluster it created them on (its ID, name, region, tenant): the
 * target cluster's own are filled in again, as az would for that cluster.
 */
function withoutClusterFacts(cliKeys: readonly SettingKeyInfo[] | undefined, settings: Record<string, string>): Record<string, string> {
  const derived = new Set((cliKeys ?? []).filter((k) => k.filledFrom).map((k) => k.key));
  return derived.size === 0 ? settings : Object.fromEntries(Object.entries(settings).filter(([key]) => !derived.has(key)));
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
  const info = findExtensionType(extension.extensionType ?? '');
  const settings = withoutClusterFacts(info?.storedOnlyKeys, extension.configurationSettings ?? {});
  const plan = extension.plan;
  // Azure records a release namespace even for types that ignore it: sending it back would only draw the rules' warning.
  const releaseNamespace = info?.releaseNamespaceIgnored ? undefined : extension.scope?.cluster?.releaseNamespace;
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
