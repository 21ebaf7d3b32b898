import * as assert from 'node:assert/strict';
import { isProgressing, OPERATION_TIMEOUT_MS, stallReason } from '../../../src/azure/provisioningState';

const now = Date.parse('2026-11-30T12:00:00Z');
const modified = (msAgo: number): { lastModifiedAt: Date } => ({ lastModifiedAt: new Date(now - msAgo) });

describe('stallReason: running rows that will not end by themselves', () => {
  it('a running row on a stopped cluster waits for the cluster', () => {
    assert.equal(stallReason({ provisioningState: 'Deleting', systemData: modified(1000) }, 'Stopped', now), 'clusterStopped');
  });

  it('a running row unchanged for longer than the operation timeout has no operation behind it', () => {
    assert.equal(stallReason({ provisioningState: 'Creating', systemData: modified(OPERATION_TIMEOUT_MS + 1) }, 'Running', now), 'noProgress');
  });

  it('a recent running row, or one without a modification time, may still end: the tree keeps watching it', () => {
    assert.equal(stallReason({ provisioningState: 'Creating', systemData: modified(60_000) }, 'Running', now), undefined);
    assert.equal(isProgressing({ provisioningState: 'Updating' }, 'Running', now), true);
  });

  it('rows that are not running are neither stalled nor progressing', () => {
    assert.equal(stallReason({ provisioningState: 'Failed', systemData: modified(OPERATION_TIMEOUT_MS * 2) }, 'Stopped', now), undefined);
    assert.equal(isProgressing({ provisioningState: 'Succeeded' }, 'Running', now), false);
  });
});
