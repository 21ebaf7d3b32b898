import * as assert from 'node:assert/strict';
import { immutableKeysChanged, validateExtensionRequest } from '../../../src/shared';

describe('immutableKeysChanged (Dapr: global.ha.* and dapr_placement.* are fixed at creation)', () => {
  const created = { 'global.ha.enabled': 'true', 'dapr_operator.replicaCount': '2', skipExistingDaprCheck: 'true' };

  it('reports a changed HA setting', () => {
    assert.deepEqual(immutableKeysChanged('microsoft.dapr', created, { ...created, 'global.ha.enabled': 'false' }), ['global.ha.enabled']);
  });

  it('reports placement keys outside the catalog, added or removed', () => {
    assert.deepEqual(immutableKeysChanged('dapr', created, { ...created, 'dapr_placement.cluster.logStorePath': '/var/run' }), ['dapr_placement.cluster.logStorePath']);
    assert.deepEqual(immutableKeysChanged('dapr', { ...created, 'global.ha.replicaCount': '5' }, created), ['global.ha.replicaCount']);
  });

  it('allows writing out or removing a value equal to the default', () => {
    assert.deepEqual(immutableKeysChanged('dapr', {}, { 'global.ha.enabled': 'true', 'global.ha.replicaCount': '3' }), []);
    assert.deepEqual(immutableKeysChanged('dapr', created, { 'dapr_operator.replicaCount': '3' }), []);
  });

  it('lets other keys and other types change', () => {
    assert.deepEqual(immutableKeysChanged('dapr', created, { ...created, 'dapr_operator.replicaCount': '3', 'global.tag': '1.13.0-mariner' }), []);
    assert.deepEqual(immutableKeysChanged('flux', { 'global.ha.enabled': 'true' }, { 'global.ha.enabled': 'false' }), []);
  });
});

describe('validateExtensionRequest with the settings before an update', () => {
  const before = { 'global.ha.enabled': 'true', skipExistingDaprCheck: 'true' };
  const update = (settings?: Record<string, string>) =>
    validateExtensionRequest({ extensionType: 'microsoft.dapr', name: 'dapr', configurationSettings: settings }, { settingsForm: 'stored', settingsBefore: before });

  it('refuses a change of a key fixed at creation, saying what to do instead', () => {
    const refused = update({ ...before, 'global.ha.enabled': 'false' }).filter((p) => p.code === 'settings/immutable-changed');
    assert.deepEqual(refused.map((p) => [p.severity, p.key, p.field]), [['error', 'global.ha.enabled', 'configurationSettings']]);
    assert.match(refused[0].message, /global\.ha\.enabled cannot change after Dapr is created: keep "true", or delete the extension and create it again/);
  });

  it('accepts an update that leaves those keys alone, or sends no settings', () => {
    assert.ok(!update({ ...before, 'dapr_operator.replicaCount': '3' }).some((p) => p.code === 'settings/immutable-changed'));
    assert.ok(!update(undefined).some((p) => p.code === 'settings/immutable-changed'));
  });
});
