/*
 * Azure Resource Graph, `POST /providers/Microsoft.ResourceGraph/resources` (2024-04-01), for the one query the product
 * sends (INVENTORY_QUERY, recognised by its text with whitespace folded); any other query gets Resource Graph's 400
 * error shape. Answers from the emulator's own state as Resource Graph would:
 * - lag: Resource Graph reads a copy of the state that it refreshes only once the copy is `resourceGraphLagMs` old, so a
 *   change shows up to that long later (0: always current);
 * - paging: 1,000 rows a page (or options.$top), `$skipToken` naming the copy and the offset, so every page of one
 *   query reads the same copy; totalRecords, count, resultTruncated "false";
 * - quota: 15 queries per 5 s per user (token tenant), told in x-ms-user-quota-remaining / x-ms-user-quota-resets-after
 *   (hh:mm:ss); over it, 429 RateLimiting with Retry-After;
 * - `resourceGraphForbidden`: 403 AuthorizationFailed (a tenant whose policy denies Resource Graph, or a cloud without it).
 */
import { INVENTORY_QUERY, type InventoryExtension, type InventoryRow, normalizedQuery } from '../../src/azure/inventoryQuery';
import type { RouteContext } from './context';
import type { ArmResponse } from './router';
import { route, type Route } from './router';
import type { EmulatorState } from './state';

const PAGE_ROWS = 1000;
const QUOTA_QUERIES = 15;
const QUOTA_WINDOW_MS = 5000;
const MANAGED_CLUSTERS = 'microsoft.containerservice/managedclusters';

interface GraphCopy {
  id: number;
  takenAt: number;
  rows: InventoryRow[];
}

interface QueryBody {
  query?: unknown;
  subscriptions?: unknown;
  options?: { $skipToken?: unknown; $top?: unknown; $skip?: unknown };
}

/** Resource Graph's error body: `{ error: { code, message, details: [{ code, message }] } }`. */
function graphError(status: number, code: string, message: string, detail?: { code: string; message: string }, headers: Record<string, string> = {}): ArmResponse {
  return { status, body: { error: { code, message, ...(detail ? { details: [detail] } : {}) } }, headers };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The rows INVENTORY_QUERY yields for the current state: one per managed cluster, with its extensions. */
function inventoryRows(state: EmulatorState): InventoryRow[] {
  const extensionsByCluster = new Map<string, InventoryExtension[]>();
  for (const { clusterId, body } of state.extensions.values()) {
    const p = body.properties;
    const list = extensionsByCluster.get(clusterId.toLowerCase()) ?? [];
    list.push({
      id: body.id,
      name: body.name,
      extensionType: p.extensionType,
      provisioningState: p.provisioningState,
      currentVersion: p.currentVersion ?? '',
      version: p.version ?? '',
      autoUpgradeMinorVersion: p.autoUpgradeMinorVersion ?? null,
      autoUpgradeMode: text(p.autoUpgradeMode),
      managedBy: text(body.managedBy),
      releaseTrain: text(p.releaseTrain),
      errorMessage: text((p.errorInfo as { message?: string } | undefined)?.message),
      lastModifiedAt: text(body.systemData.lastModifiedAt),
    });
    extensionsByCluster.set(clusterId.toLowerCase(), list);
  }
  const rows: InventoryRow[] = [];
  for (const cluster of state.clusters.values()) {
    if (text(cluster.type).toLowerCase() !== MANAGED_CLUSTERS) {
      continue;
    }
    const id = text(cluster.id);
    const [, , subscriptionId, , resourceGroup] = id.split('/');
    const properties = (cluster.properties ?? {}) as Record<string, unknown>;
    const identity = cluster.identity as { type?: string } | undefined;
    rows.push({
      clusterId: id.toLowerCase(),
      clusterName: text(cluster.name),
      subscriptionId,
      resourceGroup: resourceGroup.toLowerCase(), // Resource Graph lower-cases resourceGroup
      location: text(cluster.location),
      tags: (cluster.tags as Record<string, string> | undefined) ?? null,
      kubernetesVersion: text(properties.currentKubernetesVersion) || text(properties.kubernetesVersion),
      powerState: text((properties.powerState as { code?: string } | undefined)?.code),
      identityType: text(identity?.type),
      servicePrincipalClientId: text((properties.servicePrincipalProfile as { clientId?: string } | undefined)?.clientId),
      // make_list over a leftouter join: no extension gives an empty list
      extensions: extensionsByCluster.get(id.toLowerCase()) ?? [],
    });
  }
  return rows.sort((a, b) => (a.clusterId < b.clusterId ? -1 : a.clusterId > b.clusterId ? 1 : 0));
}

function encodeSkipToken(copy: number, offset: number): string {
  return Buffer.from(JSON.stringify({ copy, offset })).toString('base64');
}

function decodeSkipToken(token: string): { copy: number; offset: number } | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { copy?: unknown; offset?: unknown };
    return typeof parsed.copy === 'number' && typeof parsed.offset === 'number' ? { copy: parsed.copy, offset: parsed.offset } : undefined;
  } catch {
    return undefined;
  }
}

