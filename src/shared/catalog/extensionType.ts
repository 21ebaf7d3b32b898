import type { RuleFinding, SettingsView } from '../rules/settingsView';

/**
 * A value check for one setting: a closed list, or a pattern with a human description. `cliChecked`: the az CLI itself
 * rejects other values (an error here); otherwise az sends any value and only the extension may fail (a warning).
 */
export type ValueConstraint =
  | { kind: 'enum'; values: readonly string[]; caseSensitive?: boolean; cliChecked?: boolean }
  | { kind: 'pattern'; pattern: RegExp; description: string; cliChecked?: boolean };

/** One configuration setting an extension type understands. */
export interface SettingKeyInfo {
  key: string;
  doc: string;
  default?: string;
  value?: ValueConstraint;
  /** 'required': the CLI reads it only from protected settings; 'recommended': it is a secret. */
  protected?: 'required' | 'recommended';
  /** Set to false when the name looks secret but is not (e.g. the name of a Kubernetes secret). */
  secret?: false;
  /** The setting cannot change once the extension exists. */
  immutableAfterCreate?: boolean;
  /** The key Azure stores the setting under, when the CLI renames it before sending (Azure Backup). */
  storedAs?: string;
  /** For keys the CLI writes itself: what of the target cluster it fills them in from. */
  filledFrom?: 'tenantId' | 'clusterId' | 'clusterName' | 'location';
}

/** A cross-key rule: reads both maps through the view and reports what is wrong. */
export type CrossKeyRule = (view: SettingsView) => RuleFinding[];

/** What the target cluster tells the CLI when it fills in a request (the tools read the same from Azure). */
export interface CliTarget {
  /** Tenant of the cluster's subscription (Azure Backup records it in its settings). */
  readonly tenantId?: string;
  readonly clusterId?: string;
  readonly clusterName?: string;
  /** The cluster's region, lower case as the CLI reads it. */
  readonly location?: string;
  /** Nodes over all agent pools (AzureML sizes itself for clusters under three nodes). */
  readonly nodeCount?: number;
}

/** The two maps of a request as the CLI holds them while its partner class fills them in. */
export interface CliSettings {
  settings: Record<string, string>;
  protectedSettings: Record<string, string>;
}

/**
 * Azure resources or keys the CLI creates or reads before it sends the extension (a Log Analytics workspace, a data
 * collection rule, an Azure Monitor workspace, a join token): the tools do not, so they stop and say what az would do.
 */
export type PrerequisiteCheck = (view: SettingsView) => string | undefined;

export type ExtensionScope = 'cluster' | 'namespace';

/** Everything the tools know about one extension type: data plus a few small rule functions. */
export interface ExtensionTypeInfo {
  /** The type as the docs spell it; compared case-insensitively. */
  type: string;
  displayName: string;
  /** Short names used in file names (`<base>.<alias>.settings.json`), lower case. */
  aliases: readonly string[];
  scopes: readonly ExtensionScope[];
  defaultReleaseNamespace?: string;
  /** The CLI always installs into defaultReleaseNamespace, whatever the user asks. */
  releaseNamespaceForced?: boolean;
  /** The CLI ignores --release-namespace for this type. */
  releaseNamespaceIgnored?: boolean;
  releaseTrains?: readonly string[];
  /** The CLI always auto-upgrades this type; a pinned version is ignored. */
  versionIgnored?: boolean;
  /** The CLI sends no protected settings for this type, so the tools neither ask for nor send them. */
  protectedSettingsIgnored?: boolean;
  /** Settings the CLI adds itself, found only in the settings as Azure stores them (e.g. the tenant ID). */
  storedOnlyKeys?: readonly SettingKeyInfo[];
  /** Key prefixes (ending in ".") whose settings cannot change once the extension exists. */
  immutablePrefixes?: readonly string[];
  keysCaseSensitive: boolean;
  /**
   * What a new instance's settings start with when az refuses the type without settings: the create wizard opens its
   * settings editor with them first and offers no "None".
   */
  newInstanceSettings?: Readonly<Record<string, string>>;
  /**
   * The documented keys are a subset of what the chart accepts: unknown keys are reported only
   * when they are a near miss of a known one.
   */
  openKeySet: boolean;
  /** Wording for unknown keys when the set is closed, e.g. that the CLI drops them. */
  unknownKeyNote?: string;
  /** The CLI rejects the same key in settings and protected settings (otherwise a warning). */
  duplicateAcrossFilesIsError?: boolean;
  keys: readonly SettingKeyInfo[];
  rules: readonly CrossKeyRule[];
  docsUrl: string;
  /** The CLI has a partner class for the type: it always sends cluster scope (the default class sends none unless asked). */
  cliClusterScope?: boolean;
  /** The instance name the CLI uses whatever name is given (types that allow one instance per cluster). */
  cliInstanceName?: string;
  /** The release train the CLI sends when none is given; without it, none is sent and Azure chooses. */
  cliDefaultReleaseTrain?: string;
  /** The longest instance name the CLI accepts for the type. */
  maxNameLength?: number;
  /** What the CLI's partner class adds, renames or drops in the settings before sending (after the checks passed). */
  cliSettings?: (input: CliSettings, target: CliTarget) => CliSettings;
  /** Resources az creates or reads first; a non-empty answer stops a create with that explanation. */
  prerequisites?: PrerequisiteCheck;
}

export const booleanValue: ValueConstraint = { kind: 'enum', values: ['true', 'false'] };
export const integerValue: ValueConstraint = { kind: 'pattern', pattern: /^\d+$/, description: 'a whole number' };
export const durationValue: ValueConstraint = {
  kind: 'pattern',
  pattern: /^(\d+(\.\d+)?(ms|s|m|h))+$/,
  description: 'a duration such as 500ms, 30s or 5m',
};
export const quantityValue: ValueConstraint = {
  kind: 'pattern',
  pattern: /^\d+(\.\d+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/,
  description: 'a Kubernetes quantity such as 500m, 1, 128Mi or 2Gi',
};
/** The CLI's is_valid_resource_id: /subscriptions/<id>/resourceGroups/<group>/providers/<namespace>/<type>/<name>. */
export const resourceIdPattern = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/[^/]+\/[^/]+\/[^/]+(\/[^/]+\/[^/]+)*$/i;
export const resourceIdValue: ValueConstraint = {
  kind: 'pattern',
  pattern: resourceIdPattern,
  description: 'an Azure resource ID such as /subscriptions/<id>/resourceGroups/<group>/providers/<namespace>/<type>/<name>',
};
export const guidValue: ValueConstraint = {
  kind: 'pattern',
  pattern: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
  description: 'a GUID such as 00000000-0000-0000-0000-000000000000',
};
