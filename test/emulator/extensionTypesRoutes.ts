/*
 * Extension-types catalog, API 2026-05-01 (…/extensionTypes/stable/2026-05-01/extensionTypes.json) and the older
 * 2024-11-02-preview (same routes but the per-subscription ones): per subscription, by location and by cluster, with
 * versions per release train. Filters: releaseTrain (default stable), publisherId / offerId / planId (Marketplace
 * planInfo), publisher, clusterType, majorVersion, showLatest.
 */
import { notFound } from './armErrors';
import type { RouteContext } from './context';
import { page } from './paging';
import { type ArmRequest, type ArmResponse, route, type Route } from './router';
import type { CatalogExtensionType, JsonObject } from './seed';
import { type ClusterRef, clusterIdOf } from './state';

const PROVIDER = 'providers/Microsoft.KubernetesConfiguration';
const BY_SUBSCRIPTION = `/subscriptions/{subscriptionId}/${PROVIDER}/extensionTypes`;
const BY_LOCATION = `/subscriptions/{subscriptionId}/${PROVIDER}/locations/{location}/extensionTypes`;
const BY_CLUSTER = `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/{clusterRp}/{clusterResourceName}/{clusterName}/${PROVIDER}/extensionTypes`;

interface Scope {
  /** Id prefix of the types listed here, e.g. …/locations/eastus/extensionTypes. */
  typesId: string;
  resourceType: string;
  /** Cluster type the listing is for (route's cluster, or the clusterType filter); undefined = any. */
  clusterType?: string;
}

/** "connectedCluster" and "connectedClusters" both appear in the spec's examples. */
const sameClusterType = (a: string, b: string): boolean => a.toLowerCase().replace(/s$/, '') === b.toLowerCase().replace(/s$/, '');

export function extensionTypesRoutes(ctx: RouteContext): Route[] {
  function scopeOf(request: ArmRequest): Scope {
    const { subscriptionId, location, clusterName } = request.params;
    ctx.state.subscription(subscriptionId);
    if (clusterName === undefined && location === undefined) {
      return {
        typesId: `/subscriptions/${subscriptionId}/${PROVIDER}/extensionTypes`,
        resourceType: 'Microsoft.KubernetesConfiguration/extensionTypes',
        clusterType: request.query.get('clusterType') ?? undefined,
      };
    }
    if (location !== undefined) {
      return {
        typesId: `/subscriptions/${subscriptionId}/${PROVIDER}/locations/${location}/extensionTypes`,
        resourceType: 'Microsoft.KubernetesConfiguration/locations/extensionTypes',
        clusterType: request.query.get('clusterType') ?? undefined,
      };
    }
    const ref = request.params as unknown as ClusterRef;
    ctx.state.cluster(ref);
    return {
      typesId: `${clusterIdOf(ref)}/${PROVIDER}/extensionTypes`,
      resourceType: 'Microsoft.KubernetesConfiguration/extensionTypes',
      clusterType: ref.clusterResourceName,
    };
  }

  function typeOf(request: ArmRequest, scope: Scope): CatalogExtensionType {
    const type = ctx.state.catalogType(request.params.extensionTypeName);
    const supported = (type?.properties.supportedClusterTypes as string[] | undefined) ?? [];
    if (!type || (scope.clusterType !== undefined && supported.length > 0 && !supported.some((s) => sameClusterType(s, scope.clusterType ?? '')))) {
      throw notFound(`${scope.typesId}/${request.params.extensionTypeName}`, 'extension type');
    }
    return type;
  }

  const typeBody = (type: CatalogExtensionType, scope: Scope): JsonObject => ({
    id: `${scope.typesId}/${type.name}`,
    name: type.name,
    type: scope.resourceType,
    properties: type.properties,
  });

  const versionBody = (type: CatalogExtensionType, scope: Scope, version: string): JsonObject => ({
    id: `${scope.typesId}/${type.name}/versions/${version}`,
    name: version,
    type: `${scope.resourceType}/versions`,
    properties: {
      version,
      supportedClusterTypes: type.properties.supportedClusterTypes ?? [],
      ...(type.versionProperties ?? {}),
      ...(type.versionOverrides?.[version] ?? {}),
    },
  });

  const versionsIn = (type: CatalogExtensionType, train: string): string[] | undefined =>
    Object.entries(type.releaseTrains).find(([name]) => name.toLowerCase() === train.toLowerCase())?.[1];

  function listTypes(request: ArmRequest): ArmResponse {
    const scope = scopeOf(request);
    const q = request.query;
    const train = q.get('releaseTrain') ?? 'stable';
    const plan = (type: CatalogExtensionType): JsonObject => (type.properties.planInfo ?? {}) as JsonObject;
    const matches = ctx.state.catalog.filter((type) => {
      const supported = (type.properties.supportedClusterTypes as string[] | undefined) ?? [];
      return (
        versionsIn(type, train) !== undefined &&
        (scope.clusterType === undefined || supported.some((s) => sameClusterType(s, scope.clusterType ?? ''))) &&
        ['publisherId', 'offerId', 'planId'].every((f) => q.get(f) === null || plan(type)[f] === q.get(f)) &&
        (q.get('publisher') === null || String(type.properties.publisher).toLowerCase() === q.get('publisher')?.toLowerCase())
      );
    });
    return { status: 200, body: page(matches.map((t) => typeBody(t, scope)), request, ctx.settings.pageSize) };
  }

  function getType(request: ArmRequest): ArmResponse {
    const scope = scopeOf(request);
    return { status: 200, body: typeBody(typeOf(request, scope), scope) };
  }

  function listVersions(request: ArmRequest): ArmResponse {
    const scope = scopeOf(request);
    const type = typeOf(request, scope);
    const q = request.query;
    const major = q.get('majorVersion');
    let versions = (versionsIn(type, q.get('releaseTrain') ?? 'stable') ?? []).filter(
      (v) => major === null || v.replace(/^v/i, '').split('.')[0] === major,
    );
    if (q.get('showLatest')?.toLowerCase() === 'true') {
      versions = versions.slice(-1);
    }
    return { status: 200, body: page(versions.map((v) => versionBody(type, scope, v)), request, ctx.settings.pageSize) };
  }

  function getVersion(request: ArmRequest): ArmResponse {
    const scope = scopeOf(request);
    const type = typeOf(request, scope);
    const version = request.params.versionNumber;
    if (!Object.values(type.releaseTrains).some((versions) => versions.includes(version))) {
      throw notFound(`${scope.typesId}/${type.name}/versions/${version}`, 'extension type version');
    }
    return { status: 200, body: versionBody(type, scope, version) };
  }

  return [
    route('GET', BY_SUBSCRIPTION, listTypes),
    route('GET', `${BY_SUBSCRIPTION}/{extensionTypeName}`, getType),
    ...[BY_LOCATION, BY_CLUSTER].flatMap((base) => [
    route('GET', base, listTypes),
    route('GET', `${base}/{extensionTypeName}`, getType),
    route('GET', `${base}/{extensionTypeName}/versions`, listVersions),
    route('GET', `${base}/{extensionTypeName}/versions/{versionNumber}`, getVersion),
    ]),
  ];
}
