import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..', '..', '..');
/** esbuild's metafile of the last build (esbuild.mjs writes it beside the bundles). */
const metafile = path.join(root, 'dist', 'meta.json');

interface Metafile {
  outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
}

/**
 * The source files esbuild put into one bundle, relative to the repository; a package's path starts at node_modules/
 * (the fresh-clone run links node_modules from elsewhere, so esbuild names its files by a path outside the clone).
 */
function inputsOf(bundle: string): string[] {
  const meta = JSON.parse(readFileSync(metafile, 'utf8')) as Metafile;
  const output = meta.outputs[bundle];
  assert.ok(output, `${bundle} is not in the last build's metafile`);
  return Object.keys(output.inputs).map((input) => input.replace(/^.*?(?=node_modules\/)/, ''));
}

// Any JSON file activates the extension (onLanguage:json): what that loads must not be the Azure part.
describe('the entry bundle a JSON file activates (dist/extension.js)', () => {
  before(function () {
    this.timeout(60_000);
    if (!existsSync(metafile)) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: root });
  });

  it('holds no Azure SDK, sign-in, tree, fleet or command code', () => {
    const azureCode = /^node_modules\/(@azure\/|@typespec\/|@microsoft\/vscode-azext-)|^src\/(commands|tree|fleet|fleetView|ui)\/|^src\/azurePart\.ts$/;
    assert.deepEqual(inputsOf('dist/extension.js').filter((input) => azureCode.test(input)), []);
  });

  it('holds no language client (only a settings file needs it)', () => {
    assert.deepEqual(inputsOf('dist/extension.js').filter((input) => /^node_modules\/vscode-(languageclient|jsonrpc|languageserver-)/.test(input)), []);
  });

  it('the parts it loads on need hold them (so the checks above look at the right names)', () => {
    const azure = inputsOf('dist/azure.js');
    assert.ok(azure.some((input) => input.startsWith('node_modules/@azure/arm-containerservice/')));
    assert.ok(azure.some((input) => input.startsWith('src/commands/')));
    assert.ok(inputsOf('dist/languageClient.js').some((input) => input.startsWith('node_modules/vscode-languageclient/')));
  });
});
