import { readFileSync } from 'node:fs';
import { findExtensionType } from './catalog';
import { suggestExtensionType } from './catalog/typeSuggestion';
import type { ExtensionTypeInfo } from './catalog/extensionType';
import { catalogForForm, type SettingsForm } from './catalog/storedForm';
import { valueNotStringMessage } from './documentMessages';
import type { ExtensionRequest } from './extensionRequest';
import { immutableChangeMessage, immutableKeysChanged } from './rules/immutability';
import { checkCrossKeyRules, checkSetting } from './rules/settingRules';
import { createSettingsView, type SettingsLocation, type Severity } from './rules/settingsView';
import { readSettingsText } from './settingsText';
import { toMap, validateSettingsDocument } from './validateSettingsDocument';

export interface RequestProblem {
  code: string;
  severity: Severity;
  message: string;
  /** The request field at fault. */
  field?: keyof ExtensionRequest;
  /** The setting at fault, for problems inside the settings. */
  key?: string;
}

export interface ValidateRequestOptions {
  /**
   * 'stored' for settings read back from Azure (recreate, deploy a copy): the keys some types' CLI renames are
   * accepted under their stored names, and every rule applies to them. Default 'typed'.
   */
  settingsForm?: SettingsForm;
  /** For an update: the settings the extension has now, so that keys fixed at creation are refused if they change. */
  settingsBefore?: Readonly<Record<string, string>>;
}

// Helm release names: DNS-1123 subdomain, at most 53 characters.
const releaseNamePattern = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
// Kubernetes namespaces: DNS-1123 label.
const namespacePattern = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function problem(code: string, field: keyof ExtensionRequest, message: string, severity: Severity = 'error'): RequestProblem {
  return { code, severity, message, field };
}

function checkShape(req: ExtensionRequest, info: ExtensionTypeInfo | undefined): RequestProblem[] {
  const out: RequestProblem[] = [];
  if (!req.extensionType?.trim()) out.push(problem('request/missing-extension-type', 'extensionType', 'Choose an extension type, for example microsoft.flux.'));
  if (!req.name || req.name.length > 53 || !releaseNamePattern.test(req.name)) {
    out.push(problem('request/invalid-name', 'name', 'Use a name of at most 53 characters: lower-case letters, digits, "-" and ".", starting and ending with a letter or digit (it becomes the Helm release name).'));
  }
  if (req.configurationSettings && req.configurationSettingsFile) {
    out.push(problem('request/settings-and-file', 'configurationSettingsFile', 'Give configuration settings either as key=value pairs or as a file, not both.'));
  }
  if (req.configurationProtectedSettings && req.configurationProtectedSettingsFile) {
    out.push(problem('request/protected-settings-and-file', 'configurationProtectedSettingsFile', 'Give protected settings either as key=value pairs or as a file, not both.'));
  }
  if (req.scope === 'cluster') {
    if (req.targetNamespace) out.push(problem('request/target-namespace-with-cluster-scope', 'targetNamespace', 'A target namespace is only for namespace scope: remove it, or choose namespace scope.'));
  } else if (req.releaseNamespace) {
    out.push(problem('request/release-namespace-without-cluster-scope', 'releaseNamespace', 'A release namespace is only for cluster scope: choose cluster scope, or remove the release namespace.'));
  }
  if (req.scope === 'namespace' && !req.targetNamespace) {
    out.push(problem('request/namespace-scope-needs-target-namespace', 'targetNamespace', 'Namespace scope needs a target namespace: give the namespace to install into.'));
  }
  if (info?.maxNameLength && req.name && req.name.length > info.maxNameLength) {
    out.push(problem('request/name-too-long', 'name', `az accepts names of at most ${info.maxNameLength} characters for ${info.displayName}: choose a shorter name.`));
  }
  if (info?.cliInstanceName && req.name && req.name !== info.cliInstanceName) {
    out.push(problem('request/name-forced', 'name', `${info.displayName} allows one instance per cluster, and az always names it ${info.cliInstanceName}: it is created under that name.`, 'warning'));
  }
  const suggestion = !info && req.extensionType ? suggestExtensionType(req.extensionType) : undefined;
  if (suggestion) {
    // az sends any type (the service refuses one it does not know): a warning, since it may be a new type.
    out.push(problem('request/unknown-extension-type', 'extensionType', `${req.extensionType} is not an extension type these tools know: did you mean ${suggestion}?`, 'warning'));
  }
  if (info && req.scope === 'namespace' && !info.scopes.includes('namespace')) {
    out.push(problem('request/cluster-scope-only', 'scope', `${info.displayName} can only be installed at cluster scope: choose cluster scope.`));
  }
  for (const field of ['releaseNamespace', 'targetNamespace'] as const) {
    const ns = req[field];
    if (ns && (ns.length > 63 || !namespacePattern.test(ns))) {
      out.push(problem('request/invalid-namespace', field, `"${ns}" is not a valid namespace: use at most 63 lower-case letters, digits and "-", starting and ending with a letter or digit.`));
    }
  }
  return out;
}

