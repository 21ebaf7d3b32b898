import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ClusterModel } from '../../../src/azure/clusterModel';
import { beginCreateExtension } from '../../../src/azure/extensionOperations';
import { requestFromExtension, toExtensionBody } from '../../../src/lifecycle/extensionBody';
import { requestTargetOf, requestToSend } from '../../../src/lifecycle/requestToSend';
import { type ExtensionRequest, validateExtensionRequest } from '../../../src/shared';
import { startEmulator } from '../../emulator/emulator';
import type { RunningEmulator } from '../../emulator/emulatorTypes';
import { emulatorAccess } from '../../support/emulatorAccess';
import { cliBodyCases, type CliBodyCase, cliPartnerTypes, tenantId, workspaceId } from './cliRequestBodies.data';

/** The tools' request for a case: settings files written to disk, as the user would name them to az. */
function requestOf(c: CliBodyCase, dir: string): ExtensionRequest {
  const { settingsFile, protectedSettingsFile, ...flags } = c.request;
  const req: ExtensionRequest = { ...flags };
  if (settingsFile !== undefined) {
    req.configurationSettingsFile = path.join(dir, 'settings.json');
    writeFileSync(req.configurationSettingsFile, settingsFile);
  }
  if (protectedSettingsFile !== undefined) {
    req.configurationProtectedSettingsFile = path.join(dir, 'protected.json');
    writeFileSync(req.configurationProtectedSettingsFile, protectedSettingsFile);
  }
  return req;
}

describe('what Azure receives equals what az k8s-extension create sends (per partner class, against the emulator)', () => {
  let emulator: RunningEmulator;
  let access: ReturnType<typeof emulatorAccess>;
  let clusters: ClusterModel[];
  let dir: string;

  before(async () => {
    emulator = await startEmulator({ operationDelayMs: 10 });
    access = emulatorAccess(emulator);
    const subscriptions = await access.listSubscriptions();
    clusters = (await Promise.all(subscriptions.map((s) => access.listClusters(s)))).flat();
    dir = mkdtempSync(path.join(tmpdir(), 'cli-bodies-'));
  });
  after(() => {
    emulator.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => emulator.reset());

  it('a copy of a stored AzureML extension for another cluster carries that cluster\'s ID, name and region, not the source\'s', () => {
    const small = cliBodyCases.find((c) => c.title.startsWith('AzureML training')) as CliBodyCase;
    const stored = small.expectedBody.properties.configurationSettings as Record<string, string>;
    const copy = requestFromExtension({ name: 'azureml', extensionType: 'microsoft.azureml.kubernetes', configurationSettings: stored });
    const target = clusters.find((k) => k.name === 'aks-prod-weu-01') as ClusterModel;
    const sent = requestToSend(copy, requestTargetOf(target, tenantId)).configurationSettings ?? {};
    for (const key of ['cluster_name', 'clusterId', 'prometheus.prometheusSpec.externalLabels.cluster_name']) assert.equal(sent[key], target.id, key);
    assert.deepEqual([sent.cluster_name_friendly, sent.location, sent.domain], ['aks-prod-weu-01', 'westeurope', 'westeurope.cloudapp.azure.com']);
    assert.equal(sent.clusterPurpose, 'DevTest', 'a value az wrote from the source but the user may have chosen stays');
  });

  it('AzureML inference over HTTPS from PEM files: their content base64-encoded in the protected settings, the paths kept', async () => {
    // AzureMLKubernetes.__set_inference_ssl_from_file reads both files and adds scoringFe.sslCert / scoringFe.sslKey.
    const cert = path.join(dir, 'cert.pem');
    const key = path.join(dir, 'key.pem');
    writeFileSync(cert, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    writeFileSync(key, '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n');
    const cluster = clusters.find((k) => k.name === 'aks-prod-weu-01') as ClusterModel;
    const req: ExtensionRequest = {
      extensionType: 'Microsoft.AzureML.Kubernetes',
      name: 'ml',
      configurationSettings: { enableInference: 'true', inferenceRouterServiceType: 'LoadBalancer', sslCname: 'ml.contoso.com' },
      configurationProtectedSettings: { sslCertPemFile: cert, sslKeyPemFile: key },
    };
    assert.deepEqual(validateExtensionRequest(req).filter((p) => p.severity === 'error'), []);
    await beginCreateExtension(access, cluster, 'ml', toExtensionBody(requestToSend(req, requestTargetOf(cluster, tenantId))), { updateIntervalInMs: 10 });
    const put = emulator.requests.find((r) => r.method === 'PUT' && r.url.includes('/extensions/ml?'))?.body as { properties: { configurationProtectedSettings: Record<string, string> } };
    assert.deepEqual(put.properties.configurationProtectedSettings, {
      sslCertPemFile: cert,
      sslKeyPemFile: key,
      'scoringFe.sslCert': Buffer.from('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n').toString('base64'),
      'scoringFe.sslKey': Buffer.from('-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n').toString('base64'),
    });
  });

  for (const c of cliBodyCases) {
    it(c.title, async () => {
      const cluster = clusters.find((k) => k.name === c.cluster) as ClusterModel;
      const req = requestOf(c, dir);
      assert.deepEqual(validateExtensionRequest(req).filter((p) => p.severity === 'error'), [], 'az accepts this input, so the rules must too');
      const toSend = requestToSend(req, requestTargetOf(cluster, tenantId));
      assert.equal(toSend.name, c.expectedName);
      const operation = await beginCreateExtension(access, cluster, toSend.name, toExtensionBody(toSend), { updateIntervalInMs: 10 });
      const put = emulator.requests.find((r) => r.method === 'PUT' && r.url.includes(`/extensions/${c.expectedName}?`));
      assert.ok(put, `a PUT for ${c.expectedName} reached the emulator`);
      assert.deepEqual(put.body, c.expectedBody);
      // Azure accepts it (201) and the install ends Succeeded, as the recorded az requests did.
      assert.equal(put.status, 201, JSON.stringify(put.responseBody));
      assert.equal((await operation.pollUntilDone()).provisioningState, 'Succeeded');
    });
  }

  it('every partner class of az covers a case above, or (Defender) stops before anything is sent, as az would first read a workspace key', () => {
    const covered = new Set(cliBodyCases.map((c) => c.expectedBody.properties.extensionType));
    for (const type of cliPartnerTypes) {
      if (covered.has(type)) continue;
      const findings = validateExtensionRequest({ extensionType: type, name: 'x', configurationSettings: { logAnalyticsWorkspaceResourceID: workspaceId } });
      assert.ok(findings.some((f) => f.code === 'request/az-creates-resources'), `${type}: no body case, and a create is not stopped`);
    }
    assert.ok(covered.has('microsoft.flux'), 'a type without a partner class (DefaultExtension)');
  });
});
