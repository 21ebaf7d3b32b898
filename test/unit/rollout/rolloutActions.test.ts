import * as assert from 'node:assert/strict';
import { findExtension } from '../../../src/azure/extensionOperations';
import { ArmPacer } from '../../../src/rollout/armPacer';
import { runRollout, type RolloutRun } from '../../../src/rollout/rolloutEngine';
import { type RolloutAction, type RolloutRecord, resumable } from '../../../src/rollout/rolloutRecord';
import type { ExtensionRequest } from '../../../src/shared';
import { useSeededEmulator } from '../../support/seededEmulator';

/** Update, recreate and delete through the same engine as create: check first, write, watch; every cluster ends known. */
describe('Rollout engine: update, recreate and delete on many clusters', () => {
  const seeded = useSeededEmulator(() => ({ operationDelayMs: 50 }));

  function newRecord(action: RolloutAction, instances: readonly [cluster: string, extension: string][]): RolloutRecord {
    return {
      id: 'test',
      title: `${action.kind} test`,
      request: { name: instances[0][1], extensionType: 'any' },
      action,
      protectedKeys: [],
      options: { canary: { kind: 'none' }, failureThreshold: { kind: 'none' } },
      targets: instances.map(([cluster, extensionName]) => ({ cluster: seeded.named(cluster), extensionName, state: 'pending', message: '' })),
      status: 'running',
      startedAt: Date.now(),
      updatedAt: Date.now(),
    };
  }

  async function drive(record: RolloutRecord, overrides: Partial<RolloutRun> = {}): Promise<RolloutRecord> {
    const pacer = new ArmPacer();
    try {
      return await runRollout(
        { access: seeded.access, pacer },
        {
          record,
          targets: record.targets,
          requestFor: (base: ExtensionRequest) => base,
          withCanary: false,
          replaceFailed: new Set(),
          pollIntervalMs: 20,
          cancel: new AbortController().signal,
          ...overrides,
        },
        { changed: () => undefined, askToContinue: () => Promise.resolve(true) },
      );
    } finally {
      pacer.dispose();
    }
  }

  const states = (record: RolloutRecord): Record<string, string> => Object.fromEntries(record.targets.map((t) => [t.cluster.name, t.state]));
  const writesTo = (): string[] =>
    seeded.emulator.requests.filter((r) => r.method !== 'GET' && r.status < 300 && /\/extensions\//.test(r.url)).map((r) => `${r.method} ${/managedClusters\/([^/]+)/.exec(r.url)?.[1] ?? ''}`);

  it('update: through 429s and 500s each instance is read first and patched once; one that already has the values, one busy and one managed get nothing', async function () {
    this.timeout(60_000);
    seeded.emulator.setFaults({ throttleRate: 0.25, retryAfterSeconds: 0.1, serverErrorRate: 0.2, pathPattern: 'extensions' });
    const record = newRecord({ kind: 'update', patch: { autoUpgradeMinorVersion: false, version: '1.13.2' } }, [
      ['aks-prod-eastus-01', 'flux'],
      ['aks-fabrikam-gitops', 'flux'],
      ['aks-prod-weu-01', 'flux'],
      ['aks-fabrikam-gitops', 'azurecontainerstorage'],
    ]);
    await drive(record);
    seeded.emulator.setFaults({});
    assert.deepEqual(record.targets.map((t) => t.state), ['succeeded', 'succeeded', 'skipped', 'skipped'], JSON.stringify(record.targets.map((t) => t.message)));
    assert.match(record.targets[2].message, /Creating: an operation is already running/);
    assert.match(record.targets[3].message, /managed by another service/);
    assert.ok(seeded.emulator.requests.some((r) => r.status === 429) && seeded.emulator.requests.some((r) => r.status === 500), 'both faults were met');
    assert.deepEqual(writesTo().sort(), ['PATCH aks-fabrikam-gitops', 'PATCH aks-prod-eastus-01']);
    const patched = seeded.emulator.requests.find((r) => r.method === 'PATCH' && r.status < 300)?.body as { properties: Record<string, unknown> };
    assert.deepEqual(patched.properties, { autoUpgradeMinorVersion: false, version: '1.13.2' }, 'only what was asked; never protected settings');
    assert.equal((await findExtension(seeded.access, seeded.named('aks-prod-eastus-01'), 'flux'))?.version, '1.13.2');

    const again = newRecord({ kind: 'update', patch: { autoUpgradeMinorVersion: false, version: '1.13.2' } }, [['aks-prod-eastus-01', 'flux']]);
    await drive(again);
    assert.equal(again.targets[0].state, 'skipped');
    assert.match(again.targets[0].message, /already has these values/);
  });

  it('update: an instance whose state cannot be read is never written to ("not checked")', async function () {
    this.timeout(30_000);
    seeded.emulator.setFaults({ serverErrorRate: 1, pathPattern: 'aks-fabrikam-gitops/providers/Microsoft.KubernetesConfiguration/extensions/flux' });
    const record = newRecord({ kind: 'update', patch: { configurationSettings: { 'aksext.rollout': 'on' } } }, [
      ['aks-prod-eastus-01', 'flux'],
      ['aks-fabrikam-gitops', 'flux'],
    ]);
    await drive(record);
    assert.deepEqual(states(record), { 'aks-prod-eastus-01': 'succeeded', 'aks-fabrikam-gitops': 'notChecked' });
    assert.deepEqual(writesTo(), ['PATCH aks-prod-eastus-01']);
  });

  it('recreate: each instance is read, deleted, waited for and created again with what was read; one the rules would refuse is not deleted', async function () {
    this.timeout(30_000);
    const before = await findExtension(seeded.access, seeded.named('aks-prod-weu-01'), 'azure-aks-backup');
    const record = newRecord({ kind: 'recreate' }, [
      ['aks-prod-weu-01', 'azure-aks-backup'],
      ['aks-prod-weu-01', 'azuremonitor-containers'],
      // Its stored settings break a rule of the type (internalLoadBalancerProvider with NodePort).
      ['aks-fabrikam-ml', 'azureml'],
    ]);
    await drive(record);
    assert.deepEqual(record.targets.map((t) => t.state), ['succeeded', 'succeeded', 'skipped'], JSON.stringify(record.targets.map((t) => t.message)));
    assert.match(record.targets[2].message, /^Nothing deleted: created again it would be refused .*internalLoadBalancerProvider/);
    const writes = seeded.emulator.requests.filter((r) => r.method !== 'GET' && r.status < 300).map((r) => `${r.method} ${r.url.split('?')[0].split('/').pop() ?? ''}`);
    for (const name of ['azure-aks-backup', 'azuremonitor-containers']) {
      assert.deepEqual(writes.filter((w) => w.endsWith(` ${name}`)), [`DELETE ${name}`, `PUT ${name}`]);
    }
    assert.equal(writes.length, 4, writes.join());
    const after = await findExtension(seeded.access, seeded.named('aks-prod-weu-01'), 'azure-aks-backup');
    assert.equal(after?.provisioningState, 'Succeeded');
    // The tenant is a fact of the cluster, filled in again per cluster by the caller's requestFor (as az does).
    const { 'credentials.tenantId': _tenant, ...settings } = before?.configurationSettings ?? {};
    assert.deepEqual(after?.configurationSettings, settings, 'created again with the settings it had');
  });

  it('recreate cancelled between delete and create: it says so, keeps what was read, and Resume creates it without deleting again', async function () {
    this.timeout(30_000);
    seeded.emulator.setOptions({ operationDelayMs: 1500 });
    const cancel = new AbortController();
    const record = newRecord({ kind: 'recreate' }, [['aks-prod-weu-01', 'azure-aks-backup']]);
    setTimeout(() => cancel.abort(), 600);
    await drive(record, { cancel: cancel.signal });
    assert.equal(record.targets[0].state, 'running');
    assert.match(record.targets[0].message, /Resume creates it/);
    assert.ok(record.targets[0].recreateWith?.configurationSettings, 'what was read is kept');
    assert.deepEqual(writesTo(), ['DELETE aks-prod-weu-01']);

    // Resumed once the delete has ended: nothing is left to read but what the target kept.
    await new Promise((resolve) => setTimeout(resolve, 1600));
    assert.equal(await findExtension(seeded.access, seeded.named('aks-prod-weu-01'), 'azure-aks-backup'), undefined);
    seeded.emulator.setOptions({ operationDelayMs: 50 });
    await drive(record, { targets: resumable(record) });
    assert.equal(record.targets[0].state, 'succeeded', record.targets[0].message);
    assert.deepEqual(writesTo(), ['DELETE aks-prod-weu-01', 'PUT aks-prod-weu-01']);
  });

  it('delete: deleted instances succeed once gone; one already gone is skipped', async function () {
    this.timeout(30_000);
    const record = newRecord({ kind: 'delete' }, [
      ['aks-prod-eastus-01', 'flux'],
      ['aks-fabrikam-gitops', 'flux'],
      ['aks-dev-westus2', 'flux'],
    ]);
    await drive(record);
    assert.deepEqual(states(record), { 'aks-prod-eastus-01': 'succeeded', 'aks-fabrikam-gitops': 'succeeded', 'aks-dev-westus2': 'skipped' });
    assert.deepEqual(writesTo().sort(), ['DELETE aks-fabrikam-gitops', 'DELETE aks-prod-eastus-01']);
    assert.equal(await findExtension(seeded.access, seeded.named('aks-prod-eastus-01'), 'flux'), undefined);
  });
});
