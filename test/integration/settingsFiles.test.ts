import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually, extensionApi } from './extensionApi';

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

function fixture(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the runner opens test/fixtures/workspace');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function openSettings(name: string): Promise<vscode.TextDocument> {
  await extensionApi();
  const document = await vscode.workspace.openTextDocument(fixture(name));
  await vscode.window.showTextDocument(document);
  return document;
}

async function diagnosticsWith(uri: vscode.Uri, codes: string[]): Promise<vscode.Diagnostic[]> {
  return eventually(async () => {
    const found = vscode.languages.getDiagnostics(uri);
    return codes.every((c) => found.some((d) => codeOf(d) === c)) ? found : undefined;
  }, `diagnostics ${codes.join(', ')} on ${uri.fsPath}`, 30000);
}

suite('Settings files in the real editor', () => {
  test('a file named <base>.azureml.settings.json stays JSON and gets the server\'s diagnostics', async () => {
    const document = await openSettings('ml.azureml.settings.json');
    assert.equal(document.languageId, 'json');
    const found = await diagnosticsWith(document.uri, ['settings/key-case', 'settings/duplicate-across-files']);
    const keyCase = found.find((d) => codeOf(d) === 'settings/key-case');
    // az sends the key as written and the extension ignores it: a warning, with the rename as quick fix.
    assert.equal(keyCase?.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual([keyCase?.range.start.line, keyCase?.range.start.character], [3, 2]);
    assert.match(keyCase?.message ?? '', /write inferenceRouterHA, not InferenceRouterHA/);
  });

  test('the protected companion is checked together with the settings file', async () => {
    const document = await openSettings('ml.azureml.protected.json');
    await diagnosticsWith(document.uri, ['settings/duplicate-across-files']);
  });

  test('a quick fix renames the mistyped key', async () => {
    const uri = fixture('ml.azureml.settings.json');
    const [keyCase] = (await diagnosticsWith(uri, ['settings/key-case'])).filter((d) => codeOf(d) === 'settings/key-case');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, keyCase.range);
    assert.ok(actions.some((a) => a.title === 'Rename to inferenceRouterHA'), actions.map((a) => a.title).join(', '));
  });

  test('completion offers the known keys of the bound type', async () => {
    const document = await openSettings('gitops.flux.settings.json');
    await eventually(async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(1, 4));
      return list.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'workloadIdentity.enable') ? list : undefined;
    }, 'completion of Flux keys', 30000);
  });
});
