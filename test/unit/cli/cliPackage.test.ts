import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..', '..', '..');
const fixtures = path.join(root, 'test', 'fixtures', 'settings');

/** `npm run package:cli`, then the install a CI pipeline does: `npm install -g ./aksext-<version>.tgz`, offline. */
describe('the aksext npm package (scripts/packCli.mjs)', function () {
  this.timeout(120_000);
  let work: string;
  let aksext: string;
  const version = (JSON.parse(fs.readFileSync(path.join(root, 'packages', 'aksext', 'package.json'), 'utf8')) as { version: string }).version;

  before(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'aksext-package-'));
    execFileSync(process.execPath, ['scripts/packCli.mjs', '--pack-destination', work], { cwd: root, stdio: 'ignore' });
    const prefix = path.join(work, 'global');
    execFileSync('npm', ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', path.join(work, `aksext-${version}.tgz`)], { stdio: 'ignore' });
    aksext = path.join(prefix, 'bin', 'aksext');
  });

  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it('has the version of the extension it checks like', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    assert.equal(version, manifest.version);
  });

  it('installs an `aksext` command whose --version prints the package version', () => {
    assert.equal(execFileSync(aksext, ['--version'], { encoding: 'utf8' }).trim(), version);
  });

  it('--help exits 0 and names the validate command', () => {
    const result = spawnSync(aksext, ['--help'], { encoding: 'utf8' });
    assert.equal(result.status, 0);
    assert.match(result.stdout, /aksext validate/);
  });

  it('validates a settings file with no other package installed (exit 1 on an error)', () => {
    const result = spawnSync(aksext, ['validate', '--format', 'json', 'ml.azureml.settings.json'], { cwd: fixtures, encoding: 'utf8' });
    assert.equal(result.status, 1, result.stderr);
    assert.ok((JSON.parse(result.stdout) as unknown[]).length > 0);
  });
});
