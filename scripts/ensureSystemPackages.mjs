// Before `npm test` and `npm start`: the operating-system packages the runs need, installed the way
// `playwright install --with-deps` does it (apt-get as root, or through sudo without a password), or one line that says
// which command to run, at once rather than minutes into an install.
//   chromium     headless browser that drives the workbench in the tests (`--for test` only; AKSEXT_CHROMIUM overrides)
//   libkrb5-dev  headers for the kerberos module that code-server's first install builds (not needed once installed)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const purpose = process.argv.includes('--for') ? process.argv[process.argv.indexOf('--for') + 1] : 'test';
const cacheRoot = process.env.AKSEXT_CACHE_DIR ?? path.join(repoRoot, '.cache');

/** code-server already installed in the cache: its native build is done, the krb5 headers are no longer needed. */
function codeServerInstalled() {
  return existsSync(path.join(cacheRoot, 'code-server', 'installed.json'));
}

function hasChromium() {
  if (process.env.AKSEXT_CHROMIUM) return existsSync(process.env.AKSEXT_CHROMIUM);
  return existsSync('/usr/bin/chromium');
}

function hasKrb5Headers() {
  return existsSync('/usr/include/krb5.h') || existsSync('/usr/include/krb5/krb5.h');
}

const wanted = [];
if (purpose === 'test' && !hasChromium()) wanted.push({ name: 'chromium', present: hasChromium, why: 'the headless browser that drives VS Code in the tests' });
if (!codeServerInstalled() && !hasKrb5Headers()) wanted.push({ name: 'libkrb5-dev', present: hasKrb5Headers, why: "headers for code-server's first install (kerberos)" });
if (wanted.length === 0) process.exit(0);

const names = wanted.map((w) => w.name);
const command = `apt-get update && apt-get install -y ${names.join(' ')}`;
for (const w of wanted) console.log(`[setup] missing Debian package ${w.name}: ${w.why}`);

function fail(reason) {
  console.error(`[setup] ${reason}\n[setup] run this once, then try again:\n\n    sudo sh -c '${command}'\n`);
  process.exit(1);
}

if (!existsSync('/usr/bin/apt-get')) fail('this machine has no apt-get: install the packages above with its own package manager');
const isRoot = process.getuid?.() === 0;
const canSudo = !isRoot && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
if (!isRoot && !canSudo) fail('installing them needs root, and sudo asks for a password');

// Through `env` rather than the environment option: sudo drops the caller's environment by default.
const run = (args) => {
  const [command, ...rest] = [...(isRoot ? [] : ['sudo']), 'env', 'DEBIAN_FRONTEND=noninteractive', ...args];
  execFileSync(command, rest, { stdio: 'inherit' });
};
const started = Date.now();
console.log(`[setup] installing ${names.join(', ')} with apt-get${isRoot ? '' : ' through sudo'} (once; usually under a minute)`);
try {
  run(['apt-get', 'update', '-q']);
  run(['apt-get', 'install', '-y', '-q', ...names]);
} catch {
  fail(`apt-get could not install ${names.join(', ')} (see its output above)`);
}
const stillMissing = wanted.filter((w) => !w.present());
if (stillMissing.length > 0) fail(`apt-get finished but ${stillMissing.map((w) => w.name).join(', ')} is still missing`);
console.log(`[setup] installed ${names.join(', ')} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
