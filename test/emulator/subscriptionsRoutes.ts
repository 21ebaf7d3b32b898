/** Microsoft.Resources 2022-12-01 tenants and subscriptions (what @azure/arm-resources-subscriptions calls). */
import type { RouteContext } from './context';
import { page } from './paging';
import { type ArmRequest, route, type Route } from './router';

export function subscriptionsRoutes(ctx: RouteContext): Route[] {
  const sameTenant = (request: ArmRequest, tenantId: unknown): boolean =>
    request.tokenTenantId === undefined || String(tenantId).toLowerCase() === request.tokenTenantId.toLowerCase();
  return [
    route('GET', '/tenants', (request) => ({ status: 200, body: page(ctx.state.tenants, request, ctx.settings.pageSize) })),
    route('GET', '/subscriptions', (request) => ({
      status: 200,
      body: page(ctx.state.subscriptions.filter((s) => sameTenant(request, s.tenantId)), request, ctx.settings.pageSize),
    })),
    route('GET', '/subscriptions/{subscriptionId}', (request) => ({
      status: 200,
      body: ctx.state.subscription(request.params.subscriptionId),
    })),
  ];
}
