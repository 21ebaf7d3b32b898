// `npm start`: the extension installed in code-server as a user would have it, connected to the local Azure emulator
// with its sample data, for a developer's browser. Stays up until Ctrl+C.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startBackends } from '../test/runner/backends';
import { ensureCodeServer } from '../test/runner/codeServer';
import { describe, installExitHandlers, shutdown } from '../test/runner/lifecycle';
import { cacheRoot, elapsed, fixtureWorkspace } from '../test/runner/paths';
import { workbenchUrl } from '../test/runner/workbench';

const DEFAULT_PORT = 8080;

/**
 * The sample workspace, copied out of the test fixtures on first start so that what a user creates or edits there never
 * changes a test input; kept across starts so that it is never lost either.
 */
function sampleWorkspace(): string {
  const folder = path.join(cacheRoot, 'sample-workspace');
  if (!fs.existsSync(folder)) {
    fs.cpSync(fixtureWorkspace, folder, { recursive: true });
  }
  return folder;
}

async function main(): Promise<void> {
  installExitHandlers();
  const port = Number(process.env.AKSEXT_PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    return shutdown(1, `AKSEXT_PORT must be a port number, not "${process.env.AKSEXT_PORT}"`);
  }
  const install = await ensureCodeServer();
  // Copied like a packaged install: a linked dist/ lies outside the extension folder, and VS Code then fails to name the
  // extension (notifications read "Null Extension Description").
  const { emulator } = await startBackends(install, 'start', { port, smokeTestDriver: false, installed: true });
  const workspace = sampleWorkspace();
  const url = workbenchUrl({ url: `http://127.0.0.1:${port}` }, workspace);
  console.log([
    '',
    `  AKS Cluster Extensions is running in VS Code (code-server) against the local Azure emulator (ready after ${elapsed()}).`,
    `  Open:      ${url}`,
    `  Emulator:  ${emulator.url} (sample data from test/emulator/fixtures/seed.json)`,
    `  Workspace: ${workspace} (a copy of the sample files: yours to change)`,
    '  After a change, stop with Ctrl+C and run `npm start` again (it rebuilds only what changed).',
    '',
  ].join('\n'));
}

main().catch((error: unknown) => {
  // the usual reason code-server quits at once here is a taken port (the log above says EADDRINUSE)
  const hint = String(error).includes('exited early') ? ' (port taken? AKSEXT_PORT=<port> picks another)' : '';
  return shutdown(1, `start failed${hint}: ${describe(error)}`);
});
