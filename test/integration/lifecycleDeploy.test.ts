import * as assert from 'node:assert/strict';
import type { ClusterNode } from '../../src/tree/treeNodes';
import { emulatorControl } from './emulatorControl';
import { childLabelled } from './extensionApi';
import { clusterNamed, fluxWizard, lifecycleSuiteSetup, runWith, treeShows, writes } from './lifecycle/lifecycleFixture';

type DeployResults = { cluster: { name: string }; outcome: string; message: string }[];

const outcomes = (results: DeployResults): Record<string, string> => Object.fromEntries(results.map((r) => [r.cluster.name, r.outcome]));
const putTargets = async (): Promise<string[]> => (await writes()).filter((r) => r.method === 'PUT').map((r) => /managedClusters\/([^/]+)/i.exec(r.url)?.[1] ?? '').sort();

suite('Lifecycle: deploy from the tree', () => {
  const { api } = lifecycleSuiteSetup();
  let selection: ClusterNode[];
  setup(async () => {
    selection = [await clusterNamed(api(), 'aks-dev-westus2'), await clusterNamed(api(), 'aks-fabrikam-ml')];
  });

  test('from a multi-selection of clusters: the wizard once, titled for the deployment, one review of clusters and request; each cluster created', async function () {
    this.timeout(30_000);
    const { result, prompter } = await runWith<DeployResults>(api(), fluxWizard('Deploy to 2 cluster(s)'), 'deployToClusters', selection[0], selection);
    assert.deepEqual(outcomes(result), { 'aks-dev-westus2': 'succeeded', 'aks-fabrikam-ml': 'succeeded' }, JSON.stringify(prompter.messages));
    assert.deepEqual(prompter.unused, []);
    assert.ok(!prompter.questions.some((q) => /Clusters to deploy to/.test(q)), 'the selection is the target list');
    assert.ok(prompter.questions.every((q) => q.startsWith('Deploy an extension to 2 clusters')), prompter.questions.join('\n'));
    const reviews = prompter.offered.filter((o) => /Review/.test(o.question));
    assert.equal(reviews.length, 1, 'one review');
    const labels = reviews[0].items.map((i) => i.label);
    for (const line of ['$(check) Deploy to 2 cluster(s)', '$(copy) Copy as az command', 'Deploy to aks-dev-westus2 (rg-aks-dev)', 'Deploy to aks-fabrikam-ml', 'Type: microsoft.flux', 'Name: flux']) {
      assert.ok(labels.some((l) => l.startsWith(line)), `the review lists "${line}": ${labels.join(' / ')}`);
    }
    assert.equal(reviews[0].items.find((i) => i.label.includes('Copy as az command'))?.detail?.split('\n').length, 2, 'an az command per cluster');
    assert.deepEqual(await putTargets(), ['aks-dev-westus2', 'aks-fabrikam-ml']);
    await treeShows(api(), 'aks-fabrikam-ml', 'flux', /^microsoft\.flux · (?!.*Creating)/);
  });

  test('from a subscription: its clusters offered, the service-principal one skipped, the other created', async function () {
    this.timeout(30_000);
    const subscription = await childLabelled(api(), undefined, 'Contoso Dev/Test');
    const { result, prompter } = await runWith<DeployResults>(
      api(),
      [
        { when: /Clusters to deploy to/, pickMany: ['aks-dev-westus2', 'aks-legacy-sp'] },
        ...fluxWizard('Deploy to 1 cluster(s)'),
      ],
      'deployToClusters',
      subscription,
    );
    assert.deepEqual(outcomes(result), { 'aks-dev-westus2': 'succeeded', 'aks-legacy-sp': 'skipped' }, JSON.stringify(prompter.messages));
    assert.deepEqual(await putTargets(), ['aks-dev-westus2']);
  });

  test('"Retry the Failed Ones" from the summary deploys again to the cluster that failed, which ends Succeeded', async function () {
    this.timeout(30_000);
    await emulatorControl.setOptions({ failNextOperation: true });
    const { result, prompter } = await runWith<DeployResults>(
      api(),
      [
        ...fluxWizard('Deploy to 2 cluster(s)'),
        { when: /Deploy flux: 1 failed, 1 succeeded, of 2 clusters/, choose: 'Retry the Failed Ones' },
      ],
      'deployToClusters',
      selection[0],
      selection,
    );
    assert.ok(prompter.messages.some((m) => m.severity === 'warning' && /1 failed, 1 succeeded/.test(m.message)), JSON.stringify(prompter.messages));
    assert.deepEqual(outcomes(result), { 'aks-dev-westus2': 'succeeded', 'aks-fabrikam-ml': 'succeeded' }, JSON.stringify(result.map((r) => r.message)));
    const puts = await putTargets();
    assert.equal(puts.length, 3, `one PUT per cluster and one retry: ${puts.join(', ')}`);
    for (const cluster of ['aks-dev-westus2', 'aks-fabrikam-ml']) {
      await treeShows(api(), cluster, 'flux', /^microsoft\.flux · (?!.*(Creating|Failed))/);
    }
  });
});
