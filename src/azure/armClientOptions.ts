import type { CommonClientOptions } from '@azure/core-client';
import { throttleSignalPolicy } from './armThrottleSignals';
import { type RequestLogger, requestLogPolicy } from './requestLogPolicy';
import { tokenHostGuardPolicy } from './tokenHostGuard';

/**
 * Options shared by every ARM client: the subscription's Resource Manager endpoint, the token guard, the 429 signal for
 * rollouts, the request log (when given), and (emulator only) its certificate.
 */
export function armClientOptions(endpoint: string, caPem?: string, logRequest?: RequestLogger): CommonClientOptions & { endpoint: string } {
  return {
    endpoint,
    tlsOptions: caPem ? { ca: caPem } : undefined,
    additionalPolicies: [
      { policy: tokenHostGuardPolicy(endpoint), position: 'perRetry' },
      { policy: throttleSignalPolicy(), position: 'perRetry' },
      ...(logRequest ? [{ policy: requestLogPolicy(logRequest), position: 'perRetry' as const }] : []),
    ],
    userAgentOptions: { userAgentPrefix: 'aks-cluster-extensions-vscode' },
  };
}