function checkVersioning(req: ExtensionRequest, info: ExtensionTypeInfo | undefined): RequestProblem[] {
  const out: RequestProblem[] = [];
  if (req.version && info?.versionIgnored) {
    out.push(problem('request/version-ignored', 'version', `${info.displayName} always upgrades automatically, so the version is ignored: remove it.`, 'warning'));
  } else if (req.version && req.autoUpgradeMinorVersion !== false) {
    out.push(problem('request/version-needs-autoupgrade-off', 'version', 'To pin a version, set auto-upgrade of minor versions to false.'));
  }
  if (req.releaseTrain && req.autoUpgradeMinorVersion === false) {
    out.push(problem('request/release-train-with-autoupgrade-off', 'releaseTrain', 'A release train applies only with auto-upgrade on: remove the release train, or turn auto-upgrade on.'));
  }
  if (req.releaseTrain && info?.releaseTrains && !info.releaseTrains.includes(req.releaseTrain.toLowerCase())) {
    out.push(problem('request/unknown-release-train', 'releaseTrain', `${info.displayName} is published on the release trains ${info.releaseTrains.join(', ')}: choose one of them.`, 'warning'));
  }
  const plan = req.plan ? [req.plan.name, req.plan.product, req.plan.publisher].filter((v) => !!v).length : 0;
  if (plan > 0 && plan < 3) out.push(problem('request/plan-incomplete', 'plan', 'A Marketplace plan needs its name, product and publisher: give all three, or none.'));
  if (info?.releaseNamespaceForced && req.releaseNamespace && req.releaseNamespace !== info.defaultReleaseNamespace) {
    out.push(problem('request/release-namespace-forced', 'releaseNamespace', `${info.displayName} is always installed in the ${info.defaultReleaseNamespace} namespace: remove the release namespace.`, 'warning'));
  }
  if (info?.releaseNamespaceIgnored && req.releaseNamespace) {
    out.push(problem('request/release-namespace-ignored', 'releaseNamespace', `${info.displayName} ignores the release namespace: remove it.`, 'warning'));
  }
  return out;
}

const fileLevelCodes = new Set([
  'settings/empty',
  'settings/invalid-json',
  'settings/not-an-object',
  'settings/duplicate-key',
  'settings/value-not-string',
  'settings/too-deep',
  'settings/byte-order-mark',
]);

interface LoadedSettings {
  map: Map<string, string>;
  problems: RequestProblem[];
}

// Reads a settings file the way the CLI does, reporting its problems with the document rules.
function loadFile(file: string, field: keyof ExtensionRequest, extensionType: string, isProtected: boolean): LoadedSettings {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { map: new Map(), problems: [problem('request/settings-file-unreadable', field, `Cannot read ${file} (${(e as Error).message}): check the path.`)] };
  }
  // Only the problems of the file as such: the settings themselves are checked from the map below.
  const problems = validateSettingsDocument(text, { extensionType, isProtected })
    .filter((d) => fileLevelCodes.has(d.code))
    .map((d) => ({ code: d.code, severity: d.severity, message: d.message, field, ...(d.data?.key ? { key: d.data.key } : {}) }));
  const parsed = readSettingsText(text);
  return { map: parsed.rootKind === 'object' ? toMap(parsed.entries) : new Map(), problems };
}

