// What any JSON file costs at activation (onLanguage:json): the entry bundle alone (dist/extension.js), against the
// baseline of loading the whole extension (the entry, the language client and the Azure part, which every activation
// loaded before the split), in the same run; and what a settings file adds (the language client). Each load runs in a
// fresh node process, the three alternating, and the medians are compared. Run: npm run bench:activation (it builds
// dist/ first, as `npm run build` does).
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..');
const entry = path.join(root, 'dist', 'extension.js');
const languageClient = path.join(root, 'dist', 'languageClient.js');
const azurePart = path.join(root, 'dist', 'azure.js');
const child = path.join(__dirname, 'loadBundles.js');
const rounds = Number(process.env.AKSEXT_BENCH_ROUNDS ?? 15);

interface Load {
  ms: number;
  heapBytes: number;
}

function load(bundles: string[]): Load {
  return JSON.parse(execFileSync(process.execPath, [child, ...bundles], { encoding: 'utf8' })) as Load;
}

function medians(loads: Load[]): Load {
  return { ms: median(loads.map((l) => l.ms)), heapBytes: median(loads.map((l) => l.heapBytes)) };
}

function bytesOf(bundles: string[]): number {
  return bundles.reduce((sum, bundle) => sum + statSync(bundle).size, 0);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;

function main(): void {
  const { mode } = JSON.parse(readFileSync(path.join(root, 'dist', '.inputs.json'), 'utf8')) as { mode: string };
  const cases = [
    { name: 'JSON-file activation (dist/extension.js)', bundles: [entry] },
    { name: 'a settings file opened (+ dist/languageClient.js)', bundles: [entry, languageClient] },
    { name: 'baseline: the whole extension (+ dist/azure.js)', bundles: [entry, languageClient, azurePart] },
  ].map((c) => ({ ...c, loads: [] as Load[] }));
  for (let i = 0; i < rounds; i++) {
    for (const c of cases) c.loads.push(load(c.bundles));
  }
  console.log(`${mode} bundles, median of ${rounds} loads each, each in a fresh node process`);
  const results = cases.map((c) => ({ name: c.name, bytes: bytesOf(c.bundles), ...medians(c.loads) }));
  const baseline = results[results.length - 1];
  for (const r of results) {
    const ratio = `time ${(r.ms / baseline.ms).toFixed(2)}, bytes ${(r.bytes / baseline.bytes).toFixed(2)}, heap ${(r.heapBytes / baseline.heapBytes).toFixed(2)}`;
    console.log(`${r.name.padEnd(52)} ${r.ms.toFixed(1).padStart(6)} ms, ${kib(r.bytes).padStart(9)}, ${kib(r.heapBytes).padStart(9)} heap; vs baseline: ${ratio}`);
  }
}

main();
