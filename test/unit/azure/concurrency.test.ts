import * as assert from 'node:assert/strict';
import { createLimiter } from '../../../src/azure/concurrency';

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
});
