import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { settingsLanguageId } from '../../src/shared/protocol';
import { emulatorControl } from './emulatorControl';
import { eventually } from './extensionApi';
import { clusterNamed, extensionNamed, fluxWizard, lifecycleSuiteSetup, runWith, treeShows, writes } from './lifecycle/lifecycleFixture';

/** ARM puts the plan beside the properties, at the top of the resource. */
interface PutBody {
  plan?: { name?: string; product?: string; publisher?: string };
}

const CLIENT_ID = '00000000-0000-0000-0000-000000000000';

suite('Lifecycle: progress, Marketplace plan, settings document, warnings', () => {
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

  test('a Marketplace plan is sent with all three parts; without one, no plan is sent', async () => {
    const plan: ReturnType<typeof fluxWizard> = [
      { when: /Marketplace plan/, pick: 'Marketplace plan…' },
      { when: /Plan name/, input: 'standard' },
      { when: /Plan product/, input: 'flux-offer' },
      { when: /Plan publisher/, input: 'contoso' },
    ];
    await runWith(api(), fluxWizard('Create flux', plan), 'createExtension', await clusterNamed(api(), 'aks-dev-westus2'));
    await runWith(api(), fluxWizard('Create flux'), 'createExtension', await clusterNamed(api(), 'aks-fabrikam-ml'));
    const bodies = (await writes()).filter((r) => r.method === 'PUT').map((r) => r.body as PutBody);
    assert.equal(bodies.length, 2);
    assert.deepEqual(bodies[0].plan, { name: 'standard', product: 'flux-offer', publisher: 'contoso' });
    assert.equal(bodies[1].plan, undefined);
  });

  test('a partial Marketplace plan is refused before anything is sent', async () => {
    const partial: ReturnType<typeof fluxWizard> = [
      { when: /Marketplace plan/, pick: 'Marketplace plan…' },
      { when: /Plan name/, input: 'standard' },
      { when: /Plan product/, input: '  ' },
    ];
    const { prompter } = await runWith(api(), fluxWizard('Create flux', partial), 'createExtension', await clusterNamed(api(), 'aks-dev-westus2'));
    assert.match(prompter.messages.map((m) => m.message).join('\n'), /A value is required/);
    assert.ok(!prompter.questions.some((q) => /Plan publisher|Review/.test(q)), 'no step after the refused answer');
    assert.deepEqual(await writes(), []);
  });

  test('update in a document: bound to the language server, the warning listed in the review and needing a choice, only changed keys sent', async () => {
    const node = await extensionNamed(api(), 'aks-prod-eastus-01', 'flux');
    let document: vscode.TextDocument | undefined;
    const edit = async (): Promise<void> => {
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor, 'the settings document is the active editor');
      document = editor.document;
      assert.equal(document.languageId, settingsLanguageId);
      assert.equal(document.uri.scheme, 'untitled', 'settings are never written to disk by the flow');
      const all = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
      const text = JSON.stringify({ 'multiTenancy.enforce': 'true', 'helm-controller.detectDrift': 'true', 'workloadIdentity.azureClientId': CLIENT_ID }, null, 2);
      await editor.edit((builder) => builder.replace(all, text));
      // The language server judges the document as Flux settings while it is edited.
      const uri = document.uri;
      await eventually(async () => (vscode.languages.getDiagnostics(uri).some((d) => /has no effect unless workloadIdentity\.enable/.test(d.message)) ? true : undefined), 'the server\'s warning');
    };
    const { result, prompter } = await runWith<string>(
      api(),
      [
        { when: /Update flux on aks-prod-eastus-01/, pick: 'in a document' },
        { when: /Edit the configuration settings of flux/, choose: 'Review Changes', before: edit },
        { when: /Review the 1 warning\(s\), then choose Update flux/, pick: /^\$\(warning\) workloadIdentity/ },
        { when: /Review the 1 warning\(s\), then choose Update flux/, pick: 'Update flux despite 1 warning(s)' },
      ],
      'updateExtension',
      node,
    );
    assert.equal(result, 'succeeded', JSON.stringify(prompter.messages));
    assert.deepEqual(prompter.unused, []);
    assert.ok(document?.isClosed, 'the document is closed once the settings are taken');
    const patches = (await writes()).filter((r) => r.method === 'PATCH');
    assert.equal(patches.length, 1, 'choosing the warning line sent nothing');
    assert.deepEqual(patches[0].body, { properties: { configurationSettings: { 'multiTenancy.enforce': 'true', 'workloadIdentity.azureClientId': CLIENT_ID } } });
  });
});
