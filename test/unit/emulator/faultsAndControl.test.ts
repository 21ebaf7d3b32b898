import * as assert from 'assert';
import type { RunningEmulator } from '../../emulator/emulatorTypes';
import { AKS, errorCode, extensionPath, extensionsClient, EXTENSIONS_API, raw, SEED, startTestEmulator } from './helpers';

const RG = 'rg-aks-prod-eastus';
const CLUSTER = 'aks-prod-eastus-01';
const listPath = `${extensionPath(SEED.prodSubscription, RG, CLUSTER)}?api-version=${EXTENSIONS_API}`;

describe('emulator: auth, faults and control API', () => {
  let emulator: RunningEmulator;

  before(async () => {
    emulator = await startTestEmulator();
  });
  after(() => emulator.close());
  beforeEach(() => emulator.reset());

  it('answers 401 with an ARM error body without a bearer token', async () => {
    const response = await raw(emulator, 'GET', listPath, { token: null });
    assert.strictEqual(response.status, 401);
    assert.strictEqual(errorCode(response), 'AuthenticationFailed');
  });

  it('latency: adds the configured delay compared to a baseline', async () => {
    const timed = async (): Promise<number> => {
      const start = Date.now();
      await raw(emulator, 'GET', listPath);
      return Date.now() - start;
    };
    await timed(); // warm the connection path
    const baseline = await timed();
    emulator.setFaults({ latencyMs: 200 });
    const delayed = await timed();
    assert.ok(delayed - baseline >= 150, `baseline ${baseline} ms, delayed ${delayed} ms`);
  });

  it('throttle: 429 with Retry-After and a TooManyRequests body; the SDK retries until it succeeds', async () => {
    emulator.setFaults({ throttleRate: 1, retryAfterSeconds: 0.05 });
    const throttled = await raw(emulator, 'GET', listPath);
    assert.strictEqual(throttled.status, 429);
    assert.strictEqual(throttled.headers['retry-after'], '0.05');
    assert.strictEqual(errorCode(throttled), 'TooManyRequests');

    emulator.setFaults({ throttleRate: 0.5, retryAfterSeconds: 0.05 }); // fault, pass, fault, pass…
    const extension = await extensionsClient(emulator).extensions.get(RG, AKS[0], AKS[1], CLUSTER, 'dapr');
    assert.strictEqual(extension.name, 'dapr');
    assert.deepStrictEqual(emulator.requests.slice(-2).map((r) => r.status), [429, 200]);
  });

  it('rounds Retry-After up to whole seconds from 1 s', async () => {
    emulator.setFaults({ throttleRate: 1, retryAfterSeconds: 1.2 });
    assert.strictEqual((await raw(emulator, 'GET', listPath)).headers['retry-after'], '2');
  });

  it('server errors: 500 InternalServerError; the SDK retries past them', async () => {
    emulator.setFaults({ serverErrorRate: 1 });
    const failed = await raw(emulator, 'GET', listPath);
    assert.strictEqual(failed.status, 500);
    assert.strictEqual(errorCode(failed), 'InternalServerError');
    emulator.setFaults({ serverErrorRate: 0.5 });
    await extensionsClient(emulator).extensions.get(RG, AKS[0], AKS[1], CLUSTER, 'dapr');
    assert.deepStrictEqual(emulator.requests.slice(-2).map((r) => r.status), [500, 200]);
  });

  it('drop: the connection is destroyed without a response; the SDK retries past it', async () => {
    emulator.setFaults({ dropRate: 1 });
    await assert.rejects(raw(emulator, 'GET', listPath), (error: NodeJS.ErrnoException) => error.code === 'ECONNRESET');
    emulator.setFaults({ dropRate: 0.5 });
    await extensionsClient(emulator).extensions.get(RG, AKS[0], AKS[1], CLUSTER, 'dapr');
    assert.deepStrictEqual(emulator.requests.slice(-2).map((r) => r.status), [0, 200]);
  });

  it('pathPattern limits faults to matching paths; control routes never get faults', async () => {
    emulator.setFaults({ serverErrorRate: 1, pathPattern: '/extensions/dapr$' });
    assert.strictEqual((await raw(emulator, 'GET', listPath)).status, 200);
    assert.strictEqual((await raw(emulator, 'GET', `${extensionPath(SEED.prodSubscription, RG, CLUSTER, 'dapr')}?api-version=${EXTENSIONS_API}`)).status, 500);
    emulator.setFaults({ dropRate: 1 });
    assert.strictEqual((await raw(emulator, 'GET', '/_emulator/requests', { token: null })).status, 200);
  });

  describe('control API', () => {
    it('GET /_emulator/requests lists recorded ARM requests (not control ones)', async () => {
      await raw(emulator, 'GET', listPath);
      const response = await raw(emulator, 'GET', '/_emulator/requests', { token: null });
      const recorded = response.body as { method: string; url: string; status: number; time: number }[];
      assert.strictEqual(recorded.length, 1);
      assert.strictEqual(recorded[0].url, listPath);
      assert.strictEqual(recorded[0].status, 200);
      assert.ok(recorded[0].time > 0);
    });

    it('POST /_emulator/faults sets knobs; POST /_emulator/reset restores state and clears requests and faults', async () => {
      assert.strictEqual((await raw(emulator, 'POST', '/_emulator/faults', { token: null, body: { serverErrorRate: 1 } })).status, 200);
      assert.strictEqual((await raw(emulator, 'GET', listPath)).status, 500);
      const daprPath = `${extensionPath(SEED.prodSubscription, RG, CLUSTER, 'dapr')}?api-version=${EXTENSIONS_API}&forceDelete=true`;
      await raw(emulator, 'POST', '/_emulator/faults', { token: null, body: {} });
      assert.strictEqual((await raw(emulator, 'DELETE', daprPath)).status, 200);
      await raw(emulator, 'POST', '/_emulator/faults', { token: null, body: { serverErrorRate: 1 } });
      assert.strictEqual((await raw(emulator, 'POST', '/_emulator/reset', { token: null })).status, 200);
      assert.strictEqual(emulator.requests.length, 0);
      const restored = await raw(emulator, 'GET', daprPath.replace('&forceDelete=true', ''));
      assert.strictEqual(restored.status, 200, 'faults cleared and the deleted extension is back');
    });

    it('POST /_emulator/faults rejects a rate outside 0..1', async () => {
      assert.strictEqual((await raw(emulator, 'POST', '/_emulator/faults', { token: null, body: { dropRate: 2 } })).status, 400);
    });

    it('GET /_emulator/protected returns stored protected settings, null for an unknown extension', async () => {
      const id = extensionPath(SEED.prodSubscription, RG, CLUSTER, 'azureml');
      const found = await raw(emulator, 'GET', `/_emulator/protected?id=${encodeURIComponent(id.toUpperCase())}`, { token: null });
      assert.deepStrictEqual(Object.keys(found.body as object), ['sslCertPemFile', 'sslKeyPemFile']);
      const missing = await raw(emulator, 'GET', `/_emulator/protected?id=${encodeURIComponent(`${id}-nope`)}`, { token: null });
      assert.strictEqual(missing.body, null);
    });

    it('POST /_emulator/options changes the page size and the operation delay', async () => {
      await raw(emulator, 'POST', '/_emulator/options', { token: null, body: { pageSize: 3, operationDelayMs: 10_000 } });
      const page = (await raw(emulator, 'GET', listPath)).body as { value: unknown[]; nextLink?: string };
      assert.strictEqual(page.value.length, 3);
      assert.match(page.nextLink ?? '', /^https:\/\/127\.0\.0\.1:\d+\/.*skipToken=3/);
      const path = `${extensionPath(SEED.prodSubscription, RG, CLUSTER, 'slow')}?api-version=${EXTENSIONS_API}`;
      await raw(emulator, 'PUT', path, { body: { properties: { extensionType: 'microsoft.flux' } } });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const body = (await raw(emulator, 'GET', path)).body as { properties: { provisioningState: string } };
      assert.strictEqual(body.properties.provisioningState, 'Creating');
      assert.strictEqual((await raw(emulator, 'POST', '/_emulator/options', { token: null, body: { pageSize: 0 } })).status, 400);
    });
  });
});
