import * as assert from 'node:assert/strict';
import { startEmulator } from '../../emulator/emulator';
import type { RunningEmulator } from '../../emulator/emulatorTypes';
import { emulatorAccess } from '../../support/emulatorAccess';

const PLAIN = 'plain-marker-7f3a';
const SECRET = 'secret-marker-91c2';

describe('the request log: one line per ARM request for a support ticket, never a value', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator({ operationDelayMs: 20 });
  });
  after(() => emulator.close());

  it('logs method, path, status, duration and the ids; never a setting value, protected or not', async () => {
    const lines: string[] = [];
    const access = emulatorAccess(emulator, 8, { logRequest: (line) => lines.push(line) });
    const [subscription] = await access.listSubscriptions();
    const [cluster] = (await access.listClusters(subscription)).filter((c) => c.hasManagedIdentity && c.powerState !== 'Stopped');
    const client = access.clientsFor(cluster.subscriptionId).kubernetesConfiguration;
    const poller = await client.beginCreate(cluster, 'logged', {
      extensionType: 'microsoft.flux',
      configurationSettings: { 'helm-controller.detectDrift': PLAIN },
      configurationProtectedSettings: { token: SECRET },
    }, { updateIntervalInMs: 10 });
    await poller.pollUntilDone();
    const put = lines.find((l) => l.startsWith('PUT '));
    assert.match(
      put ?? lines.join('\n'),
      /^PUT \/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.ContainerService\/managedClusters\/[^/]+\/providers\/Microsoft\.KubernetesConfiguration\/extensions\/logged\?api-version=[\d-]+ → 20\d in \d+ ms \(client-request-id [0-9a-f-]{36}, request-id [0-9a-f-]{36}, correlation-id [0-9a-f-]{36}\)$/,
    );
    assert.ok(lines.some((l) => /^GET \/subscriptions\/[^/]+\/providers\/Microsoft\.ContainerService\/managedClusters\?api-version=[\d-]+ → 200 /.test(l)), lines.join('\n'));
    const all = lines.join('\n');
    assert.ok(!all.includes(PLAIN) && !all.includes(SECRET), 'no setting value in the log');
  });
});
