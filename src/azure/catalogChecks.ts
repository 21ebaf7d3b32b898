import type { AzureAccess } from './azureAccess';
import type { ClusterModel } from './clusterModel';
import type { Extension } from './extensionModel';
import { type CatalogType, type CatalogVersion, excludesAks, listCatalogVersionDetails, listSubscriptionCatalog } from './extensionTypesCatalog';
import { matchesKubernetesVersion } from './kubernetesVersionRange';

/** What is about to be installed, as the catalog checks need it. */
export interface InstallIntent {
  readonly extensionType: string;
  readonly name: string;
  /** The pinned version; undefined when the service picks the newest of the release train. */
  readonly version?: string;
  /** The release train the version comes from (default stable). */
  readonly releaseTrain?: string;
}

const sameName = (a: string | undefined, b: string | undefined): boolean => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
/** Regions compare without case or spaces ("West Europe" = "westeurope"). */
const region = (name: string): string => name.toLowerCase().replace(/\s+/g, '');

/** The version whose support decides: the pinned one, else the newest the catalog lists. */
function versionToInstall(intent: InstallIntent, versions: readonly CatalogVersion[]): CatalogVersion | undefined {
  return intent.version ? versions.find((v) => v.version === intent.version) : versions[0];
}

function unsupportedPattern(version: CatalogVersion, kubernetesVersion: string): string | undefined {
  return version.unsupportedOnManagedClusters.find((p) => matchesKubernetesVersion(p, kubernetesVersion));
}

/**
 * Why the catalog (API 2026-05-01) says this install cannot work on this cluster — region, cluster type, managed
 * identity, one instance per cluster, Kubernetes version — each as one sentence that says what to do; empty when none.
 * `versions` (newest first) may be undefined when they were not needed or could not be read.
 */
export function catalogBlockers(
  type: CatalogType,
  versions: readonly CatalogVersion[] | undefined,
  cluster: ClusterModel,
  intent: InstallIntent,
  existing: readonly Extension[],
): string[] {
  const reasons: string[] = [];
  if (type.supportedRegions.length > 0 && !type.supportedRegions.some((r) => region(r) === region(cluster.location))) {
    reasons.push(`${type.type} is not offered in ${cluster.location}, where ${cluster.name} runs; it is offered in ${type.supportedRegions.join(', ')}.`);
  }
  if (excludesAks(type)) {
    reasons.push(`${type.type} cannot be installed on AKS clusters; it supports ${type.supportedClusterTypes.join(', ')}.`);
  }
  if (type.isManagedIdentityRequired && !cluster.hasManagedIdentity) {
    reasons.push(
      `${type.type} needs a managed identity and ${cluster.name} uses a service principal: run az aks update --resource-group ${cluster.resourceGroup} --name ${cluster.name} --enable-managed-identity first.`,
    );
  }
  const other = existing.find((e) => sameName(e.extensionType, type.type) && !sameName(e.name, intent.name));
  if (type.allowMultipleInstances === false && other) {
    reasons.push(`${cluster.name} already has ${type.type} (as ${other.name ?? ''}), and the type allows one instance per cluster: update that one instead.`);
  }
  const target = versions ? versionToInstall(intent, versions) : undefined;
  const pattern = target && cluster.kubernetesVersion ? unsupportedPattern(target, cluster.kubernetesVersion) : undefined;
  if (target && pattern && cluster.kubernetesVersion) {
    const supported = versions?.find((v) => !unsupportedPattern(v, cluster.kubernetesVersion ?? ''));
    const choice = supported ? `pin ${supported.version} (auto-upgrade off)` : 'choose another release train';
    reasons.push(
      `${type.type} ${target.version} does not run on Kubernetes ${cluster.kubernetesVersion} (the catalog lists ${pattern} as unsupported): upgrade ${cluster.name}, or ${choice}.`,
    );
  }
  return reasons;
}

/**
 * Checks an install against Azure's catalog before anything is sent: the subscription's types (one cached call), the
 * cluster's extensions, and the versions of the type in the cluster's region. A catalog that does not answer, or does
 * not list the type, blocks nothing (the service still decides); `onUnavailable` hears why.
 */
export async function checkInstallAgainstCatalog(
  access: AzureAccess,
  cluster: ClusterModel,
  intent: InstallIntent,
  onUnavailable: (err: unknown) => void,
): Promise<string[]> {
  try {
    const type = (await listSubscriptionCatalog(access, cluster.subscriptionId)).find((t) => sameName(t.type, intent.extensionType));
    if (!type) {
      return [];
    }
    // A type AKS cannot take has no versions for AKS to read: its cluster-type reason says enough.
    const versions = excludesAks(type)
      ? undefined
      : listCatalogVersionDetails(access, cluster, type.type, intent.releaseTrain ?? 'stable').catch((err: unknown) => {
          onUnavailable(err);
          return undefined;
        });
    const [existing, versionList] = await Promise.all([access.listExtensions(cluster), versions]);
    return catalogBlockers(type, versionList, cluster, intent, existing);
  } catch (err) {
    onUnavailable(err);
    return [];
  }
}