function loadMap(values: Record<string, string> | undefined, field: keyof ExtensionRequest): LoadedSettings {
  const map = new Map<string, string>();
  const problems: RequestProblem[] = [];
  for (const [key, value] of Object.entries(values ?? {})) {
    // Callers build these maps from user input; guard against non-strings the type cannot rule out.
    const v: unknown = value;
    if (typeof v !== 'string') problems.push({ code: 'settings/value-not-string', severity: 'error', message: valueNotStringMessage(key, 'entry'), field, key });
    map.set(key, typeof v === 'string' ? v : String(v));
  }
  return { map, problems };
}

function settingsOf(req: ExtensionRequest, where: SettingsLocation): LoadedSettings {
  const [values, file, field, fileField] = where === 'settings'
    ? [req.configurationSettings, req.configurationSettingsFile, 'configurationSettings', 'configurationSettingsFile'] as const
    : [req.configurationProtectedSettings, req.configurationProtectedSettingsFile, 'configurationProtectedSettings', 'configurationProtectedSettingsFile'] as const;
  if (!values && file) return loadFile(file, fileField, req.extensionType, where === 'protected');
  return loadMap(values, field);
}

/**
 * Every rule the CLI applies to a create or update, plus the per-type settings rules (the same
 * functions the settings-file validator uses). Settings files named in the request are read.
 */
export function validateExtensionRequest(req: ExtensionRequest, options: ValidateRequestOptions = {}): RequestProblem[] {
  const info = req.extensionType ? findExtensionType(req.extensionType) : undefined;
  const out = [...checkShape(req, info), ...checkVersioning(req, info)];
  const settings = settingsOf(req, 'settings');
  const protectedSettings = settingsOf(req, 'protected');
  out.push(...settings.problems, ...protectedSettings.problems);
  const fieldOf = (where: SettingsLocation): keyof ExtensionRequest =>
    where === 'settings'
      ? req.configurationSettingsFile && !req.configurationSettings ? 'configurationSettingsFile' : 'configurationSettings'
      : req.configurationProtectedSettingsFile && !req.configurationProtectedSettings ? 'configurationProtectedSettingsFile' : 'configurationProtectedSettings';
  const form = info && catalogForForm(info, options.settingsForm ?? 'typed');
  for (const [where, loaded] of [['settings', settings], ['protected', protectedSettings]] as const) {
    for (const [key, value] of loaded.map) {
      for (const f of checkSetting(form?.info, key, value, where)) out.push({ code: f.code, severity: f.severity, message: f.message, field: fieldOf(where), key });
    }
  }
  const view = createSettingsView(settings.map, protectedSettings.map, form?.info.keysCaseSensitive ?? true, form?.names);
  for (const f of checkCrossKeyRules(form?.info, view)) {
    const where = f.key !== undefined ? f.in ?? view.where(f.key) ?? 'settings' : 'settings';
    out.push({ code: f.code, severity: f.severity, message: f.message, field: fieldOf(where), ...(f.key !== undefined ? { key: f.key } : {}) });
  }
  const prerequisite = form?.info.prerequisites?.(view);
  if (prerequisite && !options.settingsBefore) out.push({ code: 'request/az-creates-resources', severity: 'error', message: prerequisite, field: 'extensionType' });
  // A request without settings leaves them as they are (an update sends only what changes).
  if (options.settingsBefore && (req.configurationSettings || req.configurationSettingsFile)) {
    const after = Object.fromEntries(settings.map);
    for (const key of immutableKeysChanged(req.extensionType, options.settingsBefore, after)) {
      out.push({ code: 'settings/immutable-changed', severity: 'error', message: immutableChangeMessage(req.extensionType, key, options.settingsBefore), field: fieldOf('settings'), key });
    }
  }
  return out;
}
