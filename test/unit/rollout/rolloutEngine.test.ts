import * as assert from 'node:assert/strict';
import { findExtension } from '../../../src/azure/extensionOperations';
import { ArmPacer, ARM_BUDGETS } from '../../../src/rollout/armPacer';
import { runRollout, type RolloutRun } from '../../../src/rollout/rolloutEngine';
import { type RolloutOptions, type RolloutRecord, resumable, failedTargets } from '../../../src/rollout/rolloutRecord';
import type { ExtensionRequest } from '../../../src/shared';
import { type JsonObject, loadSeed } from '../../emulator/seed';
import { useSeededEmulator } from '../../support/seededEmulator';

const REQUEST: ExtensionRequest = { name: 'monitor', extensionType: 'microsoft.azuremonitor.containers' };
const TARGETS = ['aks-dev-westus2', 'aks-fabrikam-gitops', 'aks-pace-1', 'aks-fabrikam-ml'];
/** Clusters of one subscription (Contoso Dev/Test) for the pacing tests: clones of aks-dev-westus2. */
const PACED = ['aks-pace-1', 'aks-pace-2', 'aks-pace-3', 'aks-pace-4', 'aks-pace-5'];
const NO_OPTIONS: RolloutOptions = { canary: { kind: 'none' }, failureThreshold: { kind: 'none' } };

