import * as assert from 'node:assert/strict';
import { PromiseCache } from '../../../src/azure/promiseCache';

describe('PromiseCache', () => {
  it('fetches once for repeated and concurrent reads, case-insensitively', async () => {
    const cache = new PromiseCache<number>();
    let calls = 0;
    const fetch = async (): Promise<number> => ++calls;
    const [a, b] = await Promise.all([cache.get('/subscriptions/A', fetch), cache.get('/subscriptions/a', fetch)]);
    assert.equal(await cache.get('/subscriptions/A', fetch), 1);
    assert.deepEqual([a, b, calls], [1, 1, 1]);
  });

  it('invalidates a key and everything below it, but not its siblings', async () => {
    const cache = new PromiseCache<string>();
    let n = 0;
    const fetch = async (): Promise<string> => `v${++n}`;
    await cache.get('/subscriptions/s1', fetch);
    await cache.get('/subscriptions/s1/resourceGroups/rg/c1', fetch);
    await cache.get('/subscriptions/s10', fetch);
    cache.invalidate('/subscriptions/s1');
    assert.equal(await cache.get('/subscriptions/s1/resourceGroups/rg/c1', fetch), 'v4');
    assert.equal(await cache.get('/subscriptions/s10', fetch), 'v3');
  });

  it('forgets a failed fetch so a retry refetches', async () => {
    const cache = new PromiseCache<string>();
    await assert.rejects(cache.get('k', () => Promise.reject(new Error('down'))));
    await new Promise((r) => setImmediate(r));
    assert.equal(await cache.get('k', async () => 'up'), 'up');
  });
});
