import * as assert from 'assert';
import { ArmBudget, AZURE_ARM_BUDGET } from '../../emulator/armBudget';
import { ArmError } from '../../emulator/armErrors';
import type { RunningEmulator } from '../../emulator/emulatorTypes';
import { errorCode, extensionPath, EXTENSIONS_API, raw, SEED, startTestEmulator } from './helpers';

const SUB_PATH = `/subscriptions/${SEED.prodSubscription}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/c`;
const OTHER_SUB_PATH = `/subscriptions/${SEED.devSubscription}/resourceGroups/rg`;

/** The Retry-After seconds of a refused request, or undefined when it passed. */
function refusal(budget: ArmBudget, method: string, path = SUB_PATH, token = 'principal-a'): number | undefined {
  try {
    budget.spend(method, path, token);
    return undefined;
  } catch (error) {
    assert.ok(error instanceof ArmError && error.status === 429 && error.code === 'TooManyRequests');
    return Number(error.headers['Retry-After']);
  }
}

function spendMany(budget: ArmBudget, method: string, count: number, path?: string, token?: string): number {
  let passed = 0;
  for (let i = 0; i < count; i++) {
    passed += refusal(budget, method, path, token) === undefined ? 1 : 0;
  }
  return passed;
}

describe('emulator: Resource Manager request budgets', () => {
  let now = 0;
  const clock = (): number => now;
  beforeEach(() => {
    now = 1_000_000;
  });

  it('writes: 200 at once, then 429 with Retry-After 1; 10 more after that second', () => {
    const budget = new ArmBudget(AZURE_ARM_BUDGET, clock);
    assert.strictEqual(spendMany(budget, 'PUT', 200), 200);
    assert.strictEqual(refusal(budget, 'PATCH'), 1);
    now += 1000;
    assert.strictEqual(spendMany(budget, 'DELETE', 11), 10);
  });

  it('a request sent before Retry-After is refused again, even though the bucket has refilled by then', () => {
    const budget = new ArmBudget(AZURE_ARM_BUDGET, clock);
    assert.strictEqual(spendMany(budget, 'PUT', 201), 200);
    now += 900; // the bucket holds 9 tokens again, but Retry-After (1 s) has not passed
    assert.strictEqual(refusal(budget, 'PUT'), 1);
    now += 100;
    assert.strictEqual(spendMany(budget, 'PUT', 11), 10);
  });

  it('reads: 250 at once then 25 per second, apart from writes', () => {
    const budget = new ArmBudget(AZURE_ARM_BUDGET, clock);
    assert.strictEqual(spendMany(budget, 'PUT', 200), 200);
    assert.strictEqual(spendMany(budget, 'GET', 260), 250);
    now += 2000;
    assert.strictEqual(spendMany(budget, 'GET', 60), 50);
  });

  it('is kept per subscription and per principal', () => {
    const budget = new ArmBudget({ ...AZURE_ARM_BUDGET, writes: { burst: 2, perSecond: 1 } }, clock);
    assert.strictEqual(spendMany(budget, 'PUT', 3), 2);
    assert.strictEqual(spendMany(budget, 'PUT', 3, OTHER_SUB_PATH), 2);
    assert.strictEqual(spendMany(budget, 'PUT', 3, SUB_PATH, 'principal-b'), 2);
  });

  it('rejects limits that would never pass a request', () => {
    assert.throws(() => new ArmBudget({ ...AZURE_ARM_BUDGET, reads: { burst: 0, perSecond: 1 } }), /burst >= 1/);
  });

  describe('in the running emulator', () => {
    let emulator: RunningEmulator;
    const listPath = `${extensionPath(SEED.prodSubscription, 'rg-aks-prod-eastus', 'aks-prod-eastus-01')}?api-version=${EXTENSIONS_API}`;
    before(async () => {
      emulator = await startTestEmulator();
    });
    after(() => emulator.close());
    beforeEach(() => emulator.reset());

    it('is off by default, on through the control API, and off again after reset', async () => {
      for (let i = 0; i < 3; i++) {
        assert.strictEqual((await raw(emulator, 'GET', listPath)).status, 200);
      }
      const switched = await raw(emulator, 'POST', '/_emulator/options', { token: null, body: { armBudget: { reads: { burst: 2, perSecond: 0.5 } } } });
      assert.strictEqual(switched.status, 200);
      assert.deepStrictEqual([(await raw(emulator, 'GET', listPath)).status, (await raw(emulator, 'GET', listPath)).status], [200, 200]);
      const refused = await raw(emulator, 'GET', listPath);
      assert.strictEqual(refused.status, 429);
      assert.strictEqual(errorCode(refused), 'TooManyRequests');
      assert.strictEqual(refused.headers['retry-after'], '2');
      assert.strictEqual((await raw(emulator, 'GET', listPath)).status, 429, 'sent before Retry-After: refused again');
      assert.strictEqual(emulator.requests.filter((r) => r.status === 429).length, 2, 'refusals are recorded');
      emulator.reset();
      assert.strictEqual((await raw(emulator, 'GET', listPath)).status, 200);
    });

    it('rejects bad limits through the control API without changing anything', async () => {
      const refused = await raw(emulator, 'POST', '/_emulator/options', { token: null, body: { armBudget: { writes: { burst: 1, perSecond: 0 } } } });
      assert.strictEqual(refused.status, 400);
      assert.strictEqual((await raw(emulator, 'GET', listPath)).status, 200);
    });
  });
});
