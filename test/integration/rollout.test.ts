import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ClusterNode } from '../../src/tree/treeNodes';
import { emulatorControl } from './emulatorControl';
import { clusterNamed, fluxWizard, lifecycleSuiteSetup, runWith, treeShows, writes } from './lifecycle/lifecycleFixture';

type Outcomes = { cluster: { name: string }; outcome: string; message: string }[];

const byName = (results: Outcomes): Record<string, string> => Object.fromEntries(results.map((r) => [r.cluster.name, r.outcome]));
const putTargets = async (): Promise<string[]> => (await writes()).filter((r) => r.method === 'PUT').map((r) => /managedClusters\/([^/]+)/i.exec(r.url)?.[1] ?? '');
const rolloutSettings = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('aksClusterExtensions.rollout');

/** The summary document of the last run of a rollout titled so. */
function summaryText(title: string): string {
  const documents = vscode.workspace.textDocuments.filter((d) => d.languageId === 'markdown' && d.getText().startsWith(`# ${title}\n`));
  assert.ok(documents.length > 0, `a summary document for ${title}`);
  return documents[documents.length - 1].getText();
}

suite('Rollout: canary, cancel, resume, clusters that cannot be read', () => {
  const { api } = lifecycleSuiteSetup();
  let selection: ClusterNode[];
  setup(async () => {
    selection = [await clusterNamed(api(), 'aks-dev-westus2'), await clusterNamed(api(), 'aks-fabrikam-ml')];
  });
  teardown(async () => {
    await rolloutSettings().update('canary', undefined, vscode.ConfigurationTarget.Global);
  });

  test('a canary that fails stops the rollout: the other cluster is not started and nothing is sent to it; Resume then sends it', async function () {
    this.timeout(60_000);
    await rolloutSettings().update('canary', 'first', vscode.ConfigurationTarget.Global);
    await emulatorControl.setOptions({ failNextOperation: true });
    const { result, prompter } = await runWith<Outcomes>(
      api(),
      [...fluxWizard('Deploy to 2 clusters'), { when: /Deploy flux: 1 failed, 1 not started, of 2 clusters/, choose: 'Resume' }],
      'deployToClusters',
      selection[0],
      selection,
    );
    const first = prompter.messages.find((m) => /Deploy flux: 1 failed/.test(m.message));
    assert.ok(first, JSON.stringify(prompter.messages));
    assert.match(summaryText('Deploy flux'), /\| aks-dev-westus2 \|.*\| failed \|/);
    // Resume sent the cluster the canary held back; the failed canary stays failed (Retry the Failed Ones is for it).
    assert.deepEqual(byName(result), { 'aks-dev-westus2': 'failed', 'aks-fabrikam-ml': 'succeeded' }, JSON.stringify(result.map((r) => r.message)));
    assert.deepEqual(await putTargets(), ['aks-dev-westus2', 'aks-fabrikam-ml'], 'the canary first, the other only on Resume');
    await treeShows(api(), 'aks-fabrikam-ml', 'flux', /^microsoft\.flux · (?!.*(Creating|Failed))/);
  });

  test('cancel stops submitting: what was sent is still running in Azure, the rest not started; every cluster ends known; Resume finishes', async function () {
    this.timeout(60_000);
    await rolloutSettings().update('canary', 'first', vscode.ConfigurationTarget.Global);
    await emulatorControl.setOptions({ operationDelayMs: 4000 });
    const { result, prompter } = await runWith<Outcomes>(
      api(),
      [
        ...fluxWizard('Deploy to 2 clusters'),
        { when: /^Deploy flux$/, cancel: true },
        { when: /Deploy flux: .*not started, of 2 clusters/, choose: 'Resume' },
      ],
      'deployToClusters',
      selection[0],
      selection,
    );
    // The canary was sent before the cancel (normally; under heavy load the cancel may come first, and then it was not
    // sent either): it is still running in Azure; the other cluster never was sent.
    const cancelled = prompter.messages.find((m) => /not started, of 2 clusters/.test(m.message))?.message ?? '';
    assert.match(cancelled, /^Deploy flux: (1 still running in Azure, 1|2) not started, of 2 clusters\.$/);
    assert.deepEqual(byName(result), { 'aks-dev-westus2': 'succeeded', 'aks-fabrikam-ml': 'succeeded' }, JSON.stringify(result.map((r) => r.message)));
    assert.deepEqual((await putTargets()).sort(), ['aks-dev-westus2', 'aks-fabrikam-ml'], 'each cluster written once: Resume read the running one again instead of sending it twice');
  });

  test('a cluster whose extensions cannot be read is never written to: "not checked" with the reason, in the review and the summary', async function () {
    this.timeout(60_000);
    await emulatorControl.setFaults({ serverErrorRate: 1, pathPattern: 'aks-fabrikam-ml/providers/Microsoft.KubernetesConfiguration/extensions$' });
    const { result, prompter } = await runWith<Outcomes>(api(), fluxWizard('Deploy to 1 cluster'), 'deployToClusters', selection[0], selection);
    await emulatorControl.setFaults({});
    assert.deepEqual(byName(result), { 'aks-dev-westus2': 'succeeded', 'aks-fabrikam-ml': 'notChecked' });
    const review = prompter.offered.find((o) => /Review/.test(o.question));
    assert.ok(review?.items.some((i) => /^Sends nothing to aks-fabrikam-ml: Not checked: /.test(i.label)), review?.items.map((i) => i.label).join(' / '));
    assert.match(summaryText('Deploy flux'), /\| aks-fabrikam-ml \|.*\| not checked \| Not checked: .*500/);
    assert.deepEqual(await putTargets(), ['aks-dev-westus2']);
    assert.ok(prompter.messages.some((m) => m.severity === 'warning' && /1 not checked/.test(m.message)), 'Resume is offered for it');
  });
});
