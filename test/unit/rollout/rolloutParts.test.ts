import * as assert from 'node:assert/strict';
import type { ClusterModel } from '../../../src/azure/clusterModel';
import { PacedBucket } from '../../../src/rollout/pacedBucket';
import { canaryTargets, failureLimit, parseFailureThreshold, type RolloutRecord, type RolloutTarget, storableRequest } from '../../../src/rollout/rolloutRecord';
import { HEARTBEAT_MS, RolloutStore, type StateMemento } from '../../../src/rollout/rolloutStore';
import { rolloutSummaryMarkdown } from '../../../src/rollout/rolloutSummary';

const cluster = (name: string, location: string): ClusterModel => ({
  id: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/${name}`,
  name,
  subscriptionId: 's',
  resourceGroup: 'rg',
  location,
  kubernetesVersion: '1.30.6',
  powerState: 'Running',
  provisioningState: 'Succeeded',
  hasManagedIdentity: true,
});
const target = (name: string, location = 'eastus'): RolloutTarget => ({ cluster: cluster(name, location), state: 'pending', message: '' });

function record(id: string, startedAt: number, targets: RolloutTarget[] = [target('a')]): RolloutRecord {
  return { id, title: `Deploy ${id}`, request: { name: 'flux', extensionType: 'microsoft.flux' }, protectedKeys: [], options: { canary: { kind: 'none' }, failureThreshold: { kind: 'none' } }, targets, status: 'running', startedAt, updatedAt: startedAt };
}

class MemoryMemento implements StateMemento {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  update(key: string, value: unknown): Promise<void> {
    this.values.set(key, JSON.parse(JSON.stringify(value)));
    return Promise.resolve();
  }
}

describe('Rollout parts', () => {
  describe('PacedBucket', () => {
    it('hands out the burst at once, then the rate, in the order asked; checks before polls', async () => {
      const bucket = new PacedBucket({ burst: 2, perSecond: 20 });
      const order: string[] = [];
      const started = Date.now();
      await Promise.all([
        bucket.take().then(() => order.push('a')),
        bucket.take().then(() => order.push('b')),
        bucket.take().then(() => order.push('poll')),
        bucket.take(undefined, true).then(() => order.push('check')),
      ]);
      assert.deepEqual(order, ['a', 'b', 'check', 'poll']);
      const elapsed = Date.now() - started;
      assert.ok(elapsed >= 90 && elapsed < 400, `two more at 20/s take about 100 ms, took ${elapsed}`);
    });

    it('holds everything during a pause, and an aborted wait leaves the queue', async () => {
      const bucket = new PacedBucket({ burst: 5, perSecond: 100 });
      const started = Date.now();
      bucket.pause(200);
      const abort = new AbortController();
      const aborted = bucket.take(abort.signal);
      abort.abort(new Error('stop'));
      await assert.rejects(aborted, /stop/);
      await bucket.take();
      assert.ok(Date.now() - started >= 190, `waited for the pause: ${Date.now() - started} ms`);
    });
  });

  describe('records', () => {
    it('never keep protected values, only their keys', () => {
      const stored = storableRequest({ name: 'ml', extensionType: 'Microsoft.AzureML.Kubernetes', configurationProtectedSettings: { sslKeyPemFile: 'MARKER-SECRET' } });
      assert.equal(JSON.stringify(stored).includes('MARKER-SECRET'), false);
      assert.deepEqual(stored.protectedKeys, ['sslKeyPemFile']);
    });

    it('canary: the first k, or the first cluster of each region', () => {
      const targets = [target('a', 'eastus'), target('b', 'eastus'), target('c', 'westeurope'), target('d', 'WestEurope')];
      assert.deepEqual(canaryTargets(targets, { kind: 'first', count: 2 }).map((t) => t.cluster.name), ['a', 'b']);
      assert.deepEqual(canaryTargets(targets, { kind: 'perRegion' }).map((t) => t.cluster.name), ['a', 'c']);
      assert.deepEqual(canaryTargets(targets, { kind: 'none' }), []);
    });

    it('failure threshold: a count, or a share of at least two clusters; empty or 0 never', () => {
      assert.equal(failureLimit(parseFailureThreshold('5'), 500), 5);
      assert.equal(failureLimit(parseFailureThreshold('10%'), 500), 50);
      assert.equal(failureLimit(parseFailureThreshold('10%'), 3), 2);
      assert.equal(failureLimit(parseFailureThreshold(''), 500), undefined);
      assert.equal(failureLimit(parseFailureThreshold('0'), 500), undefined);
    });

    it('the summary has a row per cluster with its state and reason, failed first', () => {
      const targets = [target('ok'), target('bad')];
      targets[0].state = 'succeeded';
      Object.assign(targets[1], { state: 'failed', message: 'ExtensionOperationFailed: line one\nline two | pipe' });
      const text = rolloutSummaryMarkdown(record('r', 0, targets), ['Retry them.']);
      assert.match(text, /^# Deploy r\n\n1 failed, 1 succeeded, of 2 clusters\.\n\n- Retry them\./);
      assert.ok(text.indexOf('| bad |') < text.indexOf('| ok |'));
      assert.match(text, /\| failed \| ExtensionOperationFailed: line one line two \\\| pipe \|/);
    });
  });

  describe('RolloutStore', () => {
    it('keeps the newest five, newest first, written together after changes', async () => {
      const memento = new MemoryMemento();
      const store = new RolloutStore(memento, (err) => assert.fail(String(err)));
      for (let i = 0; i < 7; i++) {
        store.save(record(`r${i}`, i));
      }
      await store.flush();
      assert.deepEqual(store.all().map((r) => r.id), ['r6', 'r5', 'r4', 'r3', 'r2']);
    });

    it('counts a running record as interrupted once its heartbeat stopped, or when marked so', async () => {
      const store = new RolloutStore(new MemoryMemento(), (err) => assert.fail(String(err)));
      const now = 1_000_000;
      const alive = record('alive', now);
      const stale = record('stale', now - 10 * HEARTBEAT_MS);
      const marked = { ...record('marked', now), status: 'interrupted' as const };
      const done = { ...record('done', now - 10 * HEARTBEAT_MS), status: 'finished' as const };
      [alive, stale, marked, done].forEach((r) => store.save(r));
      await store.flush();
      assert.deepEqual(store.interrupted(now).map((r) => r.id).sort(), ['marked', 'stale']);
    });
  });
});
