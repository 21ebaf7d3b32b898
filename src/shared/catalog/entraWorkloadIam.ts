import { guidValue, type CliSettings, type ExtensionTypeInfo } from './extensionType';
import { readFromSettingsOnly } from '../rules/readFromSettingsOnly';
import type { RuleFinding, SettingsView } from '../rules/settingsView';

// Facts from the az k8s-extension EntraWorkloadIAM partner class: four user settings read (ignoring case) only from
// the configuration settings, copied to the chart's keys; the instance name at most 20 characters; release train
// preview unless given.
const userKeys = ['trustDomain', 'tenantId', 'localAuthority', 'joinToken'] as const;
const chartKeys = {
  trustDomain: 'global.workload-iam.trustDomain',
  tenantId: 'global.workload-iam.tenantID',
  joinToken: 'workload-iam-local-authority.localAuthorityArgs.joinToken',
} as const;

function missing(key: string, message: string): RuleFinding {
  return { code: 'entra/missing-setting', severity: 'error', message: `Add ${key} to the configuration settings: ${message}` };
}

function requiredSettings(view: SettingsView): RuleFinding[] {
  const out: RuleFinding[] = [];
  if (view.getIn('settings', 'trustDomain') === undefined) out.push(missing('trustDomain', 'az rejects the extension without a trust domain name.'));
  if (view.getIn('settings', 'tenantId') === undefined) out.push(missing('tenantId', 'az rejects the extension without a tenant ID.'));
  if (view.getIn('settings', 'joinToken') === undefined && view.getIn('settings', 'localAuthority') === undefined) {
    out.push(missing('joinToken or localAuthority', 'az needs a join token, or a local authority to request one for.'));
  }
  return out;
}

/** Without a join token, az runs `az workload-iam` to create one before it creates the extension. */
function joinTokenPrerequisite(view: SettingsView): string | undefined {
  if (view.getIn('settings', 'joinToken') !== undefined || view.getIn('settings', 'localAuthority') === undefined) return undefined;
  return 'Without joinToken, az k8s-extension create first runs "az workload-iam local-authority attestation-method create --td <trustDomain> --la <localAuthority> --type joinTokenAttestationMethod --dn myJoinToken --query singleUseToken" to get a join token. These tools do not: run that command and put the token in joinToken, or run the az k8s-extension command.';
}

/** The user's keys stay as written and their values are copied to the chart's keys, as the CLI does. */
function cliSettings(input: CliSettings): CliSettings {
  const byLowerKey = new Map<string, string>();
  for (const [key, value] of Object.entries(input.settings)) byLowerKey.set(key.toLowerCase(), value);
  const settings = { ...input.settings };
  for (const [userKey, chartKey] of Object.entries(chartKeys)) {
    const value = byLowerKey.get(userKey.toLowerCase());
    if (value !== undefined) settings[chartKey] = value;
  }
  return { settings, protectedSettings: input.protectedSettings };
}

export const entraWorkloadIam: ExtensionTypeInfo = {
  type: 'microsoft.entraworkloadiam',
  displayName: 'Microsoft Entra Workload IAM',
  aliases: ['workloadiam', 'entraworkloadiam'],
  scopes: ['cluster'],
  cliClusterScope: true,
  cliDefaultReleaseTrain: 'preview',
  maxNameLength: 20,
  releaseTrains: ['preview', 'stable'],
  keysCaseSensitive: false,
  openKeySet: true,
  docsUrl: 'https://learn.microsoft.com/entra/workload-id/',
  keys: [
    { key: 'trustDomain', doc: 'Trust domain name of the workload identities. Required; read only from the configuration settings.' },
    { key: 'tenantId', doc: 'Microsoft Entra tenant ID. Required; read only from the configuration settings.', value: guidValue },
    { key: 'localAuthority', doc: 'Local authority name; without joinToken, az requests a join token for it.' },
    // az sends the token as a plain configuration setting: moving it to the protected settings would lose it.
    { key: 'joinToken', doc: 'Single-use join token of the local authority; az sends it as a configuration setting.', secret: false },
  ],
  rules: [requiredSettings, readFromSettingsOnly('entra/read-from-settings-only', userKeys)],
  prerequisites: joinTokenPrerequisite,
  cliSettings,
};
