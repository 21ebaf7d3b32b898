import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { tail, type CodeServerInstall } from './codeServer';
import { forgetProcessGroup, onCleanup, onFailureReport, shutdown, trackProcessGroup } from './lifecycle';
import { elapsed, repoRoot } from './paths';

// Shared by the integration runner, the UI check and `npm start`: code-server (VS Code's server and web workbench)
// with all of its state in a temp folder, and headless Debian Chromium to drive the workbench.

export interface CodeServerOptions {
  /** Temp folder for config, user data, extensions and logs; removed by the caller's cleanup. */
  stateDir: string;
  /** 0 picks a free port. Always bound to 127.0.0.1. */
  port: number;
  /** Extra environment for the server and so for the extension host (the emulator connection). */
  env: Record<string, string>;
  /** Lets the workbench URL's payload load a development extension and run tests (VS Code > 1.100 needs it). */
  smokeTestDriver: boolean;
}

export interface RunningCodeServer {
  port: number;
  url: string;
}

export function makeStateDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `aksext-${name}-`));
  onCleanup(() => {
    if (process.env.AKSEXT_KEEP_STATE) {
      console.log(`[runner] kept state in ${dir}`);
    } else {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  return dir;
}

export function extensionsDirOf(stateDir: string): string {
  return path.join(stateDir, 'extensions');
}

export async function startCodeServer(install: CodeServerInstall, options: CodeServerOptions): Promise<RunningCodeServer> {
  const { stateDir } = options;
  const userDataDir = path.join(stateDir, 'user-data');
  const extensionsDir = extensionsDirOf(stateDir);
  const config = path.join(stateDir, 'config.yaml');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(config, ''); // an empty config keeps code-server from creating ~/.config/code-server/config.yaml
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'chat.disableAIFeatures': true,
    'telemetry.telemetryLevel': 'off',
    'git.openRepositoryInParentFolders': 'never', // the fixture folder sits inside this repo: no prompt over the tree
    'workbench.secondarySideBar.defaultVisibility': 'hidden', // an empty chat panel would take a third of the width
  }, null, 2));

  const logFile = path.join(stateDir, 'code-server.log');
  const args = [install.entry, '--config', config, '--bind-addr', `127.0.0.1:${options.port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--ignore-last-opened',
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
    ...(options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : [])];
  const xdg = path.join(stateDir, 'xdg');
  // detached: its own process group, so stopping it also stops the server process and extension hosts it forks.
  const child = spawn(install.node, args, {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env, TMPDIR: stateDir, XDG_CONFIG_HOME: xdg, XDG_DATA_HOME: xdg, XDG_CACHE_HOME: xdg },
  });
  const pid = child.pid;
  if (pid === undefined) {
    throw new Error(`could not start ${install.node}`);
  }
  trackProcessGroup(pid);
  const log = fs.createWriteStream(logFile);
  child.stdout.pipe(log);
  child.stderr.pipe(log);

  let stopping = false;
  const stop = async (): Promise<void> => {
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      signalGroup(pid, 'SIGTERM');
      await Promise.race([exited, delay(5000)]);
    }
    signalGroup(pid, 'SIGKILL'); // stragglers (extension hosts) would keep writing into the state folder
    forgetProcessGroup(pid);
    log.end();
  };
  onCleanup(stop);

  onFailureReport(() => [
    `--- code-server log (${logFile}) ---`, tail(logFile, 30),
    ...findFiles(userDataDir, 'remoteexthost.log').map((file) => `--- extension host log (${file}) ---\n${tail(file, 30)}`),
  ].join('\n'));

  const port = await waitForListening(child, logFile);
  console.log(`[code-server] listening on 127.0.0.1:${port} after ${elapsed()}`);
  // A server that dies under a run would otherwise leave it waiting for the global timeout.
  child.once('exit', (code, signal) => stopping || void shutdown(1, `code-server exited (${signal ?? code})`));
  return { port, url: `http://127.0.0.1:${port}` };
}

function waitForListening(child: ReturnType<typeof spawn>, logFile: string): Promise<number> {
  return new Promise((resolve, reject) => {
    // the reasons (EADDRINUSE, a broken install) are in the log, which the failure report prints
    const timer = setTimeout(() => reject(new Error(`code-server did not start within 60s (log: ${logFile})`)), 60_000);
    let output = '';
    child.stdout?.on('data', (data: Buffer) => {
      output += data.toString();
      const match = /HTTP server listening on https?:\/\/[^:\s]+:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      // the log stream may not have flushed yet: give it a moment before the failure report reads it
      setTimeout(() => reject(new Error(`code-server exited early (code ${code}, log: ${logFile})`)), 200);
    });
  });
}

export interface Browser {
  context: BrowserContext;
  page: Page;
}

/** Headless Debian Chromium; the flags keep it off the (closed) network, which it otherwise keeps dialling. */
export async function launchBrowser(stateDir: string): Promise<Browser> {
  // playwright refuses --user-data-dir in args; a persistent context takes the fresh folder instead
  const context = await chromium.launchPersistentContext(path.join(stateDir, 'chromium'), {
    executablePath: process.env.AKSEXT_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  onCleanup(() => context.close());
  const page = context.pages()[0] ?? await context.newPage();
  page.on('pageerror', (error) => console.log(`[page error] ${error.message}`));
  return { context, page };
}

/** The workbench URL for `folder`; payload entries are VS Code's (extensionDevelopmentPath, extensionTestsPath, ...). */
export function workbenchUrl(server: Pick<RunningCodeServer, 'url'>, folder: string, payload: Array<[string, string]> = []): string {
  const query = new URLSearchParams({ folder });
  if (payload.length > 0) {
    query.set('payload', JSON.stringify(payload));
  }
  return `${server.url}/?${query.toString()}`;
}

/** A path on the server, as the payload wants it (the workbench resolves it against its remote authority). */
export function remotePath(server: RunningCodeServer, file: string): string {
  return `vscode-remote://127.0.0.1:${server.port}${file}`;
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is already gone
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function findFiles(dir: string, name: string): string[] {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => path.basename(file) === name)
    .map((file) => path.join(dir, file));
}
