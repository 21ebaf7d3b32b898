// The contract of the local Azure emulator: used by unit tests, integration tests, benchmarks and `npm start`.
import type { ArmBudgetLimits } from './armBudget';
import type { SeedData } from './seed';

/** Fault knobs; each rate is the fraction (0..1) of requests it applies to. */
export interface FaultOptions {
  /** Added latency for every request, in milliseconds. */
  latencyMs?: number;
  /** Fraction of requests answered 429 with a Retry-After header. */
  throttleRate?: number;
  /** Retry-After value sent with 429s, in seconds (may be fractional, e.g. 0.1 in tests; the header is rounded up to whole seconds only if >= 1). */
  retryAfterSeconds?: number;
  /** Fraction of requests answered 500 InternalServerError. */
  serverErrorRate?: number;
  /** Fraction of requests whose connection is destroyed without a response. */
  dropRate?: number;
  /** Only requests whose path matches this regular expression get faults (default: all ARM paths). */
  pathPattern?: string;
}

export interface EmulatorOptions {
  /** Port to listen on, 0 (default) for a free one. Always 127.0.0.1. */
  port?: number;
  /** Seed data file (JSON); default test/emulator/fixtures/seed.json. */
  seedFile?: string;
  /** Seed data given directly (e.g. `scaleSeed()` from scaleSeed.ts); wins over seedFile. */
  seed?: SeedData;
  /** Page size for extensions list (and other lists); default 50. */
  pageSize?: number;
  /** How long a PUT/PATCH/DELETE long-running operation takes before it reaches its terminal state, ms; default 1500. */
  operationDelayMs?: number;
  faults?: FaultOptions;
  /** Where to write the CA certificate PEM (for clients that must trust the emulator). Default: a temp file. */
  caFile?: string;
  /** How long a change takes to show in Resource Graph, ms; default 0. */
  resourceGraphLagMs?: number;
  /** Appended to the seed (e.g. the spec examples' subscriptions, clusters and catalog entries); kept across reset. */
  extraSeed?: Partial<SeedData>;
  /** Resource Manager's read and write budgets (armBudget.ts): true for Azure's (reads 250 + 25/s, writes 200 + 10/s); off by default. */
  armBudget?: boolean | Partial<ArmBudgetLimits>;
}

/** Settings that may change while the emulator runs (also through POST /_emulator/options). */
export interface RuntimeOptions {
  operationDelayMs?: number;
  pageSize?: number;
  /** One-shot: the next PUT/PATCH/DELETE operation that starts ends Failed with errorInfo. */
  failNextOperation?: boolean;
  /** How long a change takes to show in Resource Graph, ms. */
  resourceGraphLagMs?: number;
  /** Resource Graph answers 403 AuthorizationFailed while true. */
  resourceGraphForbidden?: boolean;
  /** Switches the budgets on (true or limits) or off (false) with full buckets; reset restores the start option. */
  armBudget?: boolean | Partial<ArmBudgetLimits>;
  /**
   * GET of one extension answers with its stored protected settings, as Azure never does: tests use it to prove that
   * the extension would still never show them. Off after reset.
   */
  echoProtectedSettings?: boolean;
}

export interface RecordedRequest {
  method: string;
  /** Path plus query, as received. */
  url: string;
  /** Parsed JSON body, if any. */
  body?: unknown;
  status: number;
  time: number;
  /** Parsed JSON response body, if any (absent for dropped connections); lets tests validate traffic against the spec. */
  responseBody?: unknown;
  responseHeaders?: Record<string, string>;
}

export interface RunningEmulator {
  /** e.g. https://127.0.0.1:12345 (no trailing slash) */
  url: string;
  port: number;
  /** PEM of the certificate clients must trust. */
  caPem: string;
  /** Path of the file holding caPem. */
  caFile: string;
  /** Every request received, in order (bodies as received: tests check protected settings with it). */
  requests: RecordedRequest[];
  /** Replace the fault knobs for the following requests. */
  setFaults(faults: FaultOptions): void;
  /** Change operationDelayMs / pageSize / failNextOperation / armBudget for the following requests. */
  setOptions(options: RuntimeOptions): void;
  /** Protected settings currently stored for an extension (by its ARM id, case-insensitive); tests only. */
  protectedSettingsOf(extensionId: string): Record<string, string> | undefined;
  /** Restore the seeded state and clear recorded requests; also clears faults and restores the start options. */
  reset(): void;
  /** Replaces the seed (undefined: the one it started with) and resets to it; later resets keep to it. */
  useSeed(seed?: SeedData): void;
  close(): Promise<void>;
}

/**
 * Test-only control API served by the emulator itself (no bearer token needed, JSON bodies), so that tests running in
 * another process (the VS Code extension host) can inspect and steer the emulator the runner started:
 * - GET  /_emulator/requests            -> RecordedRequest[]
 * - POST /_emulator/reset               -> restores the seeded state, clears requests and faults
 * - POST /_emulator/faults  FaultOptions -> replaces the fault knobs
 * - GET  /_emulator/protected?id=<extension ARM id> -> Record<string,string> | null
 * - POST /_emulator/options { operationDelayMs?, pageSize?, failNextOperation?, armBudget?, echoProtectedSettings?,
 *   resourceGraphLagMs?, resourceGraphForbidden? } -> changes them for the following requests
 * - POST /_emulator/seed { scale?: { clusters?, subscriptions? } } -> useSeed(scaleSeed(scale)), or the start seed for {}
 * Control requests are not recorded in `requests` and never get faults.
 */
export const CONTROL_PREFIX = '/_emulator';

/** Environment variables that put the extension in development mode against the emulator (the extension owns them). */
export { EMULATOR_CA_FILE_ENV, EMULATOR_URL_ENV } from '../../src/azure/devMode';
