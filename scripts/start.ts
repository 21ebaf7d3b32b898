// `npm start`: the extension installed in code-server, connected to the local Azure emulator with its sample data,
// for a developer's browser. Stays up until Ctrl+C.
import { startBackends } from '../test/runner/backends';
import { ensureCodeServer } from '../test/runner/codeServer';
import { describe, installExitHandlers, shutdown } from '../test/runner/lifecycle';
import { fixtureWorkspace } from '../test/runner/paths';
import { workbenchUrl } from '../test/runner/workbench';

const DEFAULT_PORT = 8080;

async function main(): Promise<void> {
  installExitHandlers();
  const port = Number(process.env.AKSEXT_PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    return shutdown(1, `AKSEXT_PORT must be a port number, not "${process.env.AKSEXT_PORT}"`);
  }
  const install = await ensureCodeServer();
  // Linked, not copied: after `npm run build`, "Developer: Reload Window" in the browser loads the new bundle.
  const { emulator } = await startBackends(install, 'start', { port, smokeTestDriver: false, installed: 'link' });
  const url = workbenchUrl({ url: `http://127.0.0.1:${port}` }, fixtureWorkspace);
  console.log([
    '',
    '  AKS Cluster Extensions is running in VS Code (code-server) against the local Azure emulator.',
    `  Open:      ${url}`,
    `  Emulator:  ${emulator.url} (sample data from test/emulator/fixtures/seed.json)`,
    '  Rebuild with `npm run build`, then run "Developer: Reload Window" in the browser. Ctrl+C stops everything.',
    '',
  ].join('\n'));
}

main().catch((error: unknown) => {
  // the usual reason code-server quits at once here is a taken port (the log above says EADDRINUSE)
  const hint = String(error).includes('exited early') ? ' (port taken? AKSEXT_PORT=<port> picks another)' : '';
  return shutdown(1, `start failed${hint}: ${describe(error)}`);
});
