import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { emulatorControl } from '../emulatorControl';
import { extensionApi } from '../extensionApi';
import { runWith, treeShows, writes } from '../lifecycle/lifecycleFixture';
import { extensionSettings, rolloutSettings } from './restartFixture';
import { RESTART_SUITE } from './restartSuite';

type Outcomes = { cluster: { name: string }; outcome: string; message: string }[];

suite(`${RESTART_SUITE} (2 of 2)`, () => {
  suiteTeardown(async () => {
    await rolloutSettings().update('canary', undefined, vscode.ConfigurationTarget.Global);
    await extensionSettings().update('pollIntervalSeconds', undefined, vscode.ConfigurationTarget.Global);
    await emulatorControl.reset();
  });

  test('in the new extension host the stored rollout resumes: the running canary is read again, the other cluster sent; each written once', async function () {
    this.timeout(60_000);
    const api = await extensionApi();
    const { result, prompter } = await runWith<Outcomes>(
      api,
      [
        { when: /Rollout to resume/, pick: 'Deploy flux' },
        // Asked only while the record's heartbeat is fresh (the old host may not have had time to mark it interrupted).
        { when: /may still be running in another window/, confirm: true },
      ],
      'resumeRollout',
    );
    const offered = prompter.offered.find((o) => /Rollout to resume/.test(o.question));
    assert.match(offered?.items[0]?.detail ?? '', /1 not started|1 sent, end unknown|1 still running in Azure/, 'the stored progress is shown');
    assert.deepEqual(Object.fromEntries(result.map((r) => [r.cluster.name, r.outcome])), { 'aks-dev-westus2': 'succeeded', 'aks-fabrikam-ml': 'succeeded' }, JSON.stringify(result.map((r) => r.message)));
    const puts = (await writes()).filter((r) => r.method === 'PUT').map((r) => /managedClusters\/([^/]+)/i.exec(r.url)?.[1] ?? '');
    assert.deepEqual(puts, ['aks-dev-westus2', 'aks-fabrikam-ml'], 'the canary sent before the restart is not sent again');
    await treeShows(api, 'aks-fabrikam-ml', 'flux', /^microsoft\.flux · (?!.*(Creating|Failed))/);
  });
});
