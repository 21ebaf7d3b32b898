/** Shared by the emulator's unit tests: a started emulator, real SDK clients that trust it, and raw HTTPS calls. */
import { SourceControlConfigurationClient } from '@azure/arm-kubernetesconfiguration';
import type { TokenCredential } from '@azure/core-auth';
import * as https from 'https';
import { startEmulator } from '../../emulator/emulator';
import type { EmulatorOptions, RunningEmulator } from '../../emulator/emulatorTypes';

/** A credential that always returns the same fake token: the emulator only checks that one is sent. */
export const fakeCredential: TokenCredential = {
  getToken: () => Promise.resolve({ token: 'fake-token-for-the-emulator', expiresOnTimestamp: Date.now() + 3_600_000 }),
};

/** Seed names the tests use (see test/emulator/README.md). */
export const SEED = {
  prodSubscription: '6b0a3f2e-8c1d-4e5f-9a7b-2c3d4e5f6a7b',
  devSubscription: '3f9e2d1c-7b6a-4c5d-8e9f-0a1b2c3d4e5f',
  fabrikamSubscription: 'c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f',
  contosoTenant: '4a1b7c2d-5e6f-4a8b-9c0d-1e2f3a4b5c6d',
  fabrikamTenant: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
} as const;

export const AKS = ['Microsoft.ContainerService', 'managedClusters'] as const;
export const EXTENSIONS_API = '2023-05-01';

export function startTestEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ operationDelayMs: 50, ...options });
}

/** Client options every SDK client gets: the emulator as endpoint, its certificate trusted, quick retries. */
export function clientOptions(emulator: RunningEmulator): {
  endpoint: string;
  tlsOptions: { ca: string };
  retryOptions: { retryDelayInMs: number; maxRetryDelayInMs: number };
} {
  return { endpoint: emulator.url, tlsOptions: { ca: emulator.caPem }, retryOptions: { retryDelayInMs: 20, maxRetryDelayInMs: 100 } };
}

export function extensionsClient(emulator: RunningEmulator, subscriptionId: string = SEED.prodSubscription): SourceControlConfigurationClient {
  return new SourceControlConfigurationClient(fakeCredential, subscriptionId, clientOptions(emulator));
}

/** Poll quickly: the emulator's operations take 50 ms in tests. */
export const FAST_POLL = { updateIntervalInMs: 10 } as const;

export function clusterPath(subscriptionId: string, resourceGroup: string, cluster: string, rp: readonly [string, string] = AKS): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/${rp[0]}/${rp[1]}/${cluster}`;
}

export function extensionPath(subscriptionId: string, resourceGroup: string, cluster: string, name = ''): string {
  const base = `${clusterPath(subscriptionId, resourceGroup, cluster)}/providers/Microsoft.KubernetesConfiguration/extensions`;
  return name ? `${base}/${name}` : base;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** A plain HTTPS call (for what the SDK hides: headers, exact status, error bodies). Token defaults to a fake one; null sends none. */
export function raw(
  emulator: RunningEmulator,
  method: string,
  pathAndQuery: string,
  options: { body?: unknown; token?: string | null } = {},
): Promise<RawResponse> {
  const token = options.token === undefined ? 'fake-token' : options.token;
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const request = https.request(
      `${emulator.url}${pathAndQuery}`,
      {
        method,
        ca: emulator.caPem,
        headers: {
          ...(token !== null ? { Authorization: `Bearer ${token}` } : {}),
          ...(payload !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text ? (JSON.parse(text) as unknown) : undefined });
        });
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

/** The ARM error code of a raw response body. */
export function errorCode(response: RawResponse): string | undefined {
  return (response.body as { error?: { code?: string } } | undefined)?.error?.code;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
