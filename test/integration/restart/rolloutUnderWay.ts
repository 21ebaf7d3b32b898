import * as vscode from 'vscode';
import { emulatorControl } from '../emulatorControl';
import { eventually, extensionApi } from '../extensionApi';
import { clusterNamed, fluxWizard } from '../lifecycle/lifecycleFixture';
import { ScriptedPrompter } from '../lifecycle/scriptedPrompter';
import { extensionSettings, OPERATION_MS, rolloutSettings } from './restartFixture';
import { RESTART_SUITE } from './restartSuite';

suite(`${RESTART_SUITE} (1 of 2)`, () => {
  test('a rollout is under way when its extension host goes away: the canary sent and running, the other cluster waiting', async function () {
    this.timeout(60_000);
    const api = await extensionApi();
    await extensionSettings().update('pollIntervalSeconds', 0.2, vscode.ConfigurationTarget.Global);
    await rolloutSettings().update('canary', 'first', vscode.ConfigurationTarget.Global);
    await emulatorControl.reset();
    await emulatorControl.setOptions({ operationDelayMs: OPERATION_MS });
    const selection = [await clusterNamed(api, 'aks-dev-westus2'), await clusterNamed(api, 'aks-fabrikam-ml')];
    // Left in place on purpose: this extension host ends with the rollout still running.
    api.usePrompter(new ScriptedPrompter(fluxWizard('Deploy to 2 clusters')));
    void vscode.commands.executeCommand('aksClusterExtensions.deployToClusters', selection[0], selection);
    await eventually(async () => ((await emulatorControl.requests()).some((r) => r.method === 'PUT' && /aks-dev-westus2/.test(r.url)) ? true : undefined), 'the canary to be sent');
    // The store writes half a second after a change: let it write that the canary was sent.
    await new Promise((resolve) => setTimeout(resolve, 1500));
  });
});
