import { createPipelineRequest, RestError } from '@azure/core-rest-pipeline';
import { extensionTypes } from '../shared/catalog';
import { AKS_CLUSTER_RESOURCE, AKS_CLUSTER_RP, type AzureAccess } from './azureAccess';
import type { ClusterModel } from './clusterModel';

/** The extension-types API is preview only and absent from the 6.x SDK; it is called through the same client pipeline. */
const CATALOG_API_VERSION = '2024-11-02-preview';
/** A catalog is a few dozen types; more pages than this means a nextLink loop. */
const MAX_PAGES = 20;

/** An extension type the cluster can take, as the create flow offers it. */
export interface CatalogType {
  readonly type: string;
  readonly description?: string;
  readonly defaultScope?: 'cluster' | 'namespace';
  readonly defaultReleaseNamespace?: string;
}

/** Where the offered types came from: Azure's catalog for this cluster, or the built-in list when it did not answer. */
export interface CatalogAnswer {
  readonly types: readonly CatalogType[];
  readonly source: 'azure' | 'builtIn';
}

interface CatalogTypeBody {
  name?: string;
  properties?: {
    description?: string;
    supportedScopes?: { defaultScope?: string; clusterScopeSettings?: { properties?: { defaultReleaseNamespace?: string } } };
  };
}

interface VersionBody {
  properties?: { version?: string };
}

function clusterScopePath(cluster: ClusterModel): string {
  return `/subscriptions/${cluster.subscriptionId}/resourceGroups/${cluster.resourceGroup}/providers/${AKS_CLUSTER_RP}/${AKS_CLUSTER_RESOURCE}/${cluster.name}/providers/Microsoft.KubernetesConfiguration/extensionTypes`;
}

/** GETs every page of a list through the subscription's client (its credential, retry policy and token host guard). */
async function getAll<T>(access: AzureAccess, cluster: ClusterModel, path: string, query: Record<string, string>): Promise<T[]> {
  const clients = access.clientsFor(cluster.subscriptionId);
  const client = clients.kubernetesConfiguration;
  // The subscription's cloud endpoint (the client's $host stays the public cloud's default whatever the endpoint option).
  const first = new URL(`${clients.subscription.environment.resourceManagerEndpointUrl.replace(/\/$/, '')}${path}`);
  for (const [key, value] of Object.entries({ ...query, 'api-version': CATALOG_API_VERSION })) {
    first.searchParams.set(key, value);
  }
  const items: T[] = [];
  let url: string | undefined = first.toString();
  for (let page = 0; url && page < MAX_PAGES; page++) {
    const request = createPipelineRequest({ url, method: 'GET' });
    const response = await client.sendRequest(request);
    if (response.status >= 400) {
      throw new RestError(`Listing extension types failed with status ${response.status}`, { statusCode: response.status, request, response });
    }
    const body = JSON.parse(response.bodyAsText ?? '{}') as { value?: T[]; nextLink?: string | null };
    items.push(...(body.value ?? []));
    url = body.nextLink ?? undefined;
  }
  return items;
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
    })),
  };
}

/** The extension types Azure offers for this cluster, else the built-in catalog; `onFallback` hears why Azure did not answer. */
export async function listCatalogTypes(access: AzureAccess, cluster: ClusterModel, onFallback: (err: unknown) => void): Promise<CatalogAnswer> {
  try {
    const bodies = await getAll<CatalogTypeBody>(access, cluster, clusterScopePath(cluster), {});
    const types = bodies
      .filter((b): b is CatalogTypeBody & { name: string } => typeof b.name === 'string')
      .map((b): CatalogType => {
        const scope = b.properties?.supportedScopes?.defaultScope?.toLowerCase();
        return {
          type: b.name,
          description: b.properties?.description,
          defaultScope: scope === 'namespace' || scope === 'cluster' ? scope : undefined,
          defaultReleaseNamespace: b.properties?.supportedScopes?.clusterScopeSettings?.properties?.defaultReleaseNamespace,
        };
      });
    return types.length > 0 ? { source: 'azure', types } : builtInCatalog();
  } catch (err) {
    onFallback(err);
    return builtInCatalog();
  }
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
    const bodies = await getAll<VersionBody>(access, cluster, `${clusterScopePath(cluster)}/${encodeURIComponent(type)}/versions`, { releaseTrain });
    return bodies
      .map((b) => b.properties?.version)
      .filter((v): v is string => typeof v === 'string')
      .sort((a, b) => b.localeCompare(a, undefined, { numeric: true }));
  } catch (err) {
    onFallback(err);
    return [];
  }
}
