import { extensionTypes } from '../shared/catalog';
import type { AzureAccess } from './azureAccess';
import type { ClusterModel } from './clusterModel';
import { EXTENSION_TYPES_API_VERSION } from './extensionModel';

const PROVIDER = 'providers/Microsoft.KubernetesConfiguration';

/** A Marketplace type's plan, from the catalog's planInfo (non-Marketplace types carry only a publisherId). */
export interface CatalogPlan {
  readonly name: string;
  readonly product: string;
  readonly publisher: string;
}

/** An extension type as the catalog (API 2026-05-01) describes it. */
export interface CatalogType {
  readonly type: string;
  readonly description?: string;
  readonly publisher?: string;
  readonly defaultScope?: 'cluster' | 'namespace';
  readonly defaultReleaseNamespace?: string;
  /** False when a cluster may hold only one instance of the type; undefined when the catalog does not say. */
  readonly allowMultipleInstances?: boolean;
  readonly isManagedIdentityRequired?: boolean;
  readonly isSystemExtension?: boolean;
  readonly plan?: CatalogPlan;
  /** Cluster resource types (managedClusters, connectedClusters, …); empty means the catalog does not restrict them. */
  readonly supportedClusterTypes: readonly string[];
  /** Regions; empty means the catalog does not restrict them. */
  readonly supportedRegions: readonly string[];
}

/** Where the offered types came from: Azure's catalog, or the built-in list when it did not answer. */
export interface CatalogAnswer {
  readonly types: readonly CatalogType[];
  readonly source: 'azure' | 'builtIn';
}

/** A version of a type, with the Kubernetes versions it does not run on, per cluster kind. */
export interface CatalogVersion {
  readonly version: string;
  /** Version patterns (`1.29`, `1.18..1.21`, `>1.30`) that AKS (managedCluster) clusters must not run. */
  readonly unsupportedOnManagedClusters: readonly string[];
}

interface CatalogTypeBody {
  name?: string;
  properties?: {
    description?: string;
    publisher?: string;
    isManagedIdentityRequired?: boolean;
    isSystemExtension?: boolean;
    supportedClusterTypes?: string[] | null;
    supportedRegions?: string[] | null;
    planInfo?: { publisherId?: string | null; planId?: string | null; offerId?: string | null } | null;
    supportedScopes?: {
      defaultScope?: string;
      // The spec nests these under `properties`; the service's own answers (az recordings, spec examples) put them flat.
      clusterScopeSettings?: ({ allowMultipleInstances?: boolean; defaultReleaseNamespace?: string | null } & {
        properties?: { allowMultipleInstances?: boolean; defaultReleaseNamespace?: string | null };
      }) | null;
    } | null;
  };
}

interface VersionBody {
  properties?: {
    version?: string;
    unsupportedKubernetesVersions?: { managedCluster?: { distributions?: string[]; unsupportedVersions?: string[] }[] | null } | null;
  };
}

/** The catalog's view of a type, from one list entry. */
export function catalogTypeFromBody(body: CatalogTypeBody & { name: string }): CatalogType {
  const p = body.properties ?? {};
  const scopeSettings = p.supportedScopes?.clusterScopeSettings;
  const settings = scopeSettings?.properties ?? scopeSettings ?? undefined;
  const scope = p.supportedScopes?.defaultScope?.toLowerCase();
  const plan = p.planInfo;
  return {
    type: body.name,
    description: p.description,
    publisher: p.publisher,
    defaultScope: scope === 'namespace' || scope === 'cluster' ? scope : undefined,
    defaultReleaseNamespace: settings?.defaultReleaseNamespace ?? undefined,
    allowMultipleInstances: settings?.allowMultipleInstances,
    isManagedIdentityRequired: p.isManagedIdentityRequired,
    isSystemExtension: p.isSystemExtension,
    plan: plan?.planId && plan.offerId && plan.publisherId ? { name: plan.planId, product: plan.offerId, publisher: plan.publisherId } : undefined,
    supportedClusterTypes: p.supportedClusterTypes ?? [],
    supportedRegions: p.supportedRegions ?? [],
  };
}

