import * as assert from 'node:assert/strict';
import type { ClusterNode } from '../../src/tree/treeNodes';
import { emulatorControl } from './emulatorControl';
import { childLabelled } from './extensionApi';
import { clusterNamed, extensionNamed, fluxWizard, lifecycleSuiteSetup, runWith, treeShows, writes } from './lifecycle/lifecycleFixture';

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
    const { result, prompter } = await runWith<DeployResults>(api(), fluxWizard('Deploy to 2 clusters'), 'deployToClusters', selection[0], selection);
    assert.deepEqual(outcomes(result), { 'aks-dev-westus2': 'succeeded', 'aks-fabrikam-ml': 'succeeded' }, JSON.stringify(prompter.messages));
    assert.deepEqual(prompter.unused, []);
    assert.ok(!prompter.questions.some((q) => /Clusters to deploy to/.test(q)), 'the selection is the target list');
    assert.ok(prompter.questions.every((q) => q.startsWith('Deploy an extension to 2 clusters')), prompter.questions.join('\n'));
    const reviews = prompter.offered.filter((o) => /Review/.test(o.question));
    assert.equal(reviews.length, 1, 'one review');
    const labels = reviews[0].items.map((i) => i.label);
    for (const line of ['$(check) Deploy to 2 clusters', '$(copy) Copy as az command', 'Deploys to aks-dev-westus2 (resource group rg-aks-dev).', 'Deploys to aks-fabrikam-ml', 'Type: microsoft.flux', 'Name: flux']) {
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
        { when: /Clusters to deploy microsoft\.flux to/, pickMany: ['aks-dev-westus2', 'aks-legacy-sp'] },
        ...fluxWizard('Deploy to 1 cluster'),
      ],
      'deployToClusters',
      subscription,
    );
    assert.deepEqual(outcomes(result), { 'aks-dev-westus2': 'succeeded', 'aks-legacy-sp': 'skipped' }, JSON.stringify(prompter.messages));
    assert.deepEqual(await putTargets(), ['aks-dev-westus2']);
  });

  test('from a subscription the type, the clusters and the wizard are one flow: one step counter, Back from the name returns to the clusters (still picked), then the type', async function () {
    this.timeout(30_000);
    const subscription = await childLabelled(api(), undefined, 'Contoso Dev/Test');
    const { result, prompter } = await runWith<DeployResults>(
      api(),
      [
        { when: /Extension type/, pick: 'microsoft.flux' },
        { when: /Clusters to deploy microsoft\.flux to/, pickMany: ['aks-dev-westus2'] },
        { when: /Name of the extension instance/, back: true },
        { when: /Clusters to deploy microsoft\.flux to/, back: true },
        { when: /Extension type/, pick: 'microsoft.flux' },
        { when: /Clusters to deploy microsoft\.flux to/, pickMany: ['aks-dev-westus2'] },
        ...fluxWizard('Deploy to 1 cluster').slice(1),
      ],
      'deployToClusters',
      subscription,
    );
    assert.deepEqual(prompter.unused, []);
    assert.deepEqual(outcomes(result), { 'aks-dev-westus2': 'succeeded' }, JSON.stringify(prompter.messages));
    const asked = prompter.questions.map((q, i) => `${/Extension type|Clusters to deploy|Name of the|Review/.exec(q)?.[0] ?? '…'} ${prompter.steps[i].step}/${prompter.steps[i].totalSteps}${prompter.steps[i].canGoBack ? ' back' : ''}`);
    assert.deepEqual(asked.slice(0, 6), ['Extension type 1/9', 'Clusters to deploy 2/9 back', 'Name of the 3/9 back', 'Clusters to deploy 2/9 back', 'Extension type 1/9', 'Clusters to deploy 2/9 back']);
    assert.equal(asked.at(-1), 'Review 9/9 back');
    const pickers = prompter.offered.filter((o) => /Clusters to deploy/.test(o.question));
    assert.deepEqual(pickers[1].items.filter((i) => i.picked).map((i) => i.label), ['aks-dev-westus2'], 'the clusters picked before are still picked');
    assert.deepEqual(await putTargets(), ['aks-dev-westus2']);
  });

  test('"Retry the Failed Ones" from the summary deploys again to the cluster that failed, which ends Succeeded', async function () {
    this.timeout(30_000);
    await emulatorControl.setOptions({ failNextOperation: true });
    const { result, prompter } = await runWith<DeployResults>(
      api(),
      [
        ...fluxWizard('Deploy to 2 clusters'),
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

suite('Deploy to Clusters: picking the clusters', () => {
  const { api } = lifecycleSuiteSetup();

  test('a copy offers every cluster under its subscription\'s name, marks each that will be skipped and why, with tags to filter on', async () => {
    const source = await extensionNamed(api(), 'aks-fabrikam-gitops', 'flux');
    const { prompter } = await runWith(api(), [{ when: /Clusters to deploy flux to/, pickMany: [] }], 'deployToClusters', source);
    const items = prompter.offered.find((o) => /Clusters to deploy flux to/.test(o.question))?.items ?? [];
    const item = (name: string): (typeof items)[number] | undefined => items.find((i) => i.label.endsWith(name));
    assert.deepEqual([...new Set(items.map((i) => i.group))], ['Contoso Dev/Test', 'Contoso Production', 'Fabrikam Platform']);
    assert.match(item('aks-legacy-sp')?.detail ?? '', /^Will be skipped: aks-legacy-sp uses a service principal/);
    assert.match(item('aks-prod-eastus-02')?.detail ?? '', /^Will be skipped: aks-prod-eastus-02 is stopped/);
    assert.match(item('aks-prod-eastus-01')?.detail ?? '', /^Will be skipped: Already has an extension named flux/);
    assert.equal(item('aks-dev-westus2')?.detail, undefined);
    assert.ok(items.every((i) => i.label.startsWith('$(warning) ') === (i.detail !== undefined)), 'the mark and the reason go together');
    assert.match(item('aks-prod-eastus-01')?.description ?? '', /env=prod/);
    assert.deepEqual(await writes(), []);
  });

  test('from a subscription the type comes first, and the picker marks the catalog\'s reasons too: region, Kubernetes version; Back returns to the type', async () => {
    const subscription = await childLabelled(api(), undefined, 'Contoso Production');
    const { prompter } = await runWith(
      api(),
      [
        { when: /Extension type \(from Azure for this subscription\)/, pick: 'contoso.azurevote' },
        { when: /Clusters to deploy contoso\.azurevote to/, back: true },
        { when: /Extension type \(from Azure for this subscription\)/, pick: 'contoso.azurevote' },
        { when: /Clusters to deploy contoso\.azurevote to/, pickMany: [] },
      ],
      'deployToClusters',
      subscription,
    );
    assert.deepEqual(prompter.unused, []);
    const items = prompter.offered.filter((o) => /Clusters to deploy contoso/.test(o.question)).at(-1)?.items ?? [];
    const detail = (name: string): string | undefined => items.find((i) => i.label.endsWith(name))?.detail;
    assert.match(detail('aks-prod-weu-01') ?? '', /^Will be skipped: contoso\.azurevote 0\.2\.1 does not run on Kubernetes 1\.29\.9$/);
    assert.match(detail('aks-prod-eastus-02') ?? '', /^Will be skipped: aks-prod-eastus-02 is stopped$/);
    assert.equal(detail('aks-prod-eastus-01'), undefined);
    const devTest = await childLabelled(api(), undefined, 'Contoso Dev/Test');
    const other = await runWith(api(), [{ when: /Extension type/, pick: 'contoso.azurevote' }, { when: /Clusters to deploy/, pickMany: [] }], 'deployToClusters', devTest);
    const devItems = other.prompter.offered.find((o) => /Clusters to deploy/.test(o.question))?.items ?? [];
    assert.match(devItems.find((i) => i.label.endsWith('aks-dev-westus2'))?.detail ?? '', /^Will be skipped: contoso\.azurevote is not offered in westus2, where aks-dev-westus2 runs$/);
    assert.deepEqual(await writes(), []);
  });

  test('the review of a copy has Back, which returns to the clusters', async () => {
    const source = await extensionNamed(api(), 'aks-fabrikam-gitops', 'flux');
    const { prompter } = await runWith(
      api(),
      [
        { when: /Clusters to deploy flux to/, pickMany: ['aks-prod-eastus-01'] },
        { when: /\| Protected settings \(/, pick: 'None' },
        { when: /Deploy flux \(microsoft\.flux\) to 0 clusters/, back: true },
        { when: /\| Protected settings \(/, back: true },
        { when: /Clusters to deploy flux to/, pickMany: [] },
      ],
      'deployToClusters',
      source,
    );
    assert.deepEqual(prompter.unused, []);
    const review = prompter.steps[prompter.questions.findIndex((q) => /to 0 clusters/.test(q))];
    assert.deepEqual(review, { step: 3, totalSteps: 3, canGoBack: true });
    assert.deepEqual(await writes(), []);
  });
});
