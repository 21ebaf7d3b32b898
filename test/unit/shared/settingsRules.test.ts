import * as assert from 'node:assert/strict';
import { validateSettingsDocument } from '../../../src/shared';

/** Codes reported on either file when settings and protected settings are checked together. */
function codes(extensionType: string | undefined, settings: Record<string, unknown>, protectedSettings?: Record<string, unknown>): string[] {
  const settingsText = JSON.stringify(settings, null, 2);
  const protectedText = protectedSettings && JSON.stringify(protectedSettings, null, 2);
  const found = validateSettingsDocument(settingsText, { extensionType, isProtected: false, companionText: protectedText });
  if (protectedText) found.push(...validateSettingsDocument(protectedText, { extensionType, isProtected: true, companionText: settingsText }));
  return found.map((d) => d.code);
}

interface RuleCase {
  code: string;
  type?: string;
  good: [Record<string, unknown>, Record<string, unknown>?];
  bad: [Record<string, unknown>, Record<string, unknown>?];
}

const training = { enableTraining: 'true' };
const inference = { enableInference: 'true', inferenceRouterServiceType: 'LoadBalancer', allowInsecureConnections: 'true' };
const backup = { blobContainer: 'c', storageAccount: 's', storageAccountResourceGroup: 'rg', storageAccountSubscriptionId: '00000000-0000-0000-0000-000000000000', storageAccountURI: 'https://s.blob.core.windows.net/' };

