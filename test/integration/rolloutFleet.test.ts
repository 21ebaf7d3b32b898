import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AksClusterExtensionsApi } from '../../src/extensionApi';
import type { FleetBucketNode, FleetMemberNode, FleetTypeNode } from '../../src/fleetView/fleetNodes';
import type { RecordedRequest } from '../emulator/emulatorTypes';
import { emulatorControl } from './emulatorControl';
import { extensionNamed, lifecycleSuiteSetup, runWith, treeShows, writes } from './lifecycle/lifecycleFixture';

type Outcomes = { cluster: { name: string }; outcome: string; message: string }[];

const byName = (results: Outcomes): Record<string, string> => Object.fromEntries(results.map((r) => [r.cluster.name, r.outcome]));
const clusterOf = (r: RecordedRequest): string => /managedClusters\/([^/]+)/i.exec(r.url)?.[1] ?? '';
/** The writes Azure accepted (the refused 429s and 500s left out), as "METHOD cluster/extension". */
const accepted = async (): Promise<string[]> =>
  (await writes()).filter((w) => w.status < 300).map((w) => `${w.method} ${clusterOf(w)}/${w.url.split('?')[0].split('/').pop() ?? ''}`);

/** The summary document of the last run of a rollout titled so. */
function summaryText(title: string): string {
  const documents = vscode.workspace.textDocuments.filter((d) => d.languageId === 'markdown' && d.getText().startsWith(`# ${title}\n`));
  assert.ok(documents.length > 0, `a summary document for ${title}`);
  return documents[documents.length - 1].getText();
}

/** The fleet view's buckets of a type, as a multi-selection of them would be (the first one is the one clicked). */
async function bucketsOf(api: AksClusterExtensionsApi, type: string, label?: RegExp): Promise<FleetBucketNode[]> {
  const typeNode = (await api.fleet.getChildren()).find((n): n is FleetTypeNode => n.kind === 'fleetType' && n.group.extensionType.toLowerCase() === type.toLowerCase());
  assert.ok(typeNode, `${type} in the fleet view`);
  const buckets = ((await api.fleet.getChildren(typeNode)) as FleetBucketNode[]).filter((b) => !label || label.test(String(api.fleet.getTreeItem(b).label)));
  assert.ok(buckets.length > 0, `buckets of ${type}`);
  return buckets;
}

/**
 * The fleet view's rows of a type's instances on these clusters, from every bucket, as a multi-selection of them
 * would be. By cluster, not by bucket: after other suites the view may list each cluster (Arc ones included) instead
 * of asking Resource Graph, and then a bucket holds more clusters than the test acts on.
 */
async function membersOn(api: AksClusterExtensionsApi, type: string, clusters: readonly string[]): Promise<FleetMemberNode[]> {
  const members = (await Promise.all((await bucketsOf(api, type)).map((b) => api.fleet.getChildren(b) as Promise<FleetMemberNode[]>))).flat();
  const picked = members.filter((m) => m.member.extension && clusters.includes(m.member.cluster.name));
  assert.deepEqual(picked.map((m) => m.member.cluster.name).sort(), [...clusters].sort());
  return picked;
}

const FLUX_CLUSTERS = ['aks-prod-eastus-01', 'aks-fabrikam-gitops', 'aks-prod-weu-01'];

/** Answers to the fleet's Update: pin flux to `version`; `review` answers the review (once or more). */
function pinFlux(version: string, review: { pick: RegExp }[]): { when: RegExp; pick?: RegExp | string; input?: string }[] {
  return [
    { when: /What to change on every instance/, pick: 'Auto-upgrade, version or release train' },
    { when: /^Update flux on \d+ clusters?$/, pick: 'Pin a version' },
    { when: /Version to pin/, input: version },
    ...review.map((r) => ({ when: /^Update flux on .*\| Review/, pick: r.pick })),
  ];
}

