// Validation time of settings files of 100, 1,000 and 10,000 keys: our validator against
// vscode-json-languageservice with an equivalent JSON schema, in the same run; and the memory of
// the real language server after validating the largest file. Run: npm run bench:validation
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as os from 'node:os';
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

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

interface Comparison {
  ours: number;
  baseline: number;
  /** Per-round ratios (ours / baseline) at the 25th and 75th percentile: how much the ratio moved between rounds. */
  ratioLow: number;
  ratioHigh: number;
}

async function timed(work: () => unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/**
 * Both validators after a warm-up (the JIT), then in rounds that run each once, alternating which goes first, so that
 * load from other processes and garbage collection fall on both alike; medians of the rounds.
 */
async function compare(rounds: number, warmUp: number, ours: () => unknown, baseline: () => unknown): Promise<Comparison> {
  for (let i = 0; i < warmUp; i++) {
    await ours();
    await baseline();
  }
  const oursTimes: number[] = [];
  const baselineTimes: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < rounds; i++) {
    let o: number;
    let b: number;
    if (i % 2 === 0) {
      o = await timed(ours);
      b = await timed(baseline);
    } else {
      b = await timed(baseline);
      o = await timed(ours);
    }
    oursTimes.push(o);
    baselineTimes.push(b);
    ratios.push(o / b);
  }
  return { ours: quantile(oursTimes, 0.5), baseline: quantile(baselineTimes, 0.5), ratioLow: quantile(ratios, 0.25), ratioHigh: quantile(ratios, 0.75) };
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

// More rounds for the small files, whose single runs are the noisiest; each size takes a few seconds.
const rounds: Record<number, { rounds: number; warmUp: number }> = { 100: { rounds: 1001, warmUp: 50 }, 1_000: { rounds: 301, warmUp: 30 }, 10_000: { rounds: 61, warmUp: 8 } };

async function main(): Promise<void> {
  const jsonService = getLanguageService({});
  jsonService.configure({ validate: true, allowComments: false, schemas: [{ uri: 'inmemory://aksext/azureml.schema.json', fileMatch: ['*.json'], schema: equivalentSchema() }] });
  const load = os.loadavg()[0];
  const rows: string[] = [];
  for (const keys of sizes) {
    const text = settingsFile(keys);
    const document = TextDocument.create('file:///bench/settings.json', 'json', 1, text);
    const ours = () => validateSettingsDocument(text, { extensionType: 'Microsoft.AzureML.Kubernetes', isProtected: false });
    const baseline = () => jsonService.doValidation(document, jsonService.parseJSONDocument(document));
    const c = await compare(rounds[keys].rounds, rounds[keys].warmUp, ours, baseline);
    const ourCount = ours().length;
    const theirCount = (await baseline()).length;
    const verdict = c.ours <= c.baseline ? 'ours faster' : 'baseline faster';
    rows.push(
      `| ${keys.toLocaleString('en-US')} | ${c.ours.toFixed(2)} | ${c.baseline.toFixed(2)} | **${(c.ours / c.baseline).toFixed(2)}** (${verdict}) | ${c.ratioLow.toFixed(2)}–${c.ratioHigh.toFixed(2)} | ${rounds[keys].rounds} | ${ourCount} / ${theirCount} |`,
    );
  }
  const heapMiB = process.memoryUsage().heapUsed / 1024 / 1024;
  const server = await serverMemory(settingsFile(10_000));
  console.log(`Node ${process.version}, ${os.cpus().length} CPU(s), load average ${load.toFixed(2)} at the start (results on a loaded machine move more).`);
  console.log('Ratio = our median / baseline median; below 1 means our validator is faster. The range is the 25th–75th percentile of the ratio per round.');
  console.log();
  console.log('| keys | aksext validator (ms, median) | vscode-json-languageservice + schema (ms, median) | ratio | ratio per round (p25–p75) | rounds | problems found (ours / schema) |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  rows.forEach((r) => console.log(r));
  console.log();
  console.log(`Language server after validating the 10,000-key file over LSP: ${Number.isNaN(server.rssMiB) ? 'n/a' : `${server.rssMiB.toFixed(1)} MiB resident`}, diagnostics after ${server.ms.toFixed(1)} ms.`);
  console.log(`This benchmark process (both validators loaded): ${heapMiB.toFixed(1)} MiB heap used.`);
}

void main();
