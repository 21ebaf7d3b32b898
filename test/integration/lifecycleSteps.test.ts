import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { emulatorControl } from './emulatorControl';
import { eventually } from './extensionApi';
import type { ScriptedPrompter } from './lifecycle/scriptedPrompter';
import { clusterNamed, extensionNamed, fluxWizard, lifecycleSuiteSetup, runWith, settingsDocumentShown, treeShows, useTheseSettings, writes } from './lifecycle/lifecycleFixture';

/** ARM puts the plan beside the properties, at the top of the resource. */
interface PutBody {
  plan?: { name?: string; product?: string; publisher?: string };
}

const CLIENT_ID = '00000000-0000-0000-0000-000000000000';

suite('Lifecycle: progress, Marketplace plan, settings documents, warnings', () => {
  const { api } = lifecycleSuiteSetup();

  test('cancel during progress stops waiting, not the operation: the tree follows it from Creating to Succeeded', async () => {
    await emulatorControl.setOptions({ operationDelayMs: 2500 });
    const { result, prompter } = await runWith<string>(
      api(),
      fluxWizard('Create flux', [{ when: /^Creating flux on aks-dev-westus2$/, cancel: true }]),
      'createExtension',
      await clusterNamed(api(), 'aks-dev-westus2'),
    );
    assert.equal(result, 'stoppedWaiting', JSON.stringify(prompter.messages));
    assert.deepEqual(prompter.progress, ['Creating flux on aks-dev-westus2']);
    assert.ok(prompter.messages.some((m) => /Stopped waiting\. Create flux on aks-dev-westus2 goes on in Azure/.test(m.message)));
    await treeShows(api(), 'aks-dev-westus2', 'flux', /Creating/);
    await treeShows(api(), 'aks-dev-westus2', 'flux', /^microsoft\.flux · (?!.*Creating)/);
    assert.deepEqual((await writes()).map((r) => r.method), ['PUT'], 'nothing cancelled or deleted the operation');
  });

  /** The wizard for the catalog's Marketplace type contoso.azurevote, its plan answered by `plan`. */
  const voteWizard = (plan: ReturnType<typeof fluxWizard>): ReturnType<typeof fluxWizard> =>
    fluxWizard('Create azure-vote-2', [
      { when: /Extension type/, pick: 'contoso.azurevote' },
      { when: /Name of the extension instance/, input: 'azure-vote-2' },
      { when: /Scope of the installation/, pick: 'Namespace' },
      { when: /Target namespace/, input: 'vote2' },
      ...plan,
    ]);

  test('the plan is asked only for a Marketplace type (catalog planInfo): another plan is sent with all three parts; flux is never asked and sends none', async () => {
    const plan: ReturnType<typeof fluxWizard> = [
      { when: /Marketplace plan of contoso\.azurevote/, pick: 'Another plan…' },
      { when: /Plan name/, input: 'standard' },
      { when: /Plan product/, input: 'vote-offer' },
      { when: /Plan publisher/, input: 'contoso' },
    ];
    const vote = await runWith(api(), voteWizard(plan), 'createExtension', await clusterNamed(api(), 'aks-fabrikam-gitops'));
    const offered = vote.prompter.offered.find((o) => /Marketplace plan of/.test(o.question))?.items.map((i) => i.label);
    assert.deepEqual(offered, ['Plan azure-vote-standard', 'Another plan…'], 'the catalog\'s plan comes first');
    const flux = await runWith(api(), fluxWizard('Create flux'), 'createExtension', await clusterNamed(api(), 'aks-fabrikam-ml'));
    assert.ok(!flux.prompter.questions.some((q) => /Marketplace plan/.test(q)), flux.prompter.questions.join('\n'));
    assert.deepEqual(flux.prompter.unused, []);
    const bodies = (await writes()).filter((r) => r.method === 'PUT').map((r) => r.body as PutBody);
    assert.equal(bodies.length, 2);
    assert.deepEqual(bodies[0].plan, { name: 'standard', product: 'vote-offer', publisher: 'contoso' });
    assert.equal(bodies[1].plan, undefined);
  });

  test('a partial Marketplace plan is refused before anything is sent', async () => {
    const partial: ReturnType<typeof fluxWizard> = [
      { when: /Marketplace plan/, pick: 'Another plan…' },
      { when: /Plan name/, input: 'standard' },
      { when: /Plan product/, input: '  ' },
    ];
    const { prompter } = await runWith(api(), voteWizard(partial), 'createExtension', await clusterNamed(api(), 'aks-fabrikam-gitops'));
    assert.match(prompter.messages.map((m) => m.message).join('\n'), /A value is required/);
    assert.ok(!prompter.questions.some((q) => /Plan publisher|Review/.test(q)), 'no step after the refused answer');
    assert.deepEqual(await writes(), []);
  });

  /** Create flux on aks-dev-westus2, its settings written in a document; runs until the test ends the document. */
  const createFluxInDocument = async (): Promise<{ result: string; prompter: ScriptedPrompter }> =>
    runWith<string>(api(), fluxWizard('Create flux', [{ when: /\| Configuration settings$/, pick: 'Write them in an editor' }]), 'createExtension', await clusterNamed(api(), 'aks-dev-westus2'));

  test('create in a document: it starts as an empty object without an error, completion offers the type\'s keys; ✓ Use These Settings sends nothing not chosen', async () => {
    const running = createFluxInDocument();
    const { document, selection } = await settingsDocumentShown();
    assert.deepEqual(JSON.parse(document.getText()), {});
    assert.deepEqual([selection.active.line, selection.active.character], [1, 2], 'the cursor waits inside the object');
    // The server answers in order: once it completes Flux keys here, it has judged the untouched document.
    await eventually(async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, selection.active);
      return list.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label).includes('workloadIdentity.enable')) ? true : undefined;
    }, 'completion of Flux keys in the new document');
    const errors = vscode.languages.getDiagnostics(document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(errors.map((d) => d.message), []);
    await useTheseSettings(document);
    const { result, prompter } = await running;
    assert.equal(result, 'succeeded', JSON.stringify(prompter.messages));
    assert.ok(document.isClosed, 'the document is closed once the settings are taken');
    assert.match(prompter.messages[0]?.message ?? '', /^Write the settings of flux, then choose ✓ in the title bar\./);
    const put = (await writes()).find((r) => r.method === 'PUT')?.body as { properties: { configurationSettings?: unknown } };
    // No setting chosen: the empty map az sends too (its recorded requests carry "configurationSettings": {}).
    assert.deepEqual(put.properties.configurationSettings, {}, 'the untouched document sends no settings');
  });

  test('Azure ML, which az refuses without settings: no None, the editor first, starting with training on and inference off, no error; sent as written', async () => {
    const running = runWith<string>(
      api(),
      [
        { when: /Extension type/, pick: 'Microsoft.AzureML.Kubernetes' },
        { when: /Name of the extension instance/, input: 'azureml' },
        { when: /Upgrades of the extension/, pick: 'Upgrade minor versions automatically' },
        { when: /Release train/, pick: 'stable' },
        { when: /\| Configuration settings$/, pick: 'Write them in an editor' },
        { when: /\| Protected settings \(/, pick: 'None' },
        { when: /Review.*then choose/, pick: 'Create azureml' },
      ],
      'createExtension',
      await clusterNamed(api(), 'aks-dev-westus2'),
    );
    const { document } = await settingsDocumentShown();
    assert.deepEqual(JSON.parse(document.getText()), { enableTraining: 'true', enableInference: 'false' });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.deepEqual(vscode.languages.getDiagnostics(document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map((d) => d.message), []);
    await useTheseSettings(document);
    const { result, prompter } = await running;
    assert.equal(result, 'succeeded', JSON.stringify(prompter.messages));
    const settingsStep = prompter.offered.find((o) => /\| Configuration settings$/.test(o.question))?.items.map((i) => i.label) ?? [];
    assert.equal(settingsStep[0], 'Write them in an editor');
    assert.ok(!settingsStep.includes('None'), settingsStep.join(', '));
    const review = prompter.offered.find((o) => /Review/.test(o.question))?.items.map((i) => i.label) ?? [];
    assert.ok(review.includes('Scope: cluster, release namespace azureml (the type\'s default)'), review.join('\n'));
    const put = (await writes()).find((r) => r.method === 'PUT')?.body as { properties: { configurationSettings?: Record<string, string> } };
    // az adds the cluster's facts (clusterId, location, …) as the tools do; the user's two are sent as written.
    const { enableTraining, enableInference } = put.properties.configurationSettings ?? {};
    assert.deepEqual({ enableTraining, enableInference }, { enableTraining: 'true', enableInference: 'false' });
  });

  test('settings that are not a JSON object keep the document open with the reason; closing it cancels, and nothing is sent', async () => {
    const running = createFluxInDocument();
    const editor = await settingsDocumentShown();
    const document = editor.document;
    await editor.edit((builder) => builder.replace(new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), '["not", "an object"]'));
    await useTheseSettings(document);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.ok(!document.isClosed, 'the document stays open for the fix');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    const { result, prompter } = await running;
    assert.equal(result, undefined);
    assert.ok(prompter.messages.some((m) => m.severity === 'error' && /The settings are not a JSON object/.test(m.message)), JSON.stringify(prompter.messages));
    assert.ok(!prompter.questions.some((q) => /Protected settings|Review/.test(q)), 'the wizard ended with the document');
    assert.deepEqual(await writes(), []);
  });

  test('update in a document: bound to the language server, the warning listed in full in the review and needing a choice, only changed keys sent', async () => {
    const node = await extensionNamed(api(), 'aks-prod-eastus-01', 'flux');
    const running = runWith<string>(
      api(),
      [
        { when: /Update flux on aks-prod-eastus-01/, pick: 'in a document' },
        { when: /Review the 1 warning\(s\), then choose Update flux/, pick: /^\$\(warning\) workloadIdentity/ },
        { when: /Review the 1 warning\(s\), then choose Update flux/, pick: 'Update flux despite 1 warning(s)' },
      ],
      'updateExtension',
      node,
    );
    const editor = await settingsDocumentShown();
    const document = editor.document;
    const all = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
    const text = JSON.stringify({ 'multiTenancy.enforce': 'true', 'helm-controller.detectDrift': 'true', 'workloadIdentity.azureClientId': CLIENT_ID }, null, 2);
    await editor.edit((builder) => builder.replace(all, text));
    // The language server judges the document as Flux settings while it is edited.
    await eventually(async () => (vscode.languages.getDiagnostics(document.uri).some((d) => /has no effect unless workloadIdentity\.enable/.test(d.message)) ? true : undefined), 'the server\'s warning');
    await useTheseSettings(document);
    const { result, prompter } = await running;
    assert.equal(result, 'succeeded', JSON.stringify(prompter.messages));
    assert.deepEqual(prompter.unused, []);
    assert.ok(document.isClosed, 'the document is closed once the settings are taken');
    // A quick pick row never wraps: the warning is wrapped into rows short enough to be read whole.
    const review = prompter.offered.find((o) => /Review the 1 warning/.test(o.question))?.items ?? [];
    // The warning comes first; what the update does follows it (from the line naming the diff editor).
    const rows = review.slice(0, review.findIndex((i) => /^The diff editor shows/.test(i.label))).flatMap((i) => [i.label, i.detail ?? '']).filter(Boolean);
    assert.equal(rows.join(' '), '$(warning) workloadIdentity.azureClientId has no effect unless workloadIdentity.enable is "true": set it, or remove the client ID.');
    assert.ok(rows.length > 1 && rows.every((row) => row.replace('$(warning) ', '').length <= 78), rows.join(' | '));
    const patches = (await writes()).filter((r) => r.method === 'PATCH');
    assert.equal(patches.length, 1, 'choosing the warning line sent nothing');
    assert.deepEqual(patches[0].body, { properties: { configurationSettings: { 'multiTenancy.enforce': 'true', 'workloadIdentity.azureClientId': CLIENT_ID } } });
  });

  test('update of Dapr in a document: the keys fixed at creation are noted, and the create-only question is never mentioned', async () => {
    const node = await extensionNamed(api(), 'aks-fabrikam-ml', 'dapr');
    const running = runWith<string>(api(), [{ when: /Update dapr on aks-fabrikam-ml/, pick: 'in a document' }], 'updateExtension', node);
    const editor = await settingsDocumentShown();
    const document = editor.document;
    const fixedNote = async (): Promise<true | undefined> =>
      vscode.languages.getDiagnostics(document.uri).some((d) => d.code === 'settings/immutable-after-create' && d.severity === vscode.DiagnosticSeverity.Information && /^global\.ha\.enabled was fixed when Dapr was created/.test(d.message))
        ? true
        : undefined;
    await eventually(fixedNote, 'the note on global.ha.enabled');
    // Without skipExistingDaprCheck a create would be asked whether Dapr is installed; an update never is.
    const all = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
    await editor.edit((builder) => builder.replace(all, JSON.stringify({ 'global.ha.enabled': 'false', 'dapr_operator.replicaCount': '3' }, null, 2)));
    await eventually(async () => (vscode.languages.getDiagnostics(document.uri).some((d) => d.range.start.line === 1) && (await fixedNote()) ? true : undefined), 'the edited document judged');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const codes = vscode.languages.getDiagnostics(document.uri).map((d) => String(d.code));
    assert.ok(!codes.includes('dapr/create-will-prompt'), codes.join(', '));
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    assert.equal((await running).result, undefined);
    assert.deepEqual(await writes(), []);
  });
});
