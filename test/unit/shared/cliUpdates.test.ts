import * as assert from 'node:assert/strict';
import { applyTypeUpdateDefaults } from '../../../src/shared';

// What `az k8s-extension update` adds to a PATCH, from the partner classes' Update methods
// (Azure/azure-cli-extensions src/k8s-extension/azext_k8s_extension/partner_extensions).
describe('updates complete as az completes them', () => {
  const dapr = (version: string | undefined, autoUpgrade: boolean) => ({ extensionType: 'microsoft.dapr', version, autoUpgradeMinorVersion: autoUpgrade });

  it('Dapr.Update: hooks.applyCrds off for a settings change on an auto-upgrading extension (auto-upgrade not asked for)', () => {
    const { patch, added } = applyTypeUpdateDefaults(dapr(undefined, true), { configurationSettings: { 'dapr_operator.replicaCount': '2' } });
    assert.deepEqual(patch.configurationSettings, { 'dapr_operator.replicaCount': '2', 'hooks.applyCrds': 'false' });
    assert.deepEqual(added, { 'hooks.applyCrds': 'false' });
  });

  it('Dapr.Update: off on a downgrade or the same version, on for an upgrade, untouched when the user sets it', () => {
    const pinned = dapr('1.13.5', false);
    const crds = (version: string): unknown => applyTypeUpdateDefaults(pinned, { autoUpgradeMinorVersion: false, version }).patch.configurationSettings;
    assert.deepEqual(crds('1.12.0'), { 'hooks.applyCrds': 'false' });
    assert.deepEqual(crds('1.13.5'), { 'hooks.applyCrds': 'false' });
    assert.deepEqual(crds('1.13.10'), { 'hooks.applyCrds': 'true' });
    assert.deepEqual(crds('1.14.0-rc.1'), { 'hooks.applyCrds': 'true' });
    assert.deepEqual(crds('not-semver'), { 'hooks.applyCrds': 'false' }, 'a version semver cannot read counts as a downgrade');
    const own = applyTypeUpdateDefaults(pinned, { configurationSettings: { 'hooks.applyCrds': 'true' }, version: '1.0.0' });
    assert.deepEqual([own.patch.configurationSettings, own.added], [{ 'hooks.applyCrds': 'true' }, {}]);
    assert.deepEqual(applyTypeUpdateDefaults(dapr(undefined, true), { autoUpgradeMinorVersion: true, releaseTrain: 'stable' }).added, { 'hooks.applyCrds': 'true' });
  });

  it('AzureML.__normalize_config: the router service type, load balancer and SSL secret under the chart\'s scoringFe keys', () => {
    const { added } = applyTypeUpdateDefaults({ extensionType: 'Microsoft.AzureML.Kubernetes' }, { configurationSettings: { inferenceRouterServiceType: 'LoadBalancer', internalLoadBalancerProvider: 'azure', sslSecret: 'tls' } });
    assert.deepEqual(added, { 'scoringFe.serviceType.nodePort': 'False', 'scoringFe.serviceType.internalLoadBalancer': 'True', 'scoringFe.sslSecret': 'tls' });
  });

  it('leaves other types\' patches as they are', () => {
    const patch = { configurationSettings: { 'multiTenancy.enforce': 'true', gone: null } };
    assert.deepEqual(applyTypeUpdateDefaults({ extensionType: 'microsoft.flux' }, patch), { patch, added: {} });
  });
});
