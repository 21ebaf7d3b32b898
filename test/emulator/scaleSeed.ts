/*
 * A fleet-sized seed for the emulator, generated rather than stored: by default 1,000 AKS clusters over 3
 * subscriptions, 6 regions, resource groups per team/environment/region, tags, and about 4 extensions per cluster with
 * the drift a real fleet shows (older versions, pinned versions with auto-upgrade off, Failed installs, operations
 * running or stuck, clusters without a given type and clusters without any). Deterministic: the same options give the
 * same seed (a fixed pseudo-random sequence; `now` only dates the running operations).
 *
 * Chosen by environment (`seedFromEnvironment`, used by `npm run emulator`, `npm start` and the test runners):
 *   AKSEXT_SEED=scale  AKSEXT_SEED_CLUSTERS=1000  AKSEXT_SEED_SUBSCRIPTIONS=3
 * or programmatically: `startEmulator({ seed: scaleSeed({ clusters: 500, subscriptions: 1 }) })`.
 * Tenants and the extension-types catalog are the default seed's; extension bodies are cloned from the default seed's
 * instance of each type, so their settings stay valid for the shared rules.
 */
import { loadSeed, type JsonObject, type SeedData, type SeedExtension } from './seed';

export interface ScaleSeedOptions {
  /** Number of AKS clusters (default 1,000). */
  clusters?: number;
  /** Number of subscriptions the clusters are spread over, round-robin (default 3). */
  subscriptions?: number;
  /** The time running operations are dated from (default: now); half of them started minutes ago, half hours ago. */
  now?: Date;
}

export const SCALE_SEED_ENV = 'AKSEXT_SEED';
export const SCALE_SEED_CLUSTERS_ENV = 'AKSEXT_SEED_CLUSTERS';
export const SCALE_SEED_SUBSCRIPTIONS_ENV = 'AKSEXT_SEED_SUBSCRIPTIONS';

const CONTOSO_TENANT = '4a1b7c2d-5e6f-4a8b-9c0d-1e2f3a4b5c6d';
const REGIONS = ['eastus', 'westeurope', 'westus2', 'northeurope', 'southeastasia', 'uksouth'];
const ENVIRONMENTS = ['prod', 'staging', 'dev'];
const TEAMS = ['payments', 'platform', 'data', 'web'];
const KUBERNETES_VERSIONS = ['1.29.9', '1.30.6', '1.30.6', '1.31.2', '1.31.2', '1.32.0'];
const SUBSCRIPTION_NAMES = ['Fleet Retail', 'Fleet Payments', 'Fleet Data', 'Fleet Platform', 'Fleet Edge', 'Fleet Labs'];

/** Extension types the fleet runs, with how many clusters carry each (a cluster may carry any number of them). */
const TYPE_SHARES: { extensionType: string; share: number }[] = [
  { extensionType: 'microsoft.flux', share: 0.97 },
  { extensionType: 'microsoft.azuremonitor.containers', share: 0.95 },
  { extensionType: 'microsoft.dataprotection.kubernetes', share: 0.75 },
  { extensionType: 'microsoft.dapr', share: 0.65 },
  { extensionType: 'Microsoft.AppConfiguration', share: 0.4 },
  { extensionType: 'microsoft.azurecontainerstorage', share: 0.4 },
  { extensionType: 'Microsoft.AzureML.Kubernetes', share: 0.15 },
];

const SHARE = { stopped: 0.03, servicePrincipal: 0.02, bare: 0.05, pinned: 0.08, failed: 0.02, running: 0.01 };
const SEEDED_AT = '2025-09-02T10:15:00.000Z';

