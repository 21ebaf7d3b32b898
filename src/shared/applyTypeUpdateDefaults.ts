import { findExtensionType } from './catalog';

/** What an update (PATCH) sends, in the API's terms; a null setting removes the key. */
export interface UpdatePatch {
  autoUpgradeMinorVersion?: boolean;
  version?: string;
  releaseTrain?: string;
  configurationSettings?: Record<string, string | null>;
}

/** What the CLI reads of the extension before it updates it. */
export interface ExtensionBeforeUpdate {
  extensionType?: string;
  /** The pinned version (Azure returns none while auto-upgrade is on). */
  version?: string | null;
  autoUpgradeMinorVersion?: boolean;
}

/** The patch to send, and the settings the CLI's partner class added to it (for the review to list). */
export interface CompletedPatch {
  patch: UpdatePatch;
  added: Readonly<Record<string, string>>;
}

const semver = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

function comparePrerelease(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    if (pa[i] === undefined) return -1;
    if (pb[i] === undefined) return 1;
    const numeric = /^\d+$/.test(pa[i]) && /^\d+$/.test(pb[i]);
    const order = numeric ? Number(pa[i]) - Number(pb[i]) : pa[i] < pb[i] ? -1 : pa[i] > pb[i] ? 1 : 0;
    if (order !== 0) return order;
  }
  return 0;
}

/** Dapr._is_downgrade: semver order; a version semver cannot read counts as a downgrade (the safe answer). */
function isDowngrade(to: string, from: string): boolean {
  const a = semver.exec(to);
  const b = semver.exec(from);
  if (!a || !b) return true;
  for (let i = 1; i <= 3; i++) {
    if (Number(a[i]) !== Number(b[i])) return Number(a[i]) < Number(b[i]);
  }
  return comparePrerelease(a[4], b[4]) < 0;
}

// Dapr.Update: the apply-CRDs hook is off when auto-upgrade is not asked for on an auto-upgrading extension, on a
// downgrade, or on the same version; on otherwise (it may have been turned off by an earlier downgrade).
function daprApplyCrds(before: ExtensionBeforeUpdate, patch: UpdatePatch): string {
  const from = before.version ?? undefined;
  if (before.autoUpgradeMinorVersion && !patch.autoUpgradeMinorVersion) return 'false';
  if (from && patch.version && isDowngrade(patch.version, from)) return 'false';
  if (from && patch.version && patch.version === from) return 'false';
  return 'true';
}

// AzureMLKubernetes.__normalize_config and Update: the router's service type and load balancer, and the SSL secret,
// are also written under the chart's scoringFe keys (Python booleans, so "True" / "False").
function azuremlScoringKeys(settings: Record<string, string | null>): Record<string, string> {
  const added: Record<string, string> = {};
  const serviceType = settings.inferenceRouterServiceType;
  if (serviceType) added['scoringFe.serviceType.nodePort'] = serviceType.toLowerCase() === 'nodeport' ? 'True' : 'False';
  const balancer = settings.internalLoadBalancerProvider;
  if (balancer) added['scoringFe.serviceType.internalLoadBalancer'] = balancer.toLowerCase() === 'azure' ? 'True' : 'False';
  if (settings.sslSecret) added['scoringFe.sslSecret'] = settings.sslSecret;
  return added;
}

/**
 * Completes an update as `az k8s-extension update` does for the type (the partner class's Update), so the PATCH the
 * tools send carries what az would add. Keys the user sets are never overwritten. Returns a new patch.
 */
export function applyTypeUpdateDefaults(before: ExtensionBeforeUpdate, patch: UpdatePatch): CompletedPatch {
  const type = findExtensionType(before.extensionType ?? '')?.type;
  const settings = { ...patch.configurationSettings };
  const proposed: Record<string, string> =
    type === 'microsoft.dapr' ? { 'hooks.applyCrds': daprApplyCrds(before, patch) }
    : type === 'Microsoft.AzureML.Kubernetes' ? azuremlScoringKeys(settings)
    : {};
  const added: Record<string, string> = {};
  for (const [key, value] of Object.entries(proposed)) {
    if (key in settings) continue;
    settings[key] = value;
    added[key] = value;
  }
  if (Object.keys(added).length === 0) return { patch: { ...patch }, added };
  return { patch: { ...patch, configurationSettings: settings }, added };
}
