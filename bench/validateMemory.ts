// Peak memory of `aksext validate` (dist/cli.js) on settings files of 1 to 10 MB in two shapes, as a multiple of the
// file's size, above the baseline of the same CLI printing its usage (node's own memory) in the same run. Peak memory
// is the process's maximum resident set (process.resourceUsage().maxRSS, test/support/reportMaxRss.ts).
// Run: npm run bench:validate-memory
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
const hook = path.join(__dirname, '..', 'test', 'support', 'reportMaxRss.js');
const MiB = 1024 * 1024;

/** Peak resident memory of one run of the CLI, in bytes. */
function peakMemory(cwd: string, args: string[]): number {
  const result = spawnSync(process.execPath, ['--require', hook, cli, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * MiB });
  const rss = /\nmaxRSS=(\d+)\n$/.exec(result.stderr);
  if (!rss || (result.status !== 0 && result.status !== 1)) throw new Error(`aksext ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return Number(rss[1]);
}

/** A settings file of about this many bytes: `"keyN": "value"` pairs, one a line. */
function settingsFile(bytes: number, value: (i: number) => string): string {
  const entries: string[] = [];
  for (let i = 0, size = 2; size < bytes; i++) {
    const entry = `"setting${i}": "${value(i)}"`;
    entries.push(entry);
    size += entry.length + 2;
  }
  return `{\n${entries.join(',\n')}\n}`;
}

const shapes = {
  // As the CLI test's large file: values of about 70 characters.
  'long values': (i: number) => `value-${i}-${'v'.repeat(60)}`,
  // The worst case per byte: as many entries as possible.
  'short values': (i: number) => String(i),
};

function main(): void {
  const folder = mkdtempSync(path.join(tmpdir(), 'aksext-memory-'));
  try {
    const baseline = peakMemory(folder, ['--help']);
    console.log(`baseline (aksext --help): ${(baseline / MiB).toFixed(0)} MiB`);
    for (const [shape, value] of Object.entries(shapes)) {
      for (const mebibytes of [1, 5, 9.5]) {
        const text = settingsFile(mebibytes * MiB, value);
        const file = path.join(folder, 'big.settings.json');
        writeFileSync(file, text);
        const above = peakMemory(folder, ['validate', '--type', 'microsoft.flux', '--format', 'json', file]) - baseline;
        console.log(`${shape}, ${(text.length / MiB).toFixed(1)} MiB: ${(above / MiB).toFixed(0)} MiB above the baseline = ${(above / text.length).toFixed(1)} × the file`);
      }
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main();