const cases: RuleCase[] = [
  // Shared rules.
  { code: 'settings/value-not-string', good: [{ a: 'true' }], bad: [{ a: true }] },
  { code: 'settings/secret-in-settings', good: [{ storageAccountName: 'x' }], bad: [{ dbPassword: 'x' }] },
  { code: 'settings/secret-in-settings', good: [{ url: 'https://example.org' }], bad: [{ url: 'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=abc' }] },
  { code: 'settings/secret-in-settings', good: [{}, { 'storage.key': 'k' }], bad: [{ 'storage.key': 'k' }] },
  { code: 'settings/duplicate-across-files', good: [{ a: '1' }, { b: '2' }], bad: [{ a: '1' }, { a: '2' }] },
  { code: 'settings/unknown-extension-type', type: 'contoso.widgets', good: [{ a: 'b' }], bad: [{ a: 'b' }] },
  // Per-key rules of a known type.
  { code: 'settings/key-case', type: 'azureml', good: [{ ...training, inferenceRouterHA: 'false' }], bad: [{ ...training, InferenceRouterHA: 'false' }] },
  { code: 'settings/unknown-key', type: 'azureml', good: [{ ...training, installVolcano: 'true' }], bad: [{ ...training, installVolcanoo: 'true' }] },
  { code: 'settings/invalid-value', type: 'azureml', good: [{ ...training, inferenceRouterHA: 'False' }], bad: [{ ...training, inferenceRouterHA: 'maybe' }] },
  { code: 'settings/must-be-protected', type: 'azureml', good: [{ ...training }, { sslCertPemFile: 'c.pem', sslKeyPemFile: 'k.pem' }], bad: [{ ...training, sslCertPemFile: 'c.pem' }] },
  { code: 'settings/immutable-after-create', type: 'dapr', good: [{ skipExistingDaprCheck: 'true' }], bad: [{ skipExistingDaprCheck: 'true', 'global.ha.enabled': 'false' }] },
  // AzureML.
  { code: 'azureml/training-or-inference', type: 'Microsoft.AzureML.Kubernetes', good: [training], bad: [{ enableTraining: 'false' }] },
  { code: 'azureml/inference-needs-ssl', type: 'azureml', good: [inference], bad: [{ ...inference, allowInsecureConnections: 'false' }] },
  { code: 'azureml/inference-needs-ssl', type: 'azureml', good: [{ ...inference, allowInsecureConnections: 'false', sslCname: 'ml.contoso.com' }, { sslCertPemFile: 'c', sslKeyPemFile: 'k' }], bad: [{ ...inference, allowInsecureConnections: 'false' }, { sslCertPemFile: 'c' }] },
  { code: 'azureml/ssl-needs-cname', type: 'azureml', good: [{ ...inference, sslSecret: 's', sslCname: 'ml.contoso.com' }], bad: [{ ...inference, sslSecret: 's' }] },
  { code: 'azureml/ssl-cert-and-key', type: 'azureml', good: [training, { sslCertPemFile: 'c', sslKeyPemFile: 'k' }], bad: [training, { sslKeyPemFile: 'k' }] },
  { code: 'azureml/router-service-type-required', type: 'azureml', good: [inference], bad: [{ enableInference: 'true', allowInsecureConnections: 'true' }] },
  { code: 'settings/invalid-value', type: 'azureml', good: [{ ...inference, inferenceRouterServiceType: 'clusterip' }], bad: [{ ...inference, inferenceRouterServiceType: 'Ingress' }] },
  { code: 'azureml/nodeport-with-internal-lb', type: 'azureml', good: [{ ...inference, internalLoadBalancerProvider: 'azure' }], bad: [{ ...inference, inferenceRouterServiceType: 'NodePort', internalLoadBalancerProvider: 'azure' }] },
  { code: 'settings/duplicate-across-files', type: 'azureml', good: [training, { sslSecret: 'x' }], bad: [{ ...training, sslSecret: 'x' }, { sslSecret: 'x' }] },
  // Dapr.
  { code: 'dapr/existing-release-pair', type: 'microsoft.dapr', good: [{ existingDaprReleaseName: 'dapr', existingDaprReleaseNamespace: 'dapr-system' }], bad: [{ existingDaprReleaseName: 'dapr' }] },
  { code: 'dapr/existing-release-ignored', type: 'dapr', good: [{ skipExistingDaprCheck: 'true' }], bad: [{ skipExistingDaprCheck: 'true', existingDaprReleaseNamespace: 'x' }] },
  { code: 'dapr/create-will-prompt', type: 'dapr', good: [{ skipExistingDaprCheck: 'true' }], bad: [{ 'global.tag': '1.13.0-mariner' }] },
  { code: 'dapr/read-from-settings-only', type: 'dapr', good: [{ skipExistingDaprCheck: 'true' }], bad: [{ 'global.tag': 'x' }, { skipExistingDaprCheck: 'true' }] },
  { code: 'settings/invalid-value', type: 'dapr', good: [{ skipExistingDaprCheck: 'true' }], bad: [{ skipExistingDaprCheck: 'True' }] },
  { code: 'settings/unknown-key', type: 'dapr', good: [{ skipExistingDaprCheck: 'true', 'dapr_sentry.replicaCount': '2' }], bad: [{ skipExistingDaprCheck: 'true', 'global.ha.enabeld': 'true' }] },
  { code: 'settings/invalid-value', type: 'dapr', good: [{ skipExistingDaprCheck: 'true', 'global.ha.disruption.maximumUnavailable': '25%' }], bad: [{ skipExistingDaprCheck: 'true', 'global.ha.disruption.maximumUnavailable': 'a quarter' }] },
  { code: 'settings/invalid-value', type: 'dapr', good: [{ skipExistingDaprCheck: 'true', 'global.mtls.workloadCertTTL': '48h' }], bad: [{ skipExistingDaprCheck: 'true', 'global.mtls.workloadCertTTL': 'two days' }] },
  { code: 'settings/unknown-key', type: 'dapr', good: [{ skipExistingDaprCheck: 'true', 'global.nodeSelector.kubernetes\\.io/zone': 'us-east-1c' }], bad: [{ skipExistingDaprCheck: 'true', 'global.prometheus.enabeld': 'true' }] },
  { code: 'settings/immutable-after-create', type: 'dapr', good: [{ skipExistingDaprCheck: 'true', 'global.prometheus.port': '9091' }], bad: [{ skipExistingDaprCheck: 'true', 'global.ha.disruption.minimumAvailable': '1' }] },
  // Flux.
  { code: 'flux/workload-identity-client-id', type: 'flux', good: [{ 'workloadIdentity.enable': 'true', 'workloadIdentity.azureClientId': '00000000-0000-0000-0000-000000000000' }], bad: [{ 'workloadIdentity.enable': 'true' }] },
  { code: 'flux/client-id-without-workload-identity', type: 'flux', good: [{ 'workloadIdentity.enable': 'true', 'workloadIdentity.azureClientId': '00000000-0000-0000-0000-000000000000' }], bad: [{ 'workloadIdentity.azureClientId': '00000000-0000-0000-0000-000000000000' }] },
  { code: 'flux/oom-watch-disabled', type: 'flux', good: [{ 'helm-controller.outOfMemoryWatch.enabled': 'true', 'helm-controller.outOfMemoryWatch.memoryThreshold': '90' }], bad: [{ 'helm-controller.outOfMemoryWatch.memoryThreshold': '90' }] },
  { code: 'flux/image-automation-needs-reflector', type: 'flux', good: [{ 'image-automation-controller.enabled': 'true', 'image-reflector-controller.enabled': 'true' }], bad: [{ 'image-automation-controller.enabled': 'true' }] },
  { code: 'settings/invalid-value', type: 'flux', good: [{ 'fluxconfig-agent.log-level': 'error' }], bad: [{ 'fluxconfig-agent.log-level': 'debug' }] },
  { code: 'settings/invalid-value', type: 'flux', good: [{ 'helm-controller.outOfMemoryWatch.enabled': 'true', 'helm-controller.outOfMemoryWatch.interval': '700ms' }], bad: [{ 'helm-controller.outOfMemoryWatch.enabled': 'true', 'helm-controller.outOfMemoryWatch.interval': 'soon' }] },
  { code: 'settings/unknown-key', type: 'flux', good: [{ 'source-controller.enabled': 'true' }], bad: [{ 'source-controler.enabled': 'true' }] },
  { code: 'settings/invalid-value', type: 'flux', good: [{ 'source-controller.resources.requests.memory': '300Mi' }], bad: [{ 'source-controller.resources.requests.memory': '300 MB' }] },
  { code: 'settings/unknown-key', type: 'flux', good: [{ 'helm-controller.resources.requests.cpu': '100m' }], bad: [{ 'helm-controller.resources.request.cpu': '100m' }] },
  // Azure Backup.
  { code: 'backup/missing-storage-setting', type: 'microsoft.dataprotection.kubernetes', good: [backup], bad: [{ blobContainer: 'c' }] },
  { code: 'backup/protected-settings-ignored', type: 'backup', good: [backup], bad: [backup, { useAAD: 'true' }] },
  { code: 'settings/unknown-key', type: 'backup', good: [{ ...backup, cpuLimit: '500m' }], bad: [{ ...backup, cpuLimits: '500m' }] },
  { code: 'settings/invalid-value', type: 'backup', good: [{ ...backup, memoryLimit: '1Gi' }], bad: [{ ...backup, memoryLimit: 'lots' }] },
];