/** mulberry32: a tiny, well-known deterministic generator; uniform in [0, 1). */
function randomSequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Subscription ids of the scale seed, in order (stable: tests and benchmarks may name them). */
export function scaleSubscriptionId(index: number): string {
  return `f1ee7000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;
}

function subscriptionBody(index: number): JsonObject {
  const subscriptionId = scaleSubscriptionId(index);
  const base = SUBSCRIPTION_NAMES[index % SUBSCRIPTION_NAMES.length];
  const displayName = index < SUBSCRIPTION_NAMES.length ? base : `${base} ${Math.floor(index / SUBSCRIPTION_NAMES.length) + 1}`;
  return {
    id: `/subscriptions/${subscriptionId}`,
    subscriptionId,
    tenantId: CONTOSO_TENANT,
    displayName,
    state: 'Enabled',
    subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: 'EnterpriseAgreement_2014-09-01', spendingLimit: 'Off' },
    authorizationSource: 'RoleBased',
    managedByTenants: [],
    tags: {},
  };
}

interface ClusterPlan {
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  stopped: boolean;
  servicePrincipal: boolean;
}

function clusterBody(plan: ClusterPlan, env: string, team: string, kubernetesVersion: string, index: number): JsonObject {
  const dnsPrefix = `${plan.name}-dns`;
  const fqdn = `${dnsPrefix}-${index.toString(16).padStart(8, '0')}.hcp.${plan.location}.azmk8s.io`;
  const power = { code: plan.stopped ? 'Stopped' : 'Running' };
  return {
    id: plan.id,
    location: plan.location,
    name: plan.name,
    type: 'Microsoft.ContainerService/managedClusters',
    tags: { env, team, costCenter: `cc-${1000 + (index % 7) * 100}` },
    sku: { name: 'Base', tier: env === 'prod' ? 'Standard' : 'Free' },
    properties: {
      provisioningState: 'Succeeded',
      powerState: power,
      kubernetesVersion,
      currentKubernetesVersion: kubernetesVersion,
      dnsPrefix,
      fqdn,
      agentPoolProfiles: [{
        name: 'systempool', count: 3, vmSize: 'Standard_D4ds_v5', osType: 'Linux', mode: 'System', type: 'VirtualMachineScaleSets',
        provisioningState: 'Succeeded', powerState: power, orchestratorVersion: kubernetesVersion, currentOrchestratorVersion: kubernetesVersion,
      }],
      servicePrincipalProfile: { clientId: plan.servicePrincipal ? `5e1f0000-0000-4000-8000-${String(index).padStart(12, '0')}` : 'msi' },
      nodeResourceGroup: `MC_${plan.resourceGroup}_${plan.name}_${plan.location}`,
      enableRBAC: true,
    },
    ...(plan.servicePrincipal ? {} : { identity: { type: 'SystemAssigned', principalId: `c1a55000-0000-4000-8000-${String(index).padStart(12, '0')}`, tenantId: CONTOSO_TENANT } }),
  };
}

/** One extension of `extensionType` on a cluster: the default seed's instance of that type with this fleet's state. */
function extensionOn(
  clusterId: string,
  template: SeedExtension,
  versions: string[],
  random: () => number,
  now: Date,
): SeedExtension {
  const properties = structuredClone(template.properties);
  delete properties.configurationProtectedSettings; // the fleet's copies hold none: keeps the seed free of secrets
  delete properties.errorInfo;
  const roll = random();
  // Newest version on most clusters, the one before on some, the oldest few on the rest.
  const version = roll < 0.8 || versions.length === 1 ? versions[versions.length - 1] : roll < 0.93 ? versions[versions.length - 2] : versions[Math.floor(random() * (versions.length - 1))];
  const pinned = random() < SHARE.pinned;
  const stateRoll = random();
  const failed = stateRoll < SHARE.failed;
  const running = !failed && stateRoll < SHARE.failed + SHARE.running;
  const provisioningState = failed ? 'Failed' : running ? (random() < 0.5 ? 'Creating' : 'Updating') : 'Succeeded';
  const lastModifiedAt = running ? new Date(now.getTime() - (random() < 0.5 ? 5 * 60_000 : 3 * 3600_000)).toISOString() : SEEDED_AT;
  Object.assign(properties, {
    autoUpgradeMinorVersion: !pinned,
    version: pinned ? version : null,
    provisioningState,
    // A failed or first install has no installed version yet.
    currentVersion: failed || provisioningState === 'Creating' ? null : version,
    statuses: failed
      ? [{ code: 'InstallationFailed', displayStatus: 'Failed', level: 'Error', message: `Helm release of '${template.name}' failed: pods not ready (CrashLoopBackOff)`, time: SEEDED_AT }]
      : [],
    ...(failed ? { errorInfo: { code: 'ExtensionOperationFailed', message: `The extension operation failed: Helm installation of '${template.name}' timed out waiting for pods to become ready.` } } : {}),
  });
  // A release train goes only with auto-upgrade (the service rejects it otherwise).
  if (pinned) {
    delete properties.releaseTrain;
  } else {
    properties.releaseTrain = 'Stable';
  }
  const systemData = { ...(template.systemData ?? {}), lastModifiedAt };
  return { clusterId, name: template.name, properties, systemData };
}

/** Generates the scale seed (see the file comment). */
export function scaleSeed(options: ScaleSeedOptions = {}): SeedData {
  const clusterCount = options.clusters ?? 1000;
  const subscriptionCount = options.subscriptions ?? 3;
  if (!Number.isInteger(clusterCount) || clusterCount < 1 || !Number.isInteger(subscriptionCount) || subscriptionCount < 1) {
    throw new Error(`scale seed: clusters and subscriptions must be positive integers, got ${clusterCount} and ${subscriptionCount}`);
  }
  const now = options.now ?? new Date();
  const base = loadSeed();
  const random = randomSequence(0x5ca1e);
  const templates = new Map<string, SeedExtension>();
  for (const extension of base.extensions) {
    const type = String(extension.properties.extensionType).toLowerCase();
    if (!templates.has(type)) {
      templates.set(type, extension);
    }
  }
  const stableVersions = (type: string): string[] =>
    base.extensionTypes.find((t) => t.name.toLowerCase() === type.toLowerCase())?.releaseTrains.stable ?? [];

  const subscriptions = Array.from({ length: subscriptionCount }, (_, i) => subscriptionBody(i));
  const resourceGroups = new Map<string, { subscriptionId: string; name: string; location: string }>();
  const clusters: JsonObject[] = [];
  const extensions: SeedExtension[] = [];
  for (let index = 0; index < clusterCount; index++) {
    const subscriptionId = scaleSubscriptionId(index % subscriptionCount);
    const location = REGIONS[Math.floor(random() * REGIONS.length)];
    const env = ENVIRONMENTS[Math.floor(random() * ENVIRONMENTS.length)];
    const team = TEAMS[Math.floor(random() * TEAMS.length)];
    const resourceGroup = `rg-${team}-${env}-${location}`;
    resourceGroups.set(`${subscriptionId}/${resourceGroup}`, { subscriptionId, name: resourceGroup, location });
    const name = `aks-${team}-${env}-${location}-${String(index + 1).padStart(4, '0')}`;
    const plan: ClusterPlan = {
      id: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${name}`,
      name,
      subscriptionId,
      resourceGroup,
      location,
      stopped: random() < SHARE.stopped,
      servicePrincipal: random() < SHARE.servicePrincipal,
    };
    clusters.push(clusterBody(plan, env, team, KUBERNETES_VERSIONS[Math.floor(random() * KUBERNETES_VERSIONS.length)], index));
    // Service-principal clusters cannot take extensions; some managed-identity clusters have none yet.
    if (plan.servicePrincipal || random() < SHARE.bare) {
      continue;
    }
    for (const { extensionType, share } of TYPE_SHARES) {
      const template = templates.get(extensionType.toLowerCase());
      if (template && random() < share) {
        extensions.push(extensionOn(plan.id, template, stableVersions(extensionType), random, now));
      }
    }
  }
  return {
    tenants: base.tenants,
    subscriptions,
    resourceGroups: [...resourceGroups.values()],
    clusters,
    extensions,
    extensionTypes: base.extensionTypes,
  };
}

function positiveIntegerFromEnv(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') {
    return undefined;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a positive integer, got '${raw}'`);
  }
  return value;
}

/** The seed the environment asks for: the scale seed when AKSEXT_SEED=scale, otherwise undefined (the default seed). */
export function seedFromEnvironment(env: NodeJS.ProcessEnv = process.env): SeedData | undefined {
  const choice = env[SCALE_SEED_ENV]?.trim().toLowerCase();
  if (!choice || choice === 'default') {
    return undefined;
  }
  if (choice !== 'scale') {
    throw new Error(`${SCALE_SEED_ENV} must be 'scale' or 'default', got '${env[SCALE_SEED_ENV]}'`);
  }
  return scaleSeed({
    clusters: positiveIntegerFromEnv(env, SCALE_SEED_CLUSTERS_ENV),
    subscriptions: positiveIntegerFromEnv(env, SCALE_SEED_SUBSCRIPTIONS_ENV),
  });
}
