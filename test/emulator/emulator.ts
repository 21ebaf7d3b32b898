/*
 * The local Azure emulator: an HTTPS server on 127.0.0.1 answering the ARM routes the extension uses, per the official
 * REST spec vendored in test/fixtures/arm-spec. Contract: emulatorTypes.ts; seed data and behaviour: README.md.
 * Request pipeline for ARM routes: record → faults (latency, drop, 429, 500) → bearer token (401) → read/write budget
 * (429, when switched on) → api-version (400)
 * → due long-running operations applied → route (404/405) → handler (ArmError → ARM error body).
 */
import { randomUUID } from 'crypto';
import * as fs from 'fs';
import type { IncomingMessage, ServerResponse } from 'http';
import * as https from 'https';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { ArmBudget, armBudgetLimits } from './armBudget';
import { ArmError } from './armErrors';
import { requireBearerToken, tenantOfToken } from './auth';
import { createServerCertificate } from './certificate';
import { clustersRoutes } from './clustersRoutes';
import type { EmulatorSettings, RouteContext } from './context';
import { handleControl } from './controlRoutes';
import type { EmulatorOptions, FaultOptions, RecordedRequest, RunningEmulator, RuntimeOptions } from './emulatorTypes';
import { extensionsRoutes } from './extensionsRoutes';
import { extensionTypesRoutes } from './extensionTypesRoutes';
import { FaultInjector, internalServerError } from './faults';
import { settleOperations } from './longRunningOperations';
import { resourceGraphRoutes } from './resourceGraphRoutes';
import { type ArmResponse, isControlPath, matchRoute, type Route } from './router';
import { loadSeed, mergeSeed, type SeedData } from './seed';
import { EmulatorState } from './state';
import { subscriptionsRoutes } from './subscriptionsRoutes';

const DEFAULT_PAGE_SIZE = 50;
const DEFAULT_OPERATION_DELAY_MS = 1500;

interface ParsedBody {
  value: unknown;
  /** Set when the body is not JSON; ARM routes answer 400 InvalidRequestContent. */
  invalid?: boolean;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const startSeed: SeedData = mergeSeed(options.seed ?? loadSeed(options.seedFile), options.extraSeed);
  let seed = startSeed;
  const startSettings: EmulatorSettings = {
    pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
    operationDelayMs: options.operationDelayMs ?? DEFAULT_OPERATION_DELAY_MS,
    failNextOperation: false,
    resourceGraphLagMs: options.resourceGraphLagMs ?? 0,
    resourceGraphForbidden: false,
    echoProtectedSettings: false,
  };
  validateRuntimeOptions(startSettings);
  const ctx: RouteContext = { state: new EmulatorState(seed), settings: { ...startSettings } };
  const faults = new FaultInjector(options.faults);
  const budgetFor = (option: EmulatorOptions['armBudget']): ArmBudget | undefined => {
    const limits = armBudgetLimits(option);
    return limits && new ArmBudget(limits);
  };
  let budget = budgetFor(options.armBudget);
  const requests: RecordedRequest[] = [];
  const routes: Route[] = [...subscriptionsRoutes(ctx), ...clustersRoutes(ctx), ...extensionsRoutes(ctx), ...extensionTypesRoutes(ctx), ...resourceGraphRoutes(ctx)];

  const certificate = await createServerCertificate();
  const caFile = options.caFile ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aksext-emulator-')), 'emulator-ca.pem');
  fs.writeFileSync(caFile, certificate.certPem);

