// Validation time of settings files of 100, 1,000 and 10,000 keys: our validator against
// vscode-json-languageservice with an equivalent JSON schema, in the same run; and the memory of
// the real language server after validating the largest file. Run: npm run bench:validation
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { getLanguageService, type JSONSchema } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { findExtensionType, validateSettingsDocument, type ValueConstraint } from '../src/shared';

const sizes = [100, 1_000, 10_000];

/** An AzureML settings file: the catalog's flags, node selectors (known) and unknown keys (reported). */
function settingsFile(keys: number): string {
  const settings: Record<string, string> = { enableTraining: 'true', enableInference: 'true', inferenceRouterServiceType: 'LoadBalancer', allowInsecureConnections: 'true' };
  for (let i = Object.keys(settings).length; i < keys; i++) settings[i % 2 === 0 ? `nodeSelector.label${i}` : `customSetting${i}`] = `value-${i}`;
  return JSON.stringify(settings, null, 2);
}

function schemaFor(value: ValueConstraint | undefined): JSONSchema {
  if (value?.kind === 'enum') return { type: 'string', enum: [...value.values] };
  if (value?.kind === 'pattern') return { type: 'string', pattern: value.pattern.source };
  return { type: 'string' };
}

/** The same checks as a JSON schema: known keys with their values, prefixes, nothing else. */
function equivalentSchema(): JSONSchema {
  const info = findExtensionType('azureml')!;
  const properties: Record<string, JSONSchema> = {};
  const patternProperties: Record<string, JSONSchema> = {};
  for (const k of info.keys) {
    if (k.key.endsWith('.')) patternProperties[`^${k.key.replace(/\./g, '\\.')}.+`] = schemaFor(k.value);
    else properties[k.key] = schemaFor(k.value);
  }
  return { type: 'object', minProperties: 1, properties, patternProperties, additionalProperties: false, anyOf: [{ required: ['enableTraining'] }, { required: ['enableInference'] }] };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function time(runs: number, work: () => unknown): Promise<number> {
  for (let i = 0; i < 10; i++) await work(); // warm up the JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Resident memory of the real server (dist/server.js code, compiled) after it validated a file. */
async function serverMemory(text: string): Promise<{ rssMiB: number; ms: number }> {
  const server = spawn(process.execPath, [path.join(__dirname, '..', 'src', 'server', 'main.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
  await connection.sendNotification(InitializedNotification.type, {});
  const published = new Promise<void>((resolve) => connection.onNotification(PublishDiagnosticsNotification.type, () => resolve()));
  const start = performance.now();
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: 'file:///bench/big.azureml.settings.json', languageId: 'aks-extension-settings', version: 1, text } });
  await published;
  const ms = performance.now() - start;
  // Linux only: other platforms print n/a.
  let rssMiB = Number.NaN;
  try {
    const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
    rssMiB = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]) / 1024;
  } catch {
    // Not Linux.
  }
  connection.dispose();
  server.kill();
  return { rssMiB, ms };
}

async function main(): Promise<void> {
  const jsonService = getLanguageService({});
  jsonService.configure({ validate: true, allowComments: false, schemas: [{ uri: 'inmemory://aksext/azureml.schema.json', fileMatch: ['*.json'], schema: equivalentSchema() }] });
  const rows: string[] = [];
  for (const keys of sizes) {
    const text = settingsFile(keys);
    const runs = keys >= 10_000 ? 9 : 21;
    const ours = await time(runs, () => validateSettingsDocument(text, { extensionType: 'Microsoft.AzureML.Kubernetes', isProtected: false }));
    const document = TextDocument.create('file:///bench/settings.json', 'json', 1, text);
    const baseline = await time(runs, () => jsonService.doValidation(document, jsonService.parseJSONDocument(document)));
    const ourCount = validateSettingsDocument(text, { extensionType: 'azureml', isProtected: false }).length;
    const theirCount = (await jsonService.doValidation(document, jsonService.parseJSONDocument(document))).length;
    rows.push(`| ${keys.toLocaleString('en-US')} | ${ours.toFixed(2)} | ${baseline.toFixed(2)} | ${(ours / baseline).toFixed(2)} | ${ourCount} / ${theirCount} |`);
  }
  const heapMiB = process.memoryUsage().heapUsed / 1024 / 1024;
  const server = await serverMemory(settingsFile(10_000));
  console.log('| keys | aksext validator (ms, median) | vscode-json-languageservice + schema (ms, median) | ratio (lower is better) | problems found (ours / schema) |');
  console.log('|---:|---:|---:|---:|---:|');
  rows.forEach((r) => console.log(r));
  console.log();
  console.log(`Language server after validating the 10,000-key file over LSP: ${Number.isNaN(server.rssMiB) ? 'n/a' : `${server.rssMiB.toFixed(1)} MiB resident`}, diagnostics after ${server.ms.toFixed(1)} ms.`);
  console.log(`This benchmark process (both validators loaded): ${heapMiB.toFixed(1)} MiB heap used.`);
}

void main();