describe('settings rules (a good and a bad example each)', () => {
  for (const c of cases) {
    it(`${c.code} (${c.type ?? 'any type'}): ${JSON.stringify(c.bad)}`, () => {
      const good = codes(c.type, c.good[0], c.good[1]);
      const bad = codes(c.type, c.bad[0], c.bad[1]);
      if (c.code === 'settings/unknown-extension-type') {
        assert.ok(bad.includes(c.code));
        assert.ok(!codes(undefined, c.good[0]).includes(c.code));
        return;
      }
      assert.ok(!good.includes(c.code), `good example reported ${c.code}: ${good.join(', ')}`);
      assert.ok(bad.includes(c.code), `bad example did not report ${c.code}: ${bad.join(', ')}`);
    });
  }

  it('treats Azure Backup keys case-insensitively (no case error)', () => {
    assert.deepEqual(codes('backup', { BlobContainer: 'c', STORAGEACCOUNT: 's', storageAccountResourceGroup: 'rg', storageAccountSubscriptionId: '00000000-0000-0000-0000-000000000000', storageaccounturi: 'https://s.blob.core.windows.net/' }), []);
  });

  it('suggests the right key for a case mistake', () => {
    const [d] = validateSettingsDocument('{"enableTraining":"true","InferenceRouterHA":"true"}', { extensionType: 'azureml', isProtected: false });
    assert.equal(d.code, 'settings/key-case');
    assert.equal(d.data?.suggestion, 'inferenceRouterHA');
  });

  it('accepts a complete, valid file of each main type', () => {
    assert.deepEqual(codes('azureml', { ...inference, enableTraining: 'true', nodeSelector: undefined, 'nodeSelector.pool': 'gpu' }), []);
    assert.deepEqual(codes('dapr', { skipExistingDaprCheck: 'true', 'dapr_operator.replicaCount': '2' }), []);
    assert.deepEqual(codes('flux', { 'multiTenancy.enforce': 'false', 'kustomize-controller.concurrent': '8' }), []);
    assert.deepEqual(codes('backup', backup), []);
  });

  it('in an existing extension\'s settings (an update): no create-only note, and each key fixed at creation noted as information', () => {
    const text = JSON.stringify({ 'global.ha.enabled': 'true', 'dapr_placement.cluster.forceInMemoryLog': 'true', 'dapr_operator.replicaCount': '2' }, null, 2);
    const asCreate = validateSettingsDocument(text, { extensionType: 'dapr', isProtected: false });
    assert.ok(asCreate.some((d) => d.code === 'dapr/create-will-prompt'));
    const asUpdate = validateSettingsDocument(text, { extensionType: 'dapr', isProtected: false, existing: true });
    assert.ok(!asUpdate.some((d) => d.code === 'dapr/create-will-prompt'), JSON.stringify(asUpdate));
    const fixed = asUpdate.filter((d) => d.code === 'settings/immutable-after-create');
    assert.deepEqual(fixed.map((d) => [d.range.start.line, d.severity]), [[1, 'information'], [2, 'information']]);
    assert.match(fixed[0].message, /^global\.ha\.enabled was fixed when Dapr was created: keep its value here/);
  });
});
