import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { emulatorControl } from './emulatorControl';
import { eventually } from './extensionApi';
import { extensionNamed, lifecycleSuiteSetup, runWith, settingsDocumentShown, treeShows, useTheseSettings, writes } from './lifecycle/lifecycleFixture';
import { type ScriptedAnswer, ScriptedPrompter } from './lifecycle/scriptedPrompter';
import type { AksClusterExtensionsApi } from '../../src/extensionApi';

interface PutBody { properties: { configurationSettings?: Record<string, string> } }

const REVIEW: ScriptedAnswer = { when: /Review.*then choose/, pick: 'Delete and Create azureml' };
const EDIT: ScriptedAnswer = { when: /Configuration settings to create azureml/, pick: 'Edit the settings' };
const NO_PROTECTED: ScriptedAnswer = { when: /\| Protected settings \(/, pick: 'None' };
const confirmRecreate = (yes: boolean): ScriptedAnswer => ({ when: /Delete azureml from aks-fabrikam-ml and create it again\?/, confirm: yes });

/**
 * Runs Recreate on the seed's Failed azureml (its settings break a rule: NodePort with the internal load balancer),
 * editing the settings to the fix in the document the flow opens.
 */
async function recreateWithFix(api: AksClusterExtensionsApi, answers: ScriptedAnswer[]): Promise<{ result: string | undefined; prompter: ScriptedPrompter }> {
  const node = await extensionNamed(api, 'aks-fabrikam-ml', 'azureml');
  const running = runWith<string | undefined>(api, [EDIT, ...answers], 'recreateExtension', node);
  const editor = await settingsDocumentShown();
  const fixed = { ...(JSON.parse(editor.document.getText()) as Record<string, string>), inferenceRouterServiceType: 'LoadBalancer' };
  await editor.edit((b) => b.replace(editor.document.validateRange(new vscode.Range(0, 0, 9999, 0)), JSON.stringify(fixed)));
  await useTheseSettings(editor.document);
  return running;
}

suite('Lifecycle: recreate shows the failure, lets the settings be edited, and asks like Delete', () => {
  const { api } = lifecycleSuiteSetup();

  test('the review starts with why it failed, and nothing is deleted without the modal yes', async () => {
    const { result, prompter } = await recreateWithFix(api(), [NO_PROTECTED, REVIEW, confirmRecreate(false)]);
    assert.equal(result, undefined);
    const review = prompter.offered.find((o) => /Review/.test(o.question));
    const labels = review?.items.map((i) => i.label) ?? [];
    assert.ok(labels.findIndex((l) => /^It failed with ExtensionOperationFailed/.test(l)) >= 0 && labels.findIndex((l) => /^It failed/.test(l)) < labels.findIndex((l) => /^Deletes azureml/.test(l)), labels.join('\n'));
    assert.deepEqual(await writes(), []);
  });

  test('with None for protected settings the dialog says they will be dropped and the yes names it', async () => {
    const { prompter } = await recreateWithFix(api(), [NO_PROTECTED, REVIEW, confirmRecreate(false)]);
    assert.match(prompter.confirmations[0]?.detail ?? '', /You chose no protected settings: any protected settings azureml has now will be gone for good/);
    assert.deepEqual(await writes(), []);
  });

  test('the stored settings that failed are shown with their error; Back leads to the settings, and the edited ones are sent', async () => {
    const node = await extensionNamed(api(), 'aks-fabrikam-ml', 'azureml');
    const running = runWith<string>(
      api(),
      [
        { when: /Configuration settings to create azureml/, pick: 'Keep the' },
        NO_PROTECTED,
        { when: /Fix the \d+ error/, pick: 'Go back' },
        EDIT,
        REVIEW,
        confirmRecreate(true),
      ],
      'recreateExtension',
      node,
    );
    const editor = await settingsDocumentShown();
    const fixed = { ...(JSON.parse(editor.document.getText()) as Record<string, string>), inferenceRouterServiceType: 'LoadBalancer' };
    await editor.edit((b) => b.replace(editor.document.validateRange(new vscode.Range(0, 0, 9999, 0)), JSON.stringify(fixed)));
    await useTheseSettings(editor.document);
    const { result, prompter } = await running;
    assert.equal(result, 'succeeded', JSON.stringify(prompter.messages));
    const sent = await writes();
    assert.deepEqual(sent.map((r) => r.method), ['DELETE', 'PUT']);
    assert.equal((sent[1].body as PutBody).properties.configurationSettings?.inferenceRouterServiceType, 'LoadBalancer');
  });

  test('Cancel while waiting for the delete stops waiting, creates nothing, and the tree keeps tracking the row', async () => {
    await emulatorControl.setOptions({ operationDelayMs: 3000 });
    const { result, prompter } = await recreateWithFix(api(), [NO_PROTECTED, REVIEW, confirmRecreate(true), { when: /Deleting azureml before creating it again/, cancel: true }]);
    assert.equal(result, 'stopped waiting');
    assert.match(prompter.messages.map((m) => m.message).join('\n'), /Stopped waiting: Azure goes on deleting azureml/);
    assert.deepEqual((await writes()).map((r) => r.method), ['DELETE']);
    await treeShows(api(), 'aks-fabrikam-ml', 'azureml', /Deleting/);
    await treeShows(api(), 'aks-fabrikam-ml', 'azureml', undefined, 15000);
  });
});

suite('Settings documents: errors are said at ✓, not steps later', () => {
  const { api } = lifecycleSuiteSetup();

  test('✓ on settings with a rule error asks in a modal, keeps the document open on No, and goes on once fixed', async () => {
    const node = await extensionNamed(api(), 'aks-fabrikam-ml', 'azureml');
    const prompter = new ScriptedPrompter([EDIT, { when: /The settings have 1 error/, confirm: false }, NO_PROTECTED, REVIEW, confirmRecreate(false)]);
    const restore = api().usePrompter(prompter);
    try {
      const running = vscode.commands.executeCommand('aksClusterExtensions.recreateExtension', node);
      const editor = await settingsDocumentShown();
      await useTheseSettings(editor.document);
      await eventually(async () => (prompter.confirmations.length > 0 ? true : undefined), 'the question about the error');
      assert.match(prompter.confirmations[0].detail, /NodePort/);
      assert.equal(editor.document.isClosed, false, 'the document stays open to fix');
      const fixed = { ...(JSON.parse(editor.document.getText()) as Record<string, string>), inferenceRouterServiceType: 'LoadBalancer' };
      await editor.edit((b) => b.replace(editor.document.validateRange(new vscode.Range(0, 0, 9999, 0)), JSON.stringify(fixed)));
      await useTheseSettings(editor.document);
      await running;
    } finally {
      restore();
    }
    assert.deepEqual(prompter.unused, []);
    assert.deepEqual(await writes(), []);
  });
});