describe('Rollout engine against the emulator', () => {
  const seeded = useSeededEmulator(() => {
    const template = loadSeed().clusters.find((c) => c.name === 'aks-dev-westus2') as JsonObject;
    const clones = PACED.map((name) => ({ ...structuredClone(template), name, id: String(template.id).replace(/aks-dev-westus2$/, name) }));
    return { operationDelayMs: 50, extraSeed: { clusters: clones } };
  });

  function newRecord(names: readonly string[], options: RolloutOptions = NO_OPTIONS): RolloutRecord {
    return {
      id: 'test',
      title: 'Deploy monitor',
      request: REQUEST,
      protectedKeys: [],
      options,
      targets: names.map((name) => ({ cluster: seeded.named(name), state: 'pending', message: '' })),
      status: 'running',
      startedAt: Date.now(),
      updatedAt: Date.now(),
    };
  }

  interface Driven {
    record: RolloutRecord;
    questions: number;
    throttled: number;
  }

  async function drive(record: RolloutRecord, overrides: Partial<RolloutRun> & { goOn?: boolean; pacer?: ArmPacer } = {}): Promise<Driven> {
    const pacer = overrides.pacer ?? new ArmPacer();
    let questions = 0;
    try {
      await runRollout(
        { access: seeded.access, pacer },
        { record, targets: record.targets, requestFor: () => REQUEST, withCanary: true, replaceFailed: new Set(), pollIntervalMs: 20, cancel: new AbortController().signal, ...overrides },
        {
          changed: () => undefined,
          askToContinue: () => {
            questions += 1;
            return Promise.resolve(overrides.goOn ?? true);
          },
        },
      );
    } finally {
      pacer.dispose();
    }
    return { record, questions, throttled: pacer.throttled };
  }

  const states = (record: RolloutRecord): Record<string, string> => Object.fromEntries(record.targets.map((t) => [t.cluster.name, t.state]));
  const putsTo = (): string[] => seeded.emulator.requests.filter((r) => r.method === 'PUT').map((r) => /managedClusters\/([^/]+)/.exec(r.url)?.[1] ?? '');

  it('through deterministic 429s and 500s, every cluster succeeds and Azure agrees', async function () {
    this.timeout(60_000);
    // Spread deterministically (faults.ts): the 1st, 5th, 9th… request is refused with 429, the 6th, 11th… answered 500.
    seeded.emulator.setFaults({ throttleRate: 0.25, retryAfterSeconds: 0.1, serverErrorRate: 0.2, pathPattern: 'extensions' });
    const { record, throttled } = await drive(newRecord(TARGETS));
    seeded.emulator.setFaults({});
    assert.deepEqual(states(record), Object.fromEntries(TARGETS.map((n) => [n, 'succeeded'])), JSON.stringify(record.targets.map((t) => t.message)));
    assert.ok(throttled > 0 && seeded.emulator.requests.some((r) => r.status === 500), `both faults were met: ${throttled} ${seeded.emulator.requests.map((r) => r.status).join()}`);
    for (const name of TARGETS) {
      assert.equal((await findExtension(seeded.access, seeded.named(name), 'monitor'))?.provisioningState, 'Succeeded', name);
    }
  });

  it('never writes to a cluster whose extensions could not be read: it ends "not checked" with the reason', async function () {
    this.timeout(60_000);
    seeded.emulator.setFaults({ serverErrorRate: 1, pathPattern: 'aks-fabrikam-ml/providers/Microsoft.KubernetesConfiguration/extensions$' });
    const { record } = await drive(newRecord(['aks-dev-westus2', 'aks-fabrikam-ml']));
    assert.deepEqual(states(record), { 'aks-dev-westus2': 'succeeded', 'aks-fabrikam-ml': 'notChecked' });
    assert.match(record.targets[1].message, /^Not checked: .*500/);
    assert.deepEqual(putsTo(), ['aks-dev-westus2']);
    assert.deepEqual(resumable(record).map((t) => t.cluster.name), ['aks-fabrikam-ml'], 'resumable');
  });

  it('skips clusters that cannot take it or already have it, sending nothing to them', async () => {
    const { record } = await drive(newRecord(['aks-legacy-sp', 'aks-prod-eastus-01', 'aks-dev-westus2']));
    assert.deepEqual(states(record), { 'aks-legacy-sp': 'skipped', 'aks-prod-eastus-01': 'skipped', 'aks-dev-westus2': 'succeeded' });
    assert.match(record.targets[1].message, /Already has microsoft\.azuremonitor\.containers/);
    assert.deepEqual(putsTo(), ['aks-dev-westus2']);
  });

  it('paces writes within the write budget: no 429 where sending at once would meet several', async function () {
    this.timeout(30_000);
    // Two at once then one each half second: the slack of one request absorbs the first connection's set-up time.
    const writes = { burst: 2, perSecond: 2 };
    seeded.emulator.setOptions({ armBudget: { writes } });
    const { record } = await drive(newRecord(PACED), { pacer: new ArmPacer({ ...ARM_BUDGETS, writes }) });
    assert.deepEqual(Object.values(states(record)), PACED.map(() => 'succeeded'));
    const puts = seeded.emulator.requests.filter((r) => r.method === 'PUT');
    assert.deepEqual(puts.filter((r) => r.status === 429).map((r) => r.time - puts[0].time), []);
  });

  it('a 429 pauses every write to the subscription for its Retry-After: none is sent before that time', async function () {
    this.timeout(30_000);
    // The emulator grants 1 write then 2 a second; the pacer believes in 2 at once then 5 a second, so one is refused.
    seeded.emulator.setOptions({ armBudget: { writes: { burst: 1, perSecond: 2 } } });
    const { record, throttled } = await drive(newRecord(PACED), { pacer: new ArmPacer({ ...ARM_BUDGETS, writes: { burst: 2, perSecond: 5 } }) });
    assert.deepEqual(Object.values(states(record)), PACED.map(() => 'succeeded'));
    const puts = seeded.emulator.requests.filter((r) => r.method === 'PUT');
    const refused = puts.find((r) => r.status === 429);
    assert.ok(refused && throttled > 0, 'a write was refused');
    const early = puts.filter((r) => r.time > refused.time && r.time < refused.time + 950);
    assert.deepEqual(early.map((r) => `${r.status} after ${r.time - refused.time} ms`), [], 'nothing sent during the pause');
  });

  it('a canary that fails stops the rollout: the rest is not started, nothing is sent to it', async function () {
    this.timeout(30_000);
    seeded.emulator.setOptions({ failNextOperation: true });
    const { record } = await drive(newRecord(TARGETS, { canary: { kind: 'first', count: 1 }, failureThreshold: { kind: 'none' } }));
    assert.deepEqual(states(record), { 'aks-dev-westus2': 'failed', 'aks-fabrikam-gitops': 'notStarted', 'aks-pace-1': 'notStarted', 'aks-fabrikam-ml': 'notStarted' });
    assert.match(record.targets[1].message, /canary aks-dev-westus2 did not succeed/);
    assert.deepEqual(putsTo(), ['aks-dev-westus2']);
    assert.equal(record.status, 'stopped');
  });

  it('the failure threshold pauses and asks; "stop" leaves the rest not started', async function () {
    this.timeout(30_000);
    seeded.emulator.setOptions({ failNextOperation: true });
    const writes = { burst: 1, perSecond: 2 };
    const { record, questions } = await drive(newRecord(PACED, { canary: { kind: 'none' }, failureThreshold: { kind: 'count', count: 1 } }), {
      goOn: false,
      pacer: new ArmPacer({ ...ARM_BUDGETS, writes }),
    });
    assert.equal(questions, 1);
    assert.equal(states(record)['aks-pace-1'], 'failed');
    assert.ok(record.targets.slice(1).every((t) => t.state === 'notStarted' || t.state === 'succeeded'), JSON.stringify(states(record)));
    assert.ok(record.targets.some((t) => t.state === 'notStarted'), 'something was held back');
    assert.deepEqual(putsTo().length, record.targets.filter((t) => t.state !== 'notStarted').length);
  });

  it('cancel stops submitting and reads once more what was sent: every cluster ends known; Resume finishes the rest', async function () {
    this.timeout(30_000);
    seeded.emulator.setOptions({ operationDelayMs: 3000 });
    const cancel = new AbortController();
    const writes = { burst: 1, perSecond: 2 };
    const record = newRecord(PACED.slice(0, 3));
    setTimeout(() => cancel.abort(), 300);
    await drive(record, { cancel: cancel.signal, pacer: new ArmPacer({ ...ARM_BUDGETS, writes }) });
    assert.deepEqual(states(record), { 'aks-pace-1': 'running', 'aks-pace-2': 'notStarted', 'aks-pace-3': 'notStarted' });
    assert.match(record.targets[0].message, /Still Creating in Azure when the rollout was cancelled/);
    assert.match(record.targets[1].message, /cancelled/);
    assert.deepEqual(putsTo(), ['aks-pace-1']);

    seeded.emulator.setOptions({ operationDelayMs: 50 });
    const resumed = await drive(record, { targets: resumable(record), withCanary: false });
    assert.deepEqual(Object.values(states(resumed.record)), ['succeeded', 'succeeded', 'succeeded']);
    assert.deepEqual(putsTo(), PACED.slice(0, 3), 'the one sent before is read, not sent again');
  });

  it('Retry the Failed Ones replaces the Failed extension the rollout left, and only that one', async function () {
    this.timeout(30_000);
    seeded.emulator.setOptions({ failNextOperation: true });
    const record = newRecord(['aks-dev-westus2']);
    await drive(record);
    assert.equal(record.targets[0].state, 'failed');
    const again = failedTargets(record);
    const { record: retried } = await drive(record, { targets: again, withCanary: false, replaceFailed: new Set(again.map((t) => t.cluster.id.toLowerCase())) });
    assert.equal(retried.targets[0].state, 'succeeded', retried.targets[0].message);
    assert.deepEqual(putsTo(), ['aks-dev-westus2', 'aks-dev-westus2']);
  });
});
