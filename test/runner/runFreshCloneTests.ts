// `npm run test:fresh-clone`: the committed repository, cloned into an empty temporary folder (no ../shared or any other
// sibling beside it), builds and passes its unit tests there. A new dependency on a file outside the repository fails it.
// It clones HEAD: uncommitted changes are not part of what it checks, as in CI's own clean clone.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './paths';

function run(command: string, args: string[], cwd: string): void {
  console.log(`[fresh-clone] ${command} ${args.join(' ')}`);
  execFileSync(command, args, { cwd, stdio: 'inherit' });
}

function main(): void {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'aksext-fresh-'));
  const clone = path.join(parent, 'repo');
  try {
    run('git', ['clone', '--quiet', '--no-hardlinks', repoRoot, clone], parent);
    // The installed packages are what `npm ci` would install from the same lock file; linking them saves a download.
    fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(clone, 'node_modules'), 'dir');
    run('npm', ['run', '--silent', 'build'], clone);
    run('npm', ['run', '--silent', 'compile'], clone);
    run('npm', ['run', '--silent', 'test:unit'], clone);
    console.log(`[fresh-clone] the unit tests pass in a clone with nothing beside it (${parent})`);
  } finally {
    fs.rmSync(parent, { recursive: true, force: true });
  }
}

main();
