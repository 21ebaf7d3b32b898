import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AksClusterExtensionsApi } from '../../src/extensionApi';
import { emulatorSuiteSetup } from './extensionApi';
import { ScriptedPrompter } from './lifecycle/scriptedPrompter';

const own = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('aksClusterExtensions');
const rootLabels = async (api: AksClusterExtensionsApi): Promise<string[]> =>
  (await api.tree.getChildren()).map((n) => String(api.tree.getTreeItem(n).label)).sort();

async function selectSubscriptions(api: AksClusterExtensionsApi, chosen: readonly string[]): Promise<void> {
  const restore = api.usePrompter(new ScriptedPrompter([{ when: /Select the subscriptions/, pickMany: chosen }]));
  try {
    await vscode.commands.executeCommand('aksClusterExtensions.selectSubscriptions');
  } finally {
    restore();
  }
  api.tree.refresh();
}

suite('Select Subscriptions without the Azure Resources extension', () => {
  const getApi = emulatorSuiteSetup();
  teardown(() => own().update('selectedSubscriptions', undefined, vscode.ConfigurationTarget.Global));

  test('the shared azureResourceGroups setting is not registered here, so the test covers the case without it', () => {
    assert.equal(vscode.workspace.getConfiguration('azureResourceGroups').inspect('selectedSubscriptions')?.defaultValue, undefined);
  });

  test('choosing some subscriptions writes our own setting and the view shows just those', async () => {
    const api = getApi();
    await selectSubscriptions(api, ['Contoso Production']);
    const written = own().inspect<string[]>('selectedSubscriptions')?.globalValue;
    assert.equal(written?.length, 1);
    assert.match(written?.[0] ?? '', /^[0-9a-f-]+\/6b0a3f2e-8c1d-4e5f-9a7b-2c3d4e5f6a7b$/);
    assert.deepEqual(await rootLabels(api), ['Contoso Production']);
  });

  test('choosing none shows no subscription (the "no subscriptions" welcome), not all of them', async () => {
    const api = getApi();
    await selectSubscriptions(api, []);
    assert.deepEqual(own().inspect<string[]>('selectedSubscriptions')?.globalValue, []);
    assert.deepEqual(await rootLabels(api), []);
  });

  test('choosing every subscription removes the filter', async () => {
    const api = getApi();
    await selectSubscriptions(api, ['Contoso Production']);
    await selectSubscriptions(api, ['Contoso', 'Fabrikam']);
    assert.equal(own().inspect('selectedSubscriptions')?.globalValue, undefined);
    assert.equal((await rootLabels(api)).length, 3);
  });
});