suite('Rollout from the fleet view: update, recreate, cancel and resume', () => {
  const { api } = lifecycleSuiteSetup();
  setup(() => {
    api().fleet.setFilter({});
    api().fleet.refresh();
  });
  teardown(async () => {
    await emulatorControl.setFaults({});
    await vscode.workspace.getConfiguration('aksClusterExtensions.rollout').update('canary', undefined, vscode.ConfigurationTarget.Global);
  });

  test('Update on flux instances selected across its buckets, canary chosen in the review, through 429s and 500s: every cluster ends known and each is written once', async function () {
    this.timeout(120_000);
    await emulatorControl.setOptions({ operationDelayMs: 1500 });
    const selection = await membersOn(api(), 'microsoft.flux', FLUX_CLUSTERS);
    // Spread deterministically (faults.ts): every 4th extension request is refused with 429, every 5th answered 500.
    await emulatorControl.setFaults({ throttleRate: 0.25, retryAfterSeconds: 0.2, serverErrorRate: 0.2, pathPattern: 'extensions' });
    const { result, prompter } = await runWith<Outcomes>(
      api(),
      pinFlux('1.13.2', [{ pick: /Canary:/ }, { pick: /^\$\((check|warning)\) Update 2 instance/ }]).concat([
        { when: /Which clusters go first/, pick: 'The first clusters first' },
        { when: /How many clusters go first/, input: '1' },
      ]),
      'fleet.update',
      selection[0],
      selection,
    );
    const requests = await emulatorControl.requests();
    await emulatorControl.setFaults({});
    assert.deepEqual(byName(result), { 'aks-prod-eastus-01': 'succeeded', 'aks-fabrikam-gitops': 'succeeded', 'aks-prod-weu-01': 'skipped' }, JSON.stringify(result));
    assert.match(result.find((r) => r.cluster.name === 'aks-prod-weu-01')?.message ?? '', /Creating: an operation is already running/);
    assert.ok(requests.some((r) => r.status === 429) && requests.some((r) => r.status === 500), 'both faults were met');
    // The one review listed every cluster and what happens to it; the canary was changed there.
    const reviews = prompter.offered.filter((o) => /\| Review/.test(o.question));
    assert.ok(reviews[0].items.some((i) => /^Updates flux on aks-prod-eastus-01/.test(i.label)) && reviews[0].items.some((i) => /^Skips flux on aks-prod-weu-01: .*Creating/.test(i.label)), JSON.stringify(reviews[0]));
    assert.ok(reviews[1].items.some((i) => /Canary: the first 1 cluster alone/.test(i.label)), JSON.stringify(reviews[1]));
    assert.equal(prompter.confirmations.length, 0, 'no question per instance');
    const patches = (await writes()).filter((w) => w.method === 'PATCH' && w.status < 300);
    assert.deepEqual(patches.map(clusterOf).sort(), ['aks-fabrikam-gitops', 'aks-prod-eastus-01']);
    // The canary alone first: the second cluster's update was sent only after the canary's had ended.
    assert.ok(patches[1].time - patches[0].time >= 1500, `the second update ${patches[1].time - patches[0].time} ms after the canary's`);
    assert.deepEqual(patches.map((p) => p.body), patches.map(() => ({ properties: { autoUpgradeMinorVersion: false, version: '1.13.2' } })), 'never protected settings');
    assert.match(summaryText('Update flux'), /\| aks-prod-weu-01 \|.*\| skipped \|/);
    await treeShows(api(), 'aks-prod-eastus-01', 'flux', /1\.13\.2/);
  });

  test('Recreate Failed on Failed buckets: one review and one yes naming what is lost; each deleted, waited for and created again; one the rules refuse is not touched', async function () {
    this.timeout(120_000);
    const buckets = [
      ...(await bucketsOf(api(), 'microsoft.dataprotection.kubernetes', /^Failed/)),
      ...(await bucketsOf(api(), 'Microsoft.AzureML.Kubernetes', /^Failed/)),
    ];
    const { result, prompter } = await runWith<Outcomes>(
      api(),
      [
        { when: /protected settings for every instance/, pick: 'None' },
        { when: /^Recreate .*\| Review/, pick: /Delete and Create 2 instance/ },
        { when: /^Delete 2 instances and create them again\?/, confirm: true },
      ],
      'fleet.recreate',
      buckets[0],
      buckets,
    );
    assert.deepEqual(byName(result), { 'aks-prod-weu-01': 'succeeded', 'aks-fabrikam-ml': 'skipped' }, JSON.stringify(result));
    assert.match(result.find((r) => r.cluster.name === 'aks-fabrikam-ml')?.message ?? '', /^Nothing deleted: created again it would be refused/);
    assert.equal(prompter.confirmations.length, 1, 'one yes for the whole batch');
    assert.match(prompter.confirmations[0].detail, /gone for good/);
    const review = prompter.offered.find((o) => /\| Review/.test(o.question));
    assert.ok(review?.items.some((i) => /^Deletes azure-aks-backup on aks-prod-weu-01 and creates it again/.test(i.label)), JSON.stringify(review));
    assert.deepEqual(await accepted(), ['DELETE aks-prod-weu-01/azure-aks-backup', 'PUT aks-prod-weu-01/azure-aks-backup']);
    await treeShows(api(), 'aks-prod-weu-01', 'azure-aks-backup', /Succeeded|^microsoft\.dataprotection\.kubernetes · (?!.*(Creating|Failed))/);
  });

  test('cancel of an update rollout: what was sent is still running in Azure, the rest not started; Resume finishes, each written once', async function () {
    this.timeout(120_000);
    await vscode.workspace.getConfiguration('aksClusterExtensions.rollout').update('canary', 'first', vscode.ConfigurationTarget.Global);
    await emulatorControl.setOptions({ operationDelayMs: 4000 });
    const selection = await membersOn(api(), 'microsoft.flux', FLUX_CLUSTERS);
    const { result, prompter } = await runWith<Outcomes>(
      api(),
      [
        ...pinFlux('1.13.2', [{ pick: /^\$\((check|warning)\) Update 2 instance/ }]),
        { when: /^Update flux$/, cancel: true },
        { when: /^Update flux: .*not started, 1 skipped, of 3 clusters/, choose: 'Resume' },
      ],
      'fleet.update',
      selection[0],
      selection,
    );
    // The canary was sent before the cancel (normally; under heavy load the cancel may come first, and then it was not
    // sent either): it is still running in Azure; the other cluster never was sent.
    const cancelled = prompter.messages.find((m) => /not started, 1 skipped, of 3 clusters/.test(m.message))?.message ?? '';
    assert.match(cancelled, /^Update flux: (1 still running in Azure, 1|2) not started, 1 skipped, of 3 clusters\.$/);
    assert.deepEqual(byName(result), { 'aks-prod-eastus-01': 'succeeded', 'aks-fabrikam-gitops': 'succeeded', 'aks-prod-weu-01': 'skipped' }, JSON.stringify(result));
    const patches = (await writes()).filter((w) => w.method === 'PATCH' && w.status < 300).map(clusterOf);
    assert.deepEqual(patches.sort(), ['aks-fabrikam-gitops', 'aks-prod-eastus-01'], 'each cluster written once: Resume read the running one again instead of sending it twice');
  });

  test('Update on two flux rows selected together in the Clusters view: the fleet rollout, one review, each cluster written once', async function () {
    this.timeout(120_000);
    const rows = [await extensionNamed(api(), 'aks-prod-eastus-01', 'flux'), await extensionNamed(api(), 'aks-fabrikam-gitops', 'flux')];
    // One row selected keeps the single update, whose first question names its cluster.
    const single = await runWith(api(), [{ when: /^Update flux on aks-prod-eastus-01 \| What to change/, cancel: true }], 'updateExtension', rows[0], [rows[0]]);
    assert.match(single.prompter.offered[0]?.question ?? '', /^Update flux on aks-prod-eastus-01 \| /, JSON.stringify(single.prompter.offered));
    // As VS Code calls a context-menu command with canSelectMany: the clicked row, then the selection.
    const { result, prompter } = await runWith<Outcomes>(api(), pinFlux('1.13.2', [{ pick: /^\$\((check|warning)\) Update 2 instance/ }]), 'updateExtension', rows[0], rows);
    assert.ok(Array.isArray(result), 'the fleet rollout ran and gave its outcomes');
    assert.deepEqual(byName(result), { 'aks-prod-eastus-01': 'succeeded', 'aks-fabrikam-gitops': 'succeeded' }, JSON.stringify(result));
    const reviews = prompter.offered.filter((o) => /\| Review/.test(o.question));
    assert.equal(reviews.length, 1, 'one review for both');
    assert.ok(['aks-prod-eastus-01', 'aks-fabrikam-gitops'].every((c) => reviews[0].items.some((i) => i.label.startsWith(`Updates flux on ${c}`))), JSON.stringify(reviews[0]));
    assert.deepEqual((await accepted()).sort(), ['PATCH aks-fabrikam-gitops/flux', 'PATCH aks-prod-eastus-01/flux']);
    await treeShows(api(), 'aks-fabrikam-gitops', 'flux', /1\.13\.2/);
  });
});
