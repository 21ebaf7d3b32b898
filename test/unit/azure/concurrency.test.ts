import * as assert from 'node:assert/strict';
import { createLimiter } from '../../../src/azure/concurrency';

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 5));

describe('createLimiter', () => {
  it('never runs more tasks at once than the limit, and runs them all', async () => {
    const limit = createLimiter(() => 3);
    let active = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        limit(async () => {
          active++;
          peak = Math.max(peak, active);
          await new Promise((r) => setTimeout(r, 2));
          active--;
          return i;
        }),
      ),
    );
    assert.equal(peak, 3);
    assert.deepEqual(results, Array.from({ length: 20 }, (_, i) => i));
  });

  it('releases its slot when a task fails', async () => {
    const limit = createLimiter(() => 1);
    await assert.rejects(limit(() => Promise.reject(new Error('boom'))), /boom/);
    assert.equal(await limit(() => Promise.resolve('next')), 'next');
  });

  it('starts waiting tasks as soon as the limit is raised, not only when a running one ends', async () => {
    let setting = 1;
    const limit = createLimiter(() => setting);
    let release: () => void = () => undefined;
    const blocker = new Promise<void>((r) => (release = r));
    const started: number[] = [];
    const tasks = Array.from({ length: 4 }, (_, i) => limit(async () => {
      started.push(i);
      await blocker;
    }));
    await tick();
    assert.deepEqual(started, [0]);
    setting = 4;
    limit.refresh();
    await tick();
    assert.deepEqual(started, [0, 1, 2, 3], 'the three waiting tasks run while the first still does');
    release();
    await Promise.all(tasks);
  });
});
