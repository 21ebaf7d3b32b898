import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { emulatorControl } from './emulatorControl';
import { eventually } from './extensionApi';
import { clusterNamed, extensionId, extensionNamed, fluxWizard, lifecycleSuiteSetup, runWith, writes } from './lifecycle/lifecycleFixture';
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

/** Answers to the create wizard for microsoft.dapr (not installed yet), `review` picked; `overrides` answer first. */
function daprWizard(review: string, overrides: ScriptedAnswer[] = []): ScriptedAnswer[] {
  return [
    ...overrides,
    { when: /Extension type/, pick: 'microsoft.dapr' },
    { when: /Name of the extension instance/, input: 'dapr' },
    { when: /Release namespace/, input: '' },
    { when: /Upgrades of the extension/, pick: 'Upgrade minor versions automatically' },
    { when: /Release train/, pick: 'stable' },
    { when: /Is Dapr already installed/, pick: 'Install Dapr' },
    { when: /\| Configuration settings$/, pick: 'None' },
    { when: /\| Protected settings \(/, pick: 'None' },
    { when: /Review.*then choose|Fix the/, pick: review },
  ];
}

/** Everything a prompter showed: questions, the items of every pick (the review's lines), messages, confirmations, progress. */
function shownBy(prompter: ScriptedPrompter): string[] {
  return [
    ...prompter.questions,
    ...prompter.offered.flatMap((o) => o.items.flatMap((i) => [i.label, i.detail ?? ''])),
    ...prompter.messages.map((m) => m.message),
    ...prompter.confirmations.flatMap((c) => [c.message, c.detail]),
    ...prompter.progress,
  ];
}

/** The text of every document opened or changed while it listens, closed ones included. */
function recordDocuments(skip: (uri: vscode.Uri) => boolean): { texts: Map<string, string[]>; dispose(): void } {
  const texts = new Map<string, string[]>();
  const keep = (document: vscode.TextDocument): void => {
    if (!skip(document.uri)) texts.set(document.uri.toString(), [...(texts.get(document.uri.toString()) ?? []), document.getText()]);
  };
  vscode.workspace.textDocuments.forEach(keep);
  const listeners = [vscode.workspace.onDidOpenTextDocument(keep), vscode.workspace.onDidChangeTextDocument((e) => keep(e.document))];
  return { texts, dispose: () => listeners.forEach((l) => l.dispose()) };
}

suite('Lifecycle: a protected value never leaves the flows', () => {
  const { api } = lifecycleSuiteSetup();
  const settings = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('aksClusterExtensions');

  // Every level our log has, and the most language-server trace a user could ask for (a workspace cannot).
  suiteSetup(async () => {
    await vscode.commands.executeCommand('_extensionTests.setLogLevel', 'trace');
    await settings().update('trace.server', 'verbose', vscode.ConfigurationTarget.Global);
  });
  const cleanups: (() => void)[] = [];
  teardown(() => cleanups.splice(0).forEach((cleanup) => cleanup()));
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('_extensionTests.setLogLevel', 'info');
    await settings().update('trace.server', undefined, vscode.ConfigurationTarget.Global);
    await settings().update('settingsFiles', undefined, vscode.ConfigurationTarget.Global);
  });

  test('through every flow that takes protected settings: not in logs or traces at any level, the review, messages, documents, the clipboard or files', async function () {
    this.timeout(240_000);
    assert.equal(vscode.env.logLevel, vscode.LogLevel.Trace, 'the log records every level');
    const marker = `MARKER-${randomUUID()}`;
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'aksext-marker-'));
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the runner opens a workspace folder');
    const inside = fs.mkdtempSync(path.join(folder.uri.fsPath, 'marker-'));
    const inputs = new Set<string>();
    const input = (dir: string, name: string, content: Record<string, string>): string => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, JSON.stringify(content, null, 2));
      inputs.add(file);
      return file;
    };
    // The inputs hold the marker by design: removed however the test ends.
    cleanups.push(() => {
      fs.rmSync(inside, { recursive: true, force: true });
      fs.rmSync(outside, { recursive: true, force: true });
    });
    const documents = recordDocuments((uri) => inputs.has(uri.fsPath));
    const prompters: ScriptedPrompter[] = [];
    const clipboards: string[] = [];
    const run = async <T>(answers: ScriptedAnswer[], command: string, ...args: unknown[]): Promise<T> => {
      const { result, prompter } = await runWith<T>(api(), answers, command, ...args);
      prompters.push(prompter);
      clipboards.push(await vscode.env.clipboard.readText());
      return result;
    };
    const lastRun = (): string => {
      const last = prompters[prompters.length - 1];
      return JSON.stringify({ asked: last.questions.slice(-2), said: last.messages });
    };
    const stored = async (cluster: string, name: string): Promise<Record<string, string> | null> =>
      emulatorControl.protectedSettingsOf(extensionId(await clusterNamed(api(), cluster), name));
    try {
      // Inline entries, with Copy as az command in the review.
      const dev = await clusterNamed(api(), 'aks-dev-westus2');
      const created = await run<string>(fluxWizard('Create flux', [...protectedEntries(marker), { when: /Review.*then choose/, pick: 'Copy as az command' }]), 'createExtension', dev);
      assert.equal(created, 'succeeded', lastRun());
      assert.match(clipboards[0], /gitToken=<value of gitToken>/);
      assert.deepEqual(await stored('aks-dev-westus2', 'flux'), { gitToken: marker });

      // Copy as az command of the extension.
      api().tree.refresh();
      const flux = await extensionNamed(api(), 'aks-dev-westus2', 'flux');
      await run([{ when: /Copy the az command/, pick: 'Create (as it is now)' }], 'copyAsAzCommand', flux);

      // The protected-settings update.
      const updated = await run<string>([...protectedEntries(`${marker}-updated`), { when: /Replace ALL protected settings/, confirm: true }], 'updateProtectedSettings', flux);
      assert.equal(updated, 'succeeded', lastRun());
      assert.deepEqual(await stored('aks-dev-westus2', 'flux'), { gitToken: `${marker}-updated` });

      // Rules that refuse the request: the review lists the errors, nothing is sent.
      const putsBefore = (await writes()).filter((r) => r.method === 'PUT').length;
      await run(
        [
          { when: /Extension type/, pick: 'Microsoft.AzureML.Kubernetes' },
          { when: /Name of the extension instance/, input: 'azureml' },
          { when: /Upgrades of the extension/, pick: 'Upgrade minor versions automatically' },
          { when: /Release train/, pick: 'stable' },
          { when: /\| Configuration settings$/, pick: 'Enter key=value entries' },
          { when: /A setting as key=value/, input: 'enableInference=true' },
          { when: /A setting as key=value/, input: '' },
          ...protectedEntries(marker),
          { when: /Fix the \d+ error\(s\)/, pick: /Go back/ },
          { when: /\| Protected settings \(/ },
        ],
        'createExtension',
        dev,
      );
      assert.ok(prompters[prompters.length - 1].offered.some((o) => /Fix the \d+ error/.test(o.question) && o.items.some((i) => /Go back to change the answers/.test(i.label))), `the review refused to send: ${JSON.stringify(prompters[prompters.length - 1].offered.slice(-1))} ${JSON.stringify(prompters[prompters.length - 1].messages)}`);
      assert.equal((await writes()).filter((r) => r.method === 'PUT').length, putsBefore);

      // Protected settings from a file the user picks (Dapr: one flux per cluster, and few clusters have none).
      const protectedFile = input(outside, 'dapr.protected.json', { daprSecret: `${marker}-file` });
      const fromFile = await run<string>(
        daprWizard('Create dapr', [
          { when: /\| Protected settings \(/, pick: 'From a protected settings file' },
          { when: /^Protected settings file$/, file: protectedFile },
        ]),
        'createExtension',
        dev,
      );
      assert.equal(fromFile, 'succeeded', lastRun());
      assert.deepEqual(await stored('aks-dev-westus2', 'dapr'), { daprSecret: `${marker}-file` });

      // A file bound as protected by aksClusterExtensions.settingsFiles, through Create from Settings File.
      const bound = input(inside, 'credentials.json', { daprSecret: `${marker}-bound` });
      await settings().update('settingsFiles', { [`${path.basename(inside)}/*.json`]: { extensionType: 'microsoft.dapr', protected: true } }, vscode.ConfigurationTarget.Global);
      const fromBinding = await run<string>(
        [{ when: /Select a subscription/, pick: 'Fabrikam Platform' }, { when: /Select an AKS cluster/, pick: 'aks-fabrikam-gitops' }, ...daprWizard('Create dapr')],
        'createFromSettingsFile',
        vscode.Uri.file(bound),
      );
      assert.equal(fromBinding, 'succeeded', lastRun());
      assert.deepEqual(await stored('aks-fabrikam-gitops', 'dapr'), { daprSecret: `${marker}-bound` });

      // Recreate of a Failed extension: its protected settings asked again.
      await emulatorControl.setOptions({ failNextOperation: true });
      const fabrikam = await clusterNamed(api(), 'aks-fabrikam-ml');
      await run(fluxWizard('Create flux'), 'createExtension', fabrikam);
      api().tree.refresh();
      const failed = await extensionNamed(api(), 'aks-fabrikam-ml', 'flux');
      const recreated = await run<string>(
        [...protectedEntries(`${marker}-recreate`), { when: /Configuration settings to create/, pick: 'Keep the' }, { when: /Review|then choose/, pick: /Delete and Create/ }, { when: /Delete|recreate/i, confirm: true }],
        'recreateExtension',
        failed,
      );
      assert.equal(recreated, 'succeeded', lastRun());
      assert.deepEqual(await stored('aks-fabrikam-ml', 'flux'), { gitToken: `${marker}-recreate` });

      // Deploy to clusters: the Dapr instance made above, to a cluster without one.
      api().tree.refresh();
      const dapr = await extensionNamed(api(), 'aks-dev-westus2', 'dapr');
      const deployed = await run<{ cluster: { name: string }; outcome: string }[]>(
        daprWizard('Deploy to 1 cluster', [
          { when: /Clusters to deploy/, pickMany: ['aks-prod-weu-01'] },
          { when: /Copy the settings of which instance/, pick: /dapr/ },
          { when: /\| Protected settings \(/, pick: 'Enter key=value entries' },
          { when: /Protected setting key/, input: 'daprSecret' },
          { when: /Value of daprSecret/, input: `${marker}-deploy` },
          { when: /Protected setting key/, input: '' },
          { when: /Review.*then choose/, pick: 'Copy as az command' },
        ]),
        'deployToClusters',
        dapr,
      );
      assert.deepEqual(deployed.map((r) => [r.cluster.name, r.outcome]), [['aks-prod-weu-01', 'succeeded']], lastRun());
      assert.deepEqual(await stored('aks-prod-weu-01', 'dapr'), { daprSecret: `${marker}-deploy` });

      // A protected file open in the editor: the language server gets its text, its trace must not.
      const opened = input(outside, 'trace.flux.protected.json', { gitToken: `${marker}-editor` });
      const document = await vscode.workspace.openTextDocument(opened);
      await vscode.window.showTextDocument(document);
      await eventually(async () => (vscode.languages.getDiagnostics(document.uri).length > 0 ? true : undefined), 'the server to check the protected file', 30_000);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      documents.dispose();
    }

    for (const text of prompters.flatMap(shownBy)) {
      assert.ok(!text.includes(marker), `a question, the review, a message or a progress title holds the secret: ${text}`);
    }
    for (const text of clipboards) {
      assert.ok(!text.includes(marker), `the clipboard held the secret: ${text}`);
    }
    for (const [uri, texts] of documents.texts) {
      assert.ok(!texts.some((t) => t.includes(marker)), `document ${uri} held the secret`);
    }
    // Our log's file, in the extension's log folder: wait until the last flow and the language-server trace reached it.
    const [logFolder, ...storage] = api().writablePlaces;
    const logFiles = await eventually(async () => {
      const files = filesUnder(path.dirname(logFolder.fsPath));
      const all = files.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
      // The editor's file was opened last: once its trace line is written, so is everything before it.
      return /Sending notification 'textDocument\/didOpen'/.test(all) && /Create flux on aks-dev-westus2: accepted by Azure/.test(all) ? files : undefined;
    }, 'the log to hold the flows and the language-server trace (didOpen)', 30_000);
    const written = [...logFiles, ...storage.flatMap((u) => filesUnder(u.fsPath)), ...filesUnder(folder.uri.fsPath)].filter((f) => !inputs.has(f));
    for (const file of written) {
      assert.ok(!fs.readFileSync(file).includes(marker), `${file} holds the secret`);
    }
  });
});
