import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..', '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
const fixtures = path.join(root, 'test', 'fixtures', 'settings');

interface JsonDiagnostic {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: string;
  code: string;
  message: string;
}

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: fixtures, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('aksext validate (dist/cli.js)', function () {
  this.timeout(30_000);

  before(() => {
    if (!existsSync(cli)) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: root });
  });

  it('prints one JSON array of LSP-shaped diagnostics and exits 1 on an error', () => {
    const { status, stdout } = run('validate', '--type', 'Microsoft.AzureML.Kubernetes', '--protected', 'ml.azureml.protected.json', '--format', 'json', 'ml.azureml.settings.json');
    assert.equal(status, 1);
    const found = JSON.parse(stdout) as JsonDiagnostic[];
    assert.deepEqual(found.map((d) => [d.file, d.code]), [
      ['ml.azureml.settings.json', 'azureml/nodeport-with-internal-lb'],
      ['ml.azureml.settings.json', 'settings/key-case'],
      ['ml.azureml.settings.json', 'settings/duplicate-across-files'],
      ['ml.azureml.settings.json', 'settings/value-not-string'],
      ['ml.azureml.protected.json', 'settings/duplicate-across-files'],
    ]);
    assert.deepEqual(found[1].range, { start: { line: 4, character: 2 }, end: { line: 4, character: 21 } });
    assert.deepEqual(Object.keys(found[1]), ['file', 'range', 'severity', 'code', 'message']);
    // az sends a key in the wrong case as written (the extension ignores it): a warning with a rename quick fix.
    assert.equal(found[1].severity, 'warning');
  });

  it('prints [] and exits 0 for a file without problems', () => {
    const { status, stdout } = run('validate', '--type', 'microsoft.dapr', '--format', 'json', 'good.dapr.settings.json');
    assert.equal(status, 0);
    assert.deepEqual(JSON.parse(stdout), []);
  });

  it('exits 0 when there are only warnings, and prints text with 1-based positions', () => {
    const { status, stdout } = run('validate', 'warnings.flux.settings.json');
    assert.equal(status, 0);
    assert.match(stdout, /^warnings\.flux\.settings\.json:2:3: warning flux\/client-id-without-workload-identity: /);
  });

  it('binds by file name and finds the protected companion without --type', () => {
    const { status, stdout } = run('validate', '--format', 'json', 'ml.azureml.settings.json');
    assert.equal(status, 1);
    assert.ok((JSON.parse(stdout) as JsonDiagnostic[]).some((d) => d.file === 'ml.azureml.protected.json'));
  });

  it('binds by the settingsFiles globs of .vscode/settings.json without --type', () => {
    const { status, stdout } = run('validate', '--format', 'json', path.join('bound', 'deploy', 'backup.json'));
    assert.equal(status, 1);
    assert.deepEqual((JSON.parse(stdout) as JsonDiagnostic[]).map((d) => d.code), ['backup/missing-storage-setting', 'backup/missing-storage-setting']);
  });

  it('exits 2 with the usage on a bad command line or a missing file', () => {
    assert.equal(run('validate', '--bogus', 'x.json').status, 2);
    assert.equal(run('validate').status, 2);
    assert.equal(run('validate', '--format', 'xml', 'good.dapr.settings.json').status, 2);
    const missing = run('validate', 'missing.json');
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /Cannot read missing\.json: ENOENT/);
    assert.equal(run('lint').status, 2);
    assert.equal(run('validate', '--help').status, 0);
  });
});
