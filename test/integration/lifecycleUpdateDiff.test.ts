import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { emulatorControl } from './emulatorControl';
import { extensionId, extensionNamed, lifecycleSuiteSetup, runWith } from './lifecycle/lifecycleFixture';

suite('Lifecycle: the update review shows its changes in the diff editor', () => {
  const { api } = lifecycleSuiteSetup();

  test('before and after in VS Code\'s diff editor, protected settings never in it; the review says so', async () => {
    const node = await extensionNamed(api(), 'aks-prod-eastus-01', 'azureml');
    const protectedValues = Object.values((await emulatorControl.protectedSettingsOf(extensionId(node.parent, 'azureml'))) ?? {});
    assert.ok(protectedValues.length > 0, 'the seed has protected settings');
    const { prompter } = await runWith(
      api(),
      [
        { when: /Update azureml on/, pick: 'as key=value entries' },
        { when: /key=value to add or change/, input: 'nodeSelector.pool=gpu' },
        { when: /key=value to add or change/, input: '-sslCname' },
        { when: /key=value to add or change/, input: '' },
        { when: /Review.*then choose/, pick: 'Copy as az command' },
        { when: /Review.*then choose/ },
      ],
      'updateExtension',
      node,
    );
    const diff = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.input).find((i): i is vscode.TabInputTextDiff => i instanceof vscode.TabInputTextDiff && i.original.scheme === 'aks-extension-settings');
    assert.ok(diff, 'a diff editor of the settings is open');
    const before = JSON.parse((await vscode.workspace.openTextDocument(diff.original)).getText()) as Record<string, string>;
    const after = JSON.parse((await vscode.workspace.openTextDocument(diff.modified)).getText()) as Record<string, string>;
    assert.equal(before.sslCname !== undefined && after.sslCname === undefined, true, 'the removed key shows on the left only');
    assert.equal(after['nodeSelector.pool'], 'gpu');
    assert.deepEqual(Object.keys(before).filter((k) => k !== 'sslCname').sort(), Object.keys(after).filter((k) => k !== 'nodeSelector.pool').sort());
    const texts = JSON.stringify([before, after]);
    assert.ok(protectedValues.every((v) => !texts.includes(v)) && !/sslCertPemFile|sslKeyPemFile/.test(texts), 'no protected setting in the diff');
    assert.ok(prompter.offered.some((o) => o.items.some((i) => /diff editor shows the settings/.test(i.label))));
  });

  test('the update review has Back, which returns to the change; a step counter throughout', async () => {
    const node = await extensionNamed(api(), 'aks-prod-eastus-01', 'azureml');
    const { prompter } = await runWith(
      api(),
      [
        { when: /Update azureml on/, pick: 'as key=value entries' },
        { when: /key=value to add or change/, input: 'nodeSelector.pool=gpu' },
        { when: /key=value to add or change/, input: '' },
        { when: /Review.*then choose/, back: true },
        { when: /key=value to add or change/ },
      ],
      'updateExtension',
      node,
    );
    assert.deepEqual(prompter.unused, []);
    const review = prompter.steps[prompter.questions.findIndex((q) => /Review/.test(q))];
    assert.deepEqual(review, { step: 3, totalSteps: 3, canGoBack: true });
    assert.match(prompter.questions.at(-1) ?? '', /key=value to add or change/, 'Back leads to the change');
    assert.deepEqual(prompter.steps[0], { step: 1, totalSteps: 3, canGoBack: false });
  });
});