function hhmmss(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

/** Per-user query quota: a fixed window of QUOTA_WINDOW_MS starting at the user's first query in it. */
class GraphQuota {
  private readonly windows = new Map<string, { startedAt: number; used: number }>();

  take(user: string, now = Date.now()): { allowed: boolean; headers: Record<string, string> } {
    let window = this.windows.get(user);
    if (!window || now - window.startedAt >= QUOTA_WINDOW_MS) {
      window = { startedAt: now, used: 0 };
      this.windows.set(user, window);
    }
    const allowed = window.used < QUOTA_QUERIES;
    if (allowed) {
      window.used += 1;
    }
    const resetsAfterMs = window.startedAt + QUOTA_WINDOW_MS - now;
    return {
      allowed,
      headers: { 'x-ms-user-quota-remaining': String(QUOTA_QUERIES - window.used), 'x-ms-user-quota-resets-after': hhmmss(resetsAfterMs) },
    };
  }
}

export function resourceGraphRoutes(ctx: RouteContext): Route[] {
  const copies = new Map<number, GraphCopy>();
  let latest: GraphCopy | undefined;
  let nextCopyId = 1;
  let quota = new GraphQuota();
  let stateSeen: EmulatorState | undefined;

  /** After a reset (a new state object) Resource Graph starts afresh: no copies, a full quota. */
  function startAfreshAfterReset(): void {
    if (stateSeen !== ctx.state) {
      stateSeen = ctx.state;
      copies.clear();
      latest = undefined;
      quota = new GraphQuota();
    }
  }

  /** Resource Graph's copy of the state: refreshed once it is older than the lag. */
  function currentCopy(now: number): GraphCopy {
    if (!latest || now - latest.takenAt >= ctx.settings.resourceGraphLagMs) {
      latest = { id: nextCopyId++, takenAt: now, rows: inventoryRows(ctx.state) };
      copies.set(latest.id, latest);
      for (const id of [...copies.keys()].filter((id) => id < latest!.id - 8)) {
        copies.delete(id); // a paging client finishes long before eight newer copies exist
      }
    }
    return latest;
  }

  return [
    route('POST', '/providers/Microsoft.ResourceGraph/resources', (request) => {
      startAfreshAfterReset();
      const user = request.tokenTenantId ?? 'default-user';
      const taken = quota.take(user);
      if (!taken.allowed) {
        return graphError(429, 'RateLimiting', 'Please provide below info when asking for support: timestamp, correlation id. Too many requests, please retry later.', {
          code: 'RateLimiting',
          message: `Client application has been throttled and should not attempt to repeat the request until an amount of time has elapsed. Retry after ${taken.headers['x-ms-user-quota-resets-after']}.`,
        }, { ...taken.headers, 'Retry-After': String(Math.max(1, Math.ceil(quotaSeconds(taken.headers)))) });
      }
      if (ctx.settings.resourceGraphForbidden) {
        return graphError(403, 'AuthorizationFailed', 'The client does not have authorization to perform action \'Microsoft.ResourceGraph/resources/read\' over this scope.', undefined, taken.headers);
      }
      const body = (request.body ?? {}) as QueryBody;
      if (normalizedQuery(text(body.query)) !== normalizedQuery(INVENTORY_QUERY)) {
        return graphError(400, 'BadRequest', 'Please provide below info when asking for support: timestamp, correlation id. The query is not supported by the local emulator.', {
          code: 'InvalidQuery',
          message: 'Query is invalid. Please refer to the documentation for the Azure Resource Graph service and fix the error before retrying.',
        }, taken.headers);
      }
      const token = text(body.options?.$skipToken);
      const position = token ? decodeSkipToken(token) : { copy: currentCopy(Date.now()).id, offset: 0 };
      const copy = position && copies.get(position.copy);
      if (!position || !copy) {
        return graphError(400, 'BadRequest', 'The $skipToken is invalid or has expired; run the query again without it.', { code: 'InvalidSkipToken', message: 'The skip token is not valid.' }, taken.headers);
      }
      const scopes = Array.isArray(body.subscriptions) ? new Set(body.subscriptions.map((s) => text(s).toLowerCase())) : undefined;
      const rows = scopes ? copy.rows.filter((r) => scopes.has(r.subscriptionId.toLowerCase())) : copy.rows;
      const top = typeof body.options?.$top === 'number' ? Math.min(PAGE_ROWS, body.options.$top) : PAGE_ROWS;
      const offset = position.offset + (typeof body.options?.$skip === 'number' && !token ? body.options.$skip : 0);
      const data = rows.slice(offset, offset + top);
      const more = offset + top < rows.length;
      return {
        status: 200,
        headers: taken.headers,
        body: {
          totalRecords: rows.length,
          count: data.length,
          resultTruncated: 'false',
          ...(more ? { $skipToken: encodeSkipToken(copy.id, offset + top) } : {}),
          data,
          facets: [],
        },
      };
    }),
  ];
}

function quotaSeconds(headers: Record<string, string>): number {
  const [h, m, s] = headers['x-ms-user-quota-resets-after'].split(':').map(Number);
  return h * 3600 + m * 60 + s;
}
