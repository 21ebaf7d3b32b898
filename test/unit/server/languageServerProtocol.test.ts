import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CompletionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type Hover,
  type ProtocolConnection,
  type TextDocumentEdit,
} from 'vscode-languageserver-protocol/node';
import { bindSettingsFileNotification, settingsFileBindingRequest, type SettingsFileBindingResult } from '../../../src/shared/protocol';

// The compiled server entry (out/src/server/main.js), the same code esbuild bundles into dist/server.js.
const serverMain = path.join(__dirname, '..', '..', '..', 'src', 'server', 'main.js');
const marker = 'PROTECTED-MARKER-7f3a9c';

describe('language server over LSP (stdio)', function () {
  this.timeout(20_000);
  let server: ChildProcess;
  let connection: ProtocolConnection;
  let serverOutput = '';
  const diagnostics = new Map<string, Diagnostic[]>();
  const waiters = new Set<() => boolean>();
  const dir = mkdtempSync(path.join(tmpdir(), 'aksext-lsp-'));
  const settingsPath = path.join(dir, 'app.azureml.settings.json');
  const protectedPath = path.join(dir, 'app.azureml.protected.json');
  const settingsUri = pathToFileURL(settingsPath).href;
  const protectedUri = pathToFileURL(protectedPath).href;
  const settingsText = '{\n  "enableInference": "true",\n  "inferenceRouterServiceType": "LoadBalancer",\n  "InferenceRouterHA": "true",\n  "dbPassword": "p"\n}\n';
  const protectedText = `{\n  "sslCertPemFile": "cert.pem",\n  "sslKeyPemFile": "${marker}"\n}\n`;

  function waitFor(uri: string, predicate: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => waiters.delete(check) && reject(new Error(`no matching diagnostics for ${uri}: ${JSON.stringify(diagnostics.get(uri)?.map((d) => d.code))}`)), 5000);
      const check = (): boolean => {
        const current = diagnostics.get(uri);
        if (!current || !predicate(current)) return false;
        clearTimeout(timer);
        waiters.delete(check);
        resolve(current);
        return true;
      };
      if (!check()) waiters.add(check);
    });
  }
  const codes = (d: Diagnostic[]): string[] => d.map((x) => String(x.code));
  const open = (uri: string, text: string): Promise<void> =>
    connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'json', version: 1, text } });

  before(async () => {
    writeFileSync(protectedPath, protectedText);
    server = spawn(process.execPath, [serverMain, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    server.stderr?.on('data', (chunk: Buffer) => (serverOutput += chunk.toString()));
    connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      diagnostics.set(params.uri, params.diagnostics);
      [...waiters].forEach((check) => check());
    });
    connection.onNotification(LogMessageNotification.type, (params) => (serverOutput += `${params.message}\n`));
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'w' }],
      capabilities: { workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } } },
    });
    await connection.sendNotification(InitializedNotification.type, {});
  });

  after(async () => {
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    connection.dispose();
    server.kill();
  });

  it('publishes diagnostics for an opened settings file, using the protected companion on disk', async () => {
    await open(settingsUri, settingsText);
    const found = await waitFor(settingsUri, (d) => d.length > 0);
    assert.deepEqual(codes(found).sort(), ['settings/key-case', 'settings/secret-in-settings', 'settings/unknown-key']);
    const keyCase = found.find((d) => d.code === 'settings/key-case')!;
    assert.deepEqual(keyCase.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 21 } });
    // SSL comes from the companion on disk, so inference does not ask for it; sslCname is missing there.
    await open(protectedUri, protectedText);
    const onProtected = await waitFor(protectedUri, (d) => d.length > 0);
    assert.deepEqual(codes(onProtected), ['azureml/ssl-needs-cname']);
  });

  it('revalidates the companion when a document changes', async () => {
    const withCname = settingsText.replace('"dbPassword": "p"', '"dbPassword": "p",\n  "sslCname": "ml.contoso.com"');
    await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: settingsUri, version: 2 }, contentChanges: [{ text: withCname }] });
    await waitFor(protectedUri, (d) => d.length === 0);
  });

  it('completes keys with their docs and values from the allowed set', async () => {
    const keys = (await connection.sendRequest(CompletionRequest.type, { textDocument: { uri: settingsUri }, position: { line: 3, character: 5 } })) as CompletionItem[];
    const item = keys.find((k) => k.label === 'inferenceRouterHA');
    assert.ok(item, 'inferenceRouterHA offered');
    assert.match(JSON.stringify(item.documentation), /Default: `true`/);
    assert.ok(!keys.some((k) => k.label === 'enableInference'), 'keys already present are not offered');
    const values = (await connection.sendRequest(CompletionRequest.type, { textDocument: { uri: settingsUri }, position: { line: 2, character: 35 } })) as CompletionItem[];
    assert.deepEqual(values.map((v) => v.label), ['"NodePort"', '"LoadBalancer"', '"ClusterIP"']);
  });

  it('hovers a key with its meaning, default and allowed values', async () => {
    const hover = (await connection.sendRequest(HoverRequest.type, { textDocument: { uri: settingsUri }, position: { line: 1, character: 6 } })) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /\*\*enableInference\*\*/);
    assert.match(value, /Allowed: `true`, `false`/);
  });

  it('offers to rename a mistyped key and to move a secret to the protected file', async () => {
    const current = diagnostics.get(settingsUri)!;
    const actions = (await connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: settingsUri },
      range: { start: { line: 0, character: 0 }, end: { line: 6, character: 0 } },
      context: { diagnostics: current },
    })) as CodeAction[];
    const rename = actions.find((a) => a.title === 'Rename to inferenceRouterHA');
    assert.deepEqual(rename?.edit?.changes?.[settingsUri], [{ range: { start: { line: 3, character: 2 }, end: { line: 3, character: 21 } }, newText: '"inferenceRouterHA"' }]);
    const move = actions.find((a) => a.title === 'Move dbPassword to app.azureml.protected.json');
    const edits = move?.edit?.documentChanges as TextDocumentEdit[];
    assert.deepEqual(edits.map((e) => e.textDocument.uri), [settingsUri, protectedUri]);
    assert.match(edits[1].edits.map((e) => e.newText).join(''), /"dbPassword": "p"/);
  });

  it('offers the fixes a rule error names: the missing key with each allowed value, written into the file', async () => {
    const uri = pathToFileURL(path.join(dir, 'router.azureml.settings.json')).href;
    await open(uri, '{\n  "enableInference": "true",\n  "allowInsecureConnections": "true"\n}\n');
    const found = await waitFor(uri, (d) => d.some((x) => x.code === 'azureml/router-service-type-required'));
    const actions = (await connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } },
      context: { diagnostics: found },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title).filter((t) => t.startsWith('Set inferenceRouterServiceType')), [
      'Set inferenceRouterServiceType to "NodePort"',
      'Set inferenceRouterServiceType to "LoadBalancer"',
      'Set inferenceRouterServiceType to "ClusterIP"',
    ]);
    const edit = actions.find((a) => a.title === 'Set inferenceRouterServiceType to "LoadBalancer"')?.edit?.changes?.[uri];
    assert.deepEqual(JSON.parse(edit?.[0].newText ?? '{}'), { enableInference: 'true', allowInsecureConnections: 'true', inferenceRouterServiceType: 'LoadBalancer' });
  });

  it('binds a file to a type on request and reports the binding', async () => {
    const uri = pathToFileURL(path.join(dir, 'gitops.json')).href;
    await open(uri, '{ "workloadIdentity.enable": "true" }');
    await waitFor(uri, (d) => d.length === 0);
    await connection.sendNotification(bindSettingsFileNotification, { uri, extensionType: 'microsoft.flux', isProtected: false });
    const found = await waitFor(uri, (d) => d.length > 0);
    assert.deepEqual(codes(found), ['flux/workload-identity-client-id']);
    const binding = await connection.sendRequest<SettingsFileBindingResult>(settingsFileBindingRequest, { uri });
    assert.deepEqual(binding, { extensionType: 'microsoft.flux', isProtected: false, source: 'explicit', displayName: 'Flux (GitOps)' });
  });

  it('never writes a protected value to its log', () => {
    assert.ok(serverOutput.length > 0, 'the server logged something');
    assert.ok(!serverOutput.includes(marker), 'a protected value reached the server log');
  });
});
