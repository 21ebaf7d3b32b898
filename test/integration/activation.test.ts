import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EMULATOR_CA_FILE_ENV, EMULATOR_URL_ENV } from '../emulator/emulatorTypes';
import { EXTENSION_ID, eventually, extensionApi } from './extensionApi';

/** Whether the extension host has loaded one of the bundles the entry loads on need (src/activation/README.md). */
function bundleLoaded(extension: vscode.Extension<unknown>, bundle: 'azure.js' | 'languageClient.js'): boolean {
  return path.join(extension.extensionPath, 'dist', bundle) in require.cache;
}

// The smoke test of the harness itself: if this fails, every other suite's failure is noise. It runs first (files
// sort by name), so it sees the extension as a JSON file activates it, before any other test touched it.
suite('Activation in the real extension host', () => {
  test('a JSON file activates the entry alone; the first command loads the Azure part and runs', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'json', content: '{ "plain": "json" }' }));
    await eventually(async () => extension.isActive || undefined, 'activation by a JSON file');
    assert.equal(bundleLoaded(extension, 'azure.js'), false, 'a JSON file loaded the Azure part');
    assert.equal(bundleLoaded(extension, 'languageClient.js'), false, 'a JSON file that is no settings file loaded the language client');

    // A contributed command, through its proxy: the part loads, registers the real command and runs it.
    await vscode.commands.executeCommand('aksClusterExtensions.refresh');
    assert.equal(bundleLoaded(extension, 'azure.js'), true);
    const api = await extensionApi();
    assert.ok((await api.tree.getChildren()).length > 0, 'the tree shows the emulator\'s subscriptions');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the runner\'s emulator connection reached the extension host', () => {
    assert.match(process.env[EMULATOR_URL_ENV] ?? '', /^https:\/\/127\.0\.0\.1:\d+$/);
    const caFile = process.env[EMULATOR_CA_FILE_ENV] ?? '';
    assert.match(fs.readFileSync(caFile, 'utf8'), /BEGIN CERTIFICATE/);
  });
});
