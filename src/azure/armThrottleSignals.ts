import type { PipelinePolicy } from '@azure/core-rest-pipeline';

/** Which of Resource Manager's budgets a request spends: reads (GET, HEAD) or writes (everything else, deletes included). */
export type ArmBudgetKind = 'reads' | 'writes';

/** A 429 Resource Manager sent: which subscription's budget ran out, and how long it asked to wait. */
export interface ArmThrottle {
  readonly subscriptionId: string;
  readonly kind: ArmBudgetKind;
  readonly retryAfterMs: number;
}

type ThrottleListener = (throttle: ArmThrottle) => void;

const listeners = new Set<ThrottleListener>();

/** Listens to every 429 any ARM client of this extension receives, until the returned function is called. */
export function onArmThrottled(listener: ThrottleListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function budgetKindOf(method: string): ArmBudgetKind {
  return method === 'GET' || method === 'HEAD' ? 'reads' : 'writes';
}

/** Retry-After in seconds or as an HTTP date; one second when absent or unreadable (ARM always sends it). */
function retryAfterMs(header: string | undefined): number {
  const seconds = Number(header);
  if (header !== undefined && header.trim() !== '' && Number.isFinite(seconds)) {
    return Math.max(0, seconds * 1000);
  }
  const date = header === undefined ? NaN : Date.parse(header);
  return Number.isNaN(date) ? 1000 : Math.max(0, date - Date.now());
}

/**
 * Reports each 429 (every attempt, so also those the SDK's retry policy then absorbs) to the listeners, so that a
 * rollout pauses everything it sends to that subscription instead of letting each request find the limit by itself.
 */
export function throttleSignalPolicy(): PipelinePolicy {
  return {
    name: 'aksClusterExtensionsThrottleSignal',
    async sendRequest(request, next) {
      const response = await next(request);
      if (response.status === 429 && listeners.size > 0) {
        const subscriptionId = /\/subscriptions\/([^/?]+)/i.exec(new URL(request.url).pathname)?.[1]?.toLowerCase() ?? '';
        const throttle: ArmThrottle = { subscriptionId, kind: budgetKindOf(request.method), retryAfterMs: retryAfterMs(response.headers.get('retry-after')) };
        for (const listener of listeners) {
          listener(throttle);
        }
      }
      return response;
    },
  };
}
