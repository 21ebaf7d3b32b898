import { CONTROL_PREFIX } from './emulatorTypes';

export interface ArmRequest {
  method: string;
  /** Path without the query, as received (not decoded). */
  path: string;
  query: URLSearchParams;
  /** Decoded path parameters named as in the spec's templates. */
  params: Record<string, string>;
  body: unknown;
  /** e.g. https://127.0.0.1:12345, for absolute links (nextLink, Azure-AsyncOperation). */
  baseUrl: string;
  /** The `tid` claim when the bearer token is a JWT (see auth.ts); undefined for opaque fake tokens. */
  tokenTenantId?: string;
}

export interface ArmResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (request: ArmRequest) => ArmResponse;

export interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

/** A route for a spec path template such as `/subscriptions/{subscriptionId}/…`; ARM matches paths case-insensitively. */
export function route(method: string, template: string, handler: Handler): Route {
  const source = template
    .split('/')
    .map((segment) => {
      const name = /^\{(\w+)\}$/.exec(segment)?.[1];
      return name ? `(?<${name}>[^/]+)` : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { method, pattern: new RegExp(`^${source}/?$`, 'i'), handler };
}

export type RouteMatch = { route: Route; params: Record<string, string> } | 'method-not-allowed' | undefined;

export function matchRoute(routes: Route[], method: string, path: string): RouteMatch {
  let pathKnown = false;
  for (const candidate of routes) {
    const match = candidate.pattern.exec(path);
    if (!match) {
      continue;
    }
    pathKnown = true;
    if (candidate.method === method) {
      const params: Record<string, string> = {};
      for (const [name, value] of Object.entries(match.groups ?? {})) {
        params[name] = decodeURIComponent(value);
      }
      return { route: candidate, params };
    }
  }
  return pathKnown ? 'method-not-allowed' : undefined;
}

export function isControlPath(path: string): boolean {
  return path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`);
}
