import * as path from 'node:path';

// Compiled to out/test/runner/paths.js: the repo root is three levels up, whichever script imports this.
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** The workspace folder every run opens (settings files for the language features live there). */
export const fixtureWorkspace = path.join(repoRoot, 'test', 'fixtures', 'workspace');

/** The compiled tests module the extension host runs (same contract as @vscode/test-electron). */
export const integrationTestsModule = path.join(repoRoot, 'out', 'test', 'integration', 'index.js');

/** Where downloaded tools live: outside node_modules so `npm ci` stays light, gitignored via `.cache/`. */
export const cacheRoot = process.env.AKSEXT_CACHE_DIR ?? path.join(repoRoot, '.cache');

/** Seconds since the process started, for progress lines. */
export function elapsed(): string {
  return `${process.uptime().toFixed(1)}s`;
}
