import * as assert from 'node:assert/strict';
import { OPERATION_TIMEOUT_MS, runningSinceEstimate, stallReason } from '../../../src/azure/provisioningState';

const now = Date.parse('2026-11-30T12:00:00Z');
const ago = (ms: number): Date => new Date(now - ms);

describe('running rows that will not end by themselves', () => {
  it('a running row on a stopped cluster waits for the cluster', () => {
    assert.equal(stallReason('Deleting', 'Stopped', ago(1000), now), 'clusterStopped');
  });

  it('a row running for longer than the operation timeout has no operation behind it', () => {
    assert.equal(stallReason('Creating', 'Running', ago(OPERATION_TIMEOUT_MS + 1), now), 'noProgress');
  });

  it('a recent running row, or one whose start is unknown, may still end: the tree keeps watching it', () => {
    assert.equal(stallReason('Creating', 'Running', ago(60_000), now), undefined);
    assert.equal(stallReason('Updating', 'Running', undefined, now), undefined);
  });

  it('rows that are not running never stall', () => {
    assert.equal(stallReason('Failed', 'Stopped', ago(OPERATION_TIMEOUT_MS * 2), now), undefined);
  });

  it('an operation seen starting in this session runs since then, whatever the last modification says', () => {
    const lastModified = ago(OPERATION_TIMEOUT_MS * 10);
    assert.equal(runningSinceEstimate(true, lastModified, now).getTime(), now);
    assert.equal(runningSinceEstimate(false, lastModified, now), lastModified);
    assert.equal(runningSinceEstimate(false, undefined, now).getTime(), now);
  });
});
