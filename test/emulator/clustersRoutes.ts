/** Microsoft.ContainerService/managedClusters list, list by resource group, get (bodies as seeded). */
import { notFound } from './armErrors';
import type { RouteContext } from './context';
import { page } from './paging';
import { route, type Route } from './router';

const MANAGED_CLUSTERS = 'Microsoft.ContainerService/managedClusters';

export function clustersRoutes(ctx: RouteContext): Route[] {
  return [
    route('GET', `/subscriptions/{subscriptionId}/providers/${MANAGED_CLUSTERS}`, (request) => {
      ctx.state.subscription(request.params.subscriptionId);
      const clusters = ctx.state.clustersOfType(MANAGED_CLUSTERS, request.params.subscriptionId);
      return { status: 200, body: page(clusters, request, ctx.settings.pageSize) };
    }),
    route('GET', `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/${MANAGED_CLUSTERS}`, (request) => {
      const { subscriptionId, resourceGroupName } = request.params;
      ctx.state.requireResourceGroup(subscriptionId, resourceGroupName);
      const clusters = ctx.state.clustersOfType(MANAGED_CLUSTERS, subscriptionId, resourceGroupName);
      return { status: 200, body: page(clusters, request, ctx.settings.pageSize) };
    }),
    route('GET', `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/${MANAGED_CLUSTERS}/{resourceName}`, (request) => {
      const { subscriptionId, resourceGroupName, resourceName } = request.params;
      ctx.state.requireResourceGroup(subscriptionId, resourceGroupName);
      const id = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}/providers/${MANAGED_CLUSTERS}/${resourceName}`;
      const cluster = ctx.state.clusters.get(id.toLowerCase());
      if (!cluster) {
        throw notFound(id, 'managed cluster');
      }
      return { status: 200, body: cluster };
    }),
  ];
}