  let baseUrl = '';
  const emulator: RunningEmulator = {
    url: '',
    port: 0,
    caPem: certificate.certPem,
    caFile,
    requests,
    setFaults: (next: FaultOptions) => faults.set(next),
    setOptions: ({ armBudget, ...next }: RuntimeOptions) => {
      const merged = { ...ctx.settings, ...definedOnly(next) };
      validateRuntimeOptions(merged);
      const nextBudget = armBudget === undefined ? budget : budgetFor(armBudget);
      ctx.settings = Object.assign(ctx.settings, merged);
      budget = nextBudget;
    },
    protectedSettingsOf: (extensionId: string) => {
      settleOperations(ctx.state);
      const found = ctx.state.findExtension(extensionId);
      return found ? { ...found.protectedSettings } : undefined;
    },
    reset: () => {
      ctx.state = new EmulatorState(seed);
      Object.assign(ctx.settings, startSettings);
      faults.set({});
      budget = budgetFor(options.armBudget);
      requests.length = 0;
    },
    useSeed: (next?: SeedData) => {
      seed = next ?? startSeed;
      emulator.reset();
    },
    close: () => closeServer(server),
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', baseUrl);
    const method = (req.method ?? 'GET').toUpperCase();
    const body = parseBody(await readBody(req));
    if (isControlPath(url.pathname)) {
      send(res, handleControl(method, url.pathname, url.searchParams, body.value, emulator));
      return;
    }
    const record: RecordedRequest = { method, url: req.url ?? '/', body: body.value, status: 0, time: Date.now() };
    requests.push(record);
    let response: ArmResponse;
    try {
      if (faults.applies(url.pathname)) {
        if (faults.latencyMs > 0) {
          await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
        }
        const fault = faults.next();
        if (fault === 'drop') {
          req.socket.destroy(); // status stays 0 in the record: no response was sent
          return;
        }
        if (fault === 'throttle') {
          throw faults.throttled();
        }
        if (fault === 'serverError') {
          throw internalServerError();
        }
      }
      const token = requireBearerToken(req.headers.authorization);
      budget?.spend(method, url.pathname, token);
      if (!url.searchParams.get('api-version')) {
        throw new ArmError(400, 'MissingApiVersionParameter', 'The api-version query parameter (?api-version=) is required for all requests.');
      }
      if (body.invalid) {
        throw new ArmError(400, 'InvalidRequestContent', 'The request content was invalid and could not be deserialized as JSON.');
      }
      settleOperations(ctx.state);
      const match = matchRoute(routes, method, url.pathname);
      if (match === undefined) {
        throw new ArmError(404, 'InvalidResourceType', `No route for '${url.pathname}': the resource type could not be found.`);
      }
      if (match === 'method-not-allowed') {
        throw new ArmError(405, 'MethodNotAllowed', `The HTTP method '${method}' is not supported for '${url.pathname}'.`);
      }
      response = match.route.handler({
        method,
        path: url.pathname,
        query: url.searchParams,
        params: match.params,
        body: body.value,
        baseUrl,
        tokenTenantId: tenantOfToken(token),
      });
    } catch (error) {
      response = error instanceof ArmError
        ? { status: error.status, body: error.toBody(), headers: error.headers }
        : { status: 500, body: { error: { code: 'InternalServerError', message: `Emulator bug: ${String(error)}` } } };
    }
    record.status = response.status;
    record.responseBody = response.body;
    record.responseHeaders = send(res, response);
  }

  const server = https.createServer({ key: certificate.keyPem, cert: certificate.certPem }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      // Only reading the request can fail here (client went away); nothing useful can be sent back.
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `https://127.0.0.1:${port}`;
  emulator.url = baseUrl;
  emulator.port = port;
  return emulator;
}

function validateRuntimeOptions(settings: EmulatorSettings): void {
  if (!Number.isInteger(settings.pageSize) || settings.pageSize < 1) {
    throw new Error(`pageSize must be a positive integer, got ${String(settings.pageSize)}`);
  }
  if (!(settings.resourceGraphLagMs >= 0)) {
    throw new Error(`resourceGraphLagMs must be >= 0, got ${String(settings.resourceGraphLagMs)}`);
  }
  if (!(settings.operationDelayMs >= 0)) {
    throw new Error(`operationDelayMs must be >= 0, got ${String(settings.operationDelayMs)}`);
  }
}

function definedOnly(options: RuntimeOptions): RuntimeOptions {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBody(text: string): ParsedBody {
  if (text.trim() === '') {
    return { value: undefined };
  }
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return { value: text, invalid: true };
  }
}

/** Sends the response; returns the headers sent. Bodies are serialized now, so later state changes cannot alter them. */
function send(res: ServerResponse, response: ArmResponse): Record<string, string> {
  const headers: Record<string, string> = {
    'x-ms-request-id': randomUUID(),
    'x-ms-correlation-request-id': randomUUID(),
    ...response.headers,
  };
  if (response.body === undefined) {
    res.writeHead(response.status, headers).end();
    return headers;
  }
  const payload = JSON.stringify(response.body);
  const jsonHeaders = { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(payload)) };
  res.writeHead(response.status, jsonHeaders).end(payload);
  return jsonHeaders;
}

function closeServer(server: https.Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
