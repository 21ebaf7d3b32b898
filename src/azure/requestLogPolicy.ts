import type { PipelinePolicy, PipelineRequest } from '@azure/core-rest-pipeline';

/** Where the request log goes: one line per ARM request (the extension's output channel). */
export type RequestLogger = (line: string) => void;

/**
 * The path and the query parameters' names: enough for support to find the call, while ids that a query value could
 * carry (skip tokens) and every body stay out of the log.
 */
function pathOf(request: PipelineRequest): string {
  const url = new URL(request.url);
  const apiVersion = url.searchParams.get('api-version');
  const otherParameters = [...url.searchParams.keys()].filter((k) => k !== 'api-version');
  const query = [apiVersion ? `api-version=${apiVersion}` : undefined, ...otherParameters.map((k) => `${k}=…`)].filter(Boolean).join('&');
  return query ? `${url.pathname}?${query}` : url.pathname;
}

/**
 * Logs each ARM request as a support ticket needs it: method, path, status, duration, and the ids Azure support traces
 * a call by (our client request id, Azure's request and correlation ids). Never a header value that authenticates,
 * never a body, so no setting's value can reach the log. Per retry: every attempt, throttled ones too, is one line.
 */
export function requestLogPolicy(log: RequestLogger): PipelinePolicy {
  return {
    name: 'aksClusterExtensionsRequestLog',
    async sendRequest(request, next) {
      const started = Date.now();
      const what = `${request.method} ${pathOf(request)}`;
      const clientId = `client-request-id ${request.requestId}`;
      try {
        const response = await next(request);
        const ids = [
          clientId,
          `request-id ${response.headers.get('x-ms-request-id') ?? '-'}`,
          `correlation-id ${response.headers.get('x-ms-correlation-request-id') ?? '-'}`,
        ];
        log(`${what} → ${response.status} in ${Date.now() - started} ms (${ids.join(', ')})`);
        return response;
      } catch (err) {
        const code = err instanceof Error && 'code' in err ? String((err as { code: unknown }).code) : err instanceof Error ? err.name : 'error';
        log(`${what} → no response (${code}) after ${Date.now() - started} ms (${clientId})`);
        throw err;
      }
    },
  };
}