/** The built-in catalog, for when Azure's catalog does not answer. */
export function builtInCatalog(): CatalogAnswer {
  return {
    source: 'builtIn',
    types: extensionTypes.map((t) => ({
      type: t.type,
      description: t.displayName,
      defaultScope: t.scopes[0],
      defaultReleaseNamespace: t.defaultReleaseNamespace,
      supportedClusterTypes: [],
      supportedRegions: [],
    })),
  };
}

/**
 * The extension types of a subscription: one call per subscription (API 2026-05-01) serves every cluster in it,
 * whatever its region; region and cluster-type support are in each entry. No clusterType filter: it would save no
 * call, and a type AKS cannot take must stay known to say so when someone types its name.
 */
export function listSubscriptionCatalog(access: AzureAccess, subscriptionId: string): Promise<CatalogType[]> {
  return access.catalogTypes.get(`/subscriptions/${subscriptionId}/catalog`, async () => {
    const client = access.clientsFor(subscriptionId).kubernetesConfiguration;
    const bodies = await client.listAll<CatalogTypeBody>(`/subscriptions/${encodeURIComponent(subscriptionId)}/${PROVIDER}/extensionTypes`, {
      'api-version': EXTENSION_TYPES_API_VERSION,
    });
    return bodies.filter((b): b is CatalogTypeBody & { name: string } => typeof b.name === 'string').map(catalogTypeFromBody);
  });
}

/** True when the type lists cluster types and AKS (managedClusters) is not among them. */
export function excludesAks(type: CatalogType): boolean {
  return type.supportedClusterTypes.length > 0 && !type.supportedClusterTypes.some((t) => /^managedclusters?$/i.test(t));
}

/** The extension types Azure offers AKS clusters in this cluster's (or this) subscription, else the built-in catalog; `onFallback` hears why. */
export async function listCatalogTypes(access: AzureAccess, cluster: Pick<ClusterModel, 'subscriptionId'>, onFallback: (err: unknown) => void): Promise<CatalogAnswer> {
  try {
    const types = (await listSubscriptionCatalog(access, cluster.subscriptionId)).filter((t) => !excludesAks(t));
    return types.length > 0 ? { source: 'azure', types } : builtInCatalog();
  } catch (err) {
    onFallback(err);
    return builtInCatalog();
  }
}

/** Versions of a type in a release train in the cluster's region, newest first, with the Kubernetes versions each cannot run on. */
export function listCatalogVersionDetails(access: AzureAccess, cluster: ClusterModel, type: string, releaseTrain: string): Promise<CatalogVersion[]> {
  const path = `/subscriptions/${encodeURIComponent(cluster.subscriptionId)}/${PROVIDER}/locations/${encodeURIComponent(cluster.location)}/extensionTypes/${encodeURIComponent(type)}/versions`;
  return access.catalogVersions.get(`${path}/${releaseTrain}`, async () => {
    const client = access.clientsFor(cluster.subscriptionId).kubernetesConfiguration;
    const bodies = await client.listAll<VersionBody>(path, { 'api-version': EXTENSION_TYPES_API_VERSION, releaseTrain, clusterType: 'managedClusters' });
    return bodies
      .filter((b) => typeof b.properties?.version === 'string')
      .map((b) => ({
        version: b.properties?.version ?? '',
        unsupportedOnManagedClusters: (b.properties?.unsupportedKubernetesVersions?.managedCluster ?? []).flatMap((m) => m.unsupportedVersions ?? []),
      }))
      .sort((a, b) => b.version.localeCompare(a.version, undefined, { numeric: true }));
  });
}

/** Versions of a type in a release train (newest first), or none when the catalog does not answer. */
export async function listCatalogVersions(
  access: AzureAccess,
  cluster: ClusterModel,
  type: string,
  releaseTrain: string,
  onFallback: (err: unknown) => void,
): Promise<string[]> {
  try {
    return (await listCatalogVersionDetails(access, cluster, type, releaseTrain)).map((v) => v.version);
  } catch (err) {
    onFallback(err);
    return [];
  }
}
