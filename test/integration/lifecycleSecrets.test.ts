import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { eventually } from './extensionApi';
import { clusterNamed, extensionNamed, fluxWizard, lifecycleSuiteSetup, runWith } from './lifecycle/lifecycleFixture';
import type { ScriptedAnswer, ScriptedPrompter } from './lifecycle/scriptedPrompter';

/** Every file below a folder (missing folders are empty). */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : e.isFile() ? [path.join(dir, e.name)] : []));
}

const protectedEntries = (value: string): ScriptedAnswer[] => [
  { when: /\| Protected settings \(/, pick: 'Enter key=value entries' },
  { when: /Protected setting key/, input: 'gitToken' },
  { when: /Value of gitToken/, input: value },
  { when: /Protected setting key/, input: '' },
];

suite('Lifecycle: a protected value never leaves the flows', () => {
  const { api } = lifecycleSuiteSetup();

  test('through create, copy as az, protected update, validation failure and deploy: not in logs, documents, messages, files or the clipboard', async function () {
    this.timeout(90_000);
    const marker = `MARKER-${randomUUID()}`;
    const prompters: ScriptedPrompter[] = [];
    const clipboards: string[] = [];
    const run = async (answers: ScriptedAnswer[], command: string, ...args: unknown[]): Promise<unknown> => {
      const { result, prompter } = await runWith(api(), answers, command, ...args);
      prompters.push(prompter);
      clipboards.push(await vscode.env.clipboard.readText());
      return result;
    };
    const createAnswers = fluxWizard('Create flux', [...protectedEntries(marker), { when: /Review.*then choose/, pick: 'Copy as az command' }]);
    assert.equal(await run(createAnswers, 'createExtension', await clusterNamed(api(), 'aks-dev-westus2')), 'succeeded');
    assert.match(clipboards[0], /gitToken=<value of gitToken>/);
    api().tree.refresh();
    const flux = await extensionNamed(api(), 'aks-dev-westus2', 'flux');
    await run([{ when: /Copy the az command/, pick: 'Create (as it is now)' }], 'copyAsAzCommand', flux);
    await run([...protectedEntries(marker), { when: /Replace ALL protected settings/, confirm: true }], 'updateProtectedSettings', flux);
    await run(
      [
        { when: /Extension type/, pick: 'Microsoft.AzureML.Kubernetes' },
        { when: /Name of the extension instance/, input: 'azureml' },
        { when: /Upgrades of the extension/, pick: 'Upgrade minor versions automatically' },
        { when: /Release train/, pick: 'stable' },
        { when: /\| Configuration settings$/, pick: 'None' },
        ...protectedEntries(marker),
        { when: /Marketplace plan/, pick: 'No Marketplace plan' },
        { when: /Review.*then choose/, pick: 'Create azureml' },
      ],
      'createExtension',
      await clusterNamed(api(), 'aks-dev-westus2'),
    );
    await run(
      [{ when: /Clusters to deploy/, pickMany: ['aks-fabrikam-ml'] }, ...protectedEntries(marker), { when: /Review.*then choose/, pick: 'Copy as az command' }, { when: /Review.*then choose/, pick: 'Deploy to 1 cluster' }],
      'deployToClusters',
      flux,
    );

    const said = prompters.flatMap((p) => [...p.questions, ...p.messages.map((m) => m.message), ...p.confirmations.flatMap((c) => [c.message, c.detail])]);
    assert.ok(said.some((m) => /was created on aks-dev-westus2/.test(m)), 'messages were captured');
    for (const text of said) {
      assert.ok(!text.includes(marker), `a message or question holds the secret: ${text}`);
    }
    for (const text of clipboards) {
      assert.ok(!text.includes(marker), `the clipboard held the secret: ${text}`);
    }
    for (const document of vscode.workspace.textDocuments) {
      assert.ok(!document.getText().includes(marker), `document ${document.uri.toString()} holds the secret`);
    }
    // The log channel's file lives in the extension's log folder; wait until our lines reached it, then scan it all.
    const [logFolder, ...storage] = api().writablePlaces;
    const logFiles = await eventually(async () => {
      const files = filesUnder(path.dirname(logFolder.fsPath));
      return files.some((f) => fs.readFileSync(f, 'utf8').includes('Create flux on aks-dev-westus2: accepted by Azure')) ? files : undefined;
    }, 'the log to be written');
    const written = [...logFiles, ...storage.flatMap((u) => filesUnder(u.fsPath)), ...(vscode.workspace.workspaceFolders ?? []).flatMap((f) => filesUnder(f.uri.fsPath))];
    for (const file of written) {
      assert.ok(!fs.readFileSync(file).includes(marker), `${file} holds the secret`);
    }
  });
});
