// Runs the integration tests (out/test/integration) inside the real VS Code extension host of code-server, driven by
// headless Chromium, against the local Azure emulator: what `npm run test:integration` and CI use.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import { RESULT_MARKER, type TestResult } from '../integration/result';
import { startBackends } from './backends';
import { ensureCodeServer } from './codeServer';
import { describe, installExitHandlers, shutdown, startTimeout } from './lifecycle';
import { RESTART_SUITE } from '../integration/restart/restartSuite';
import { elapsed, fixtureWorkspace, integrationTestsModule, repoRoot, restartTestsModules } from './paths';
import { launchBrowser, remotePath, workbenchUrl } from './workbench';

// Workbench chatter relayed with the tests' output that says nothing about them: connection set-up, services we do
// not use, the closed network (the gallery). AKSEXT_VERBOSE=1 shows it all.
const NOISE = new RegExp([
  /^(Resolving|Resolved) connection token/, /^Creating a socket/, /^\[(reconnection-grace-time|Service Worker|AgentHost|AccountPolicyGate)/,
  /^Updating additional builtin extensions cache/, /^Timed out waiting for authentication provider 'github'/,
  /^Creation of workbench contribution/, /^Canceled: Canceled/, /open-vsx\.org/, /^\s*$/,
].map((pattern) => pattern.source).join('|'));

async function main(): Promise<void> {
  installExitHandlers();
  for (const file of [integrationTestsModule, path.join(repoRoot, 'dist', 'extension.js')]) {
    if (!fs.existsSync(file)) {
      return shutdown(1, `${file} is missing: run \`npm run build && npm run compile\` first`);
    }
  }
  const install = await ensureCodeServer();
  startTimeout('AKSEXT_TEST_TIMEOUT_MS', 10 * 60_000);
  const { server, stateDir } = await startBackends(install, 'integration', { port: 0, smokeTestDriver: true });
  const { page } = await launchBrowser(stateDir);

  // The main tests, then (unless AKSEXT_TEST_GREP leaves them out) the restart check's two halves, each in a fresh
  // extension host: the workbench is loaded again for each tests module, as a window reload does.
  const grep = process.env.AKSEXT_TEST_GREP;
  const modules = [integrationTestsModule, ...(!grep || new RegExp(grep).test(RESTART_SUITE) ? restartTestsModules : [])];
  const total: TestResult = { passes: 0, failures: 0, pending: 0 };
  let result: TestResult | undefined;
  // VS Code's browser test driver reports through these two page functions when extensionTestsPath is set.
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
    const line = util.format(...args); // mocha's reporter logs printf-style ('%s', '%d')
    const marker = line.indexOf(RESULT_MARKER);
    if (marker >= 0) {
      result = JSON.parse(line.slice(marker + RESULT_MARKER.length)) as TestResult;
    } else if (process.env.AKSEXT_VERBOSE || !NOISE.test(line)) {
      console.log(`[ext-host${type === 'log' ? '' : `:${type}`}] ${line}`);
    }
  });
  const load = async (module: string): Promise<void> => {
    await page.goto(workbenchUrl(server, fixtureWorkspace, [
      ['extensionDevelopmentPath', remotePath(server, repoRoot)],
      ['extensionTestsPath', remotePath(server, module)],
      ['skipWelcome', 'true'],
    ]));
    console.log(`[runner] workbench loaded after ${elapsed()}, ${path.relative(repoRoot, module)} running...`);
  };
  await page.exposeFunction('codeAutomationExit', (code: number) => {
    const passedModule = code === 0 && result !== undefined && result.failures === 0;
    if (result) {
      total.passes += result.passes;
      total.failures += result.failures;
      total.pending += result.pending;
    }
    result = undefined;
    const next = modules.shift();
    if (passedModule && next) {
      void load(next).catch((error: unknown) => shutdown(1, `runner failed: ${describe(error)}`));
      return;
    }
    const summary = `${total.passes} passing, ${total.failures} failing, ${total.pending} pending`;
    const passed = passedModule && modules.length === 0;
    void shutdown(passed ? 0 : 1, `integration tests ${passed ? 'PASSED' : 'FAILED'}: ${summary} (extension host exit code ${code})`);
  });

  await load(modules.shift() as string);
}

main().catch((error: unknown) => shutdown(1, `runner failed: ${describe(error)}`));
