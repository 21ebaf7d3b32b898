import * as assert from 'node:assert/strict';
import { changedValues, describeDiff, diffSettings, isEmptyDiff, settingsPatch } from '../../../src/lifecycle/settingsDiff';

describe('settings diff', () => {
  const diff = diffSettings({ keep: '1', change: 'old', drop: 'x' }, { keep: '1', change: 'new', add: 'y' });

  it('finds added, changed and removed keys; keys compare with their case', () => {
    assert.deepEqual(diff.added, [['add', 'y']]);
    assert.deepEqual(diff.changed, [{ key: 'change', from: 'old', to: 'new' }]);
    assert.deepEqual(diff.removed, ['drop']);
    assert.deepEqual(diffSettings({ Key: 'a' }, { key: 'a' }).removed, ['Key']);
  });

  it('sends only changed keys, removed ones as null (ARM merge patch)', () => {
    assert.deepEqual(changedValues(diff), { add: 'y', change: 'new' });
    assert.deepEqual(settingsPatch(diff), { add: 'y', change: 'new', drop: null });
  });

  it('previews one line per key and knows an empty change', () => {
    assert.deepEqual(describeDiff(diff), ['+ add = y', '~ change: old → new', '- drop']);
    assert.equal(isEmptyDiff(diffSettings({ a: '1' }, { a: '1' })), true);
  });
});
