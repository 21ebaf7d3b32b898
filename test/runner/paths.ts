import * as path from 'node:path';

// Compiled to out/test/runner/paths.js: the repo root is three levels up, whichever script imports this.
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** The workspace folder every run opens (settings files for the language features live there). */
export const fixtureWorkspace = path.join(repoRoot, 'test', 'fixtures', 'workspace');

/** The compiled tests module the extension host runs (same contract as @vscode/test-electron). */
export const integrationTestsModule = path.join(repoRoot, 'out', 'test', 'integration', 'index.js');

/**
 * The two halves of the restart check, run after the main tests, each in its own extension host (the workbench is
 * loaded again in between, which replaces the extension host as a window reload does).
 */
export const restartTestsModules = ['beforeRestart.js', 'afterRestart.js'].map((name) => path.join(repoRoot, 'out', 'test', 'integration', 'restart', name));

/** Where downloaded tools live: outside node_modules so `npm ci` stays light, gitignored via `.cache/`. */
export const cacheRoot = process.env.AKSEXT_CACHE_DIR ?? path.join(repoRoot, '.cache');

/** Seconds since the process started, for progress lines. */
export function elapsed(): string {
  return `${process.uptime().toFixed(1)}s`;
}
