import type { CommonClientOptions } from '@azure/core-client';
import { tokenHostGuardPolicy } from './tokenHostGuard';

/** Options shared by every ARM client: the subscription's Resource Manager endpoint, the token guard, and (emulator only) its certificate. */
export function armClientOptions(endpoint: string, caPem?: string): CommonClientOptions & { endpoint: string } {
  return {
    endpoint,
    tlsOptions: caPem ? { ca: caPem } : undefined,
    additionalPolicies: [{ policy: tokenHostGuardPolicy(endpoint), position: 'perRetry' }],
    userAgentOptions: { userAgentPrefix: 'aks-cluster-extensions-vscode' },
  };
}
