import * as assert from 'node:assert/strict';
import { RunningStateWatcher } from '../../../src/tree/runningStateWatcher';
import type { ClusterNode } from '../../../src/tree/treeNodes';

const node = { id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/c' } as ClusterNode;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('RunningStateWatcher', () => {
  it('re-reads a cluster once per interval even when its children are read more often', async () => {
    const refreshed: string[] = [];
    const watcher = new RunningStateWatcher(() => 60, (n) => refreshed.push(n.id));
    for (let i = 0; i < 6; i++) {
      watcher.watch(node, true);
      await sleep(20);
    }
    watcher.dispose();
    assert.ok(refreshed.length >= 1, 'frequent reads must not postpone the refresh');
  });

  it('stops watching once nothing on the cluster is running', async () => {
    const refreshed: string[] = [];
    const watcher = new RunningStateWatcher(() => 30, (n) => refreshed.push(n.id));
    watcher.watch(node, true);
    watcher.watch(node, false);
    await sleep(60);
    watcher.dispose();
    assert.deepEqual(refreshed, []);
  });
});
