// Bundles one file per entry point (the eslint-extension shape): the extension's entry, the parts it loads on first
// need (the Azure part, the language client; src/activation/README.md), the language server and the CLI.
import * as esbuild from 'esbuild';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';

// --cli-package: only the CLI, minified, into the folder of the `aksext` npm package (scripts/packCli.mjs)
const cliPackage = process.argv.includes('--cli-package');
const production = process.argv.includes('--production') || cliPackage;
const watch = process.argv.includes('--watch');
const outdir = cliPackage ? 'packages/aksext/dist' : 'dist';

const entries = [
  { in: 'src/extension.ts', out: 'extension' },
  { in: 'src/azurePart.ts', out: 'azure' },
  { in: 'src/client/languageClientBundle.ts', out: 'languageClient' },
  { in: 'src/server/main.ts', out: 'server' },
  { in: 'src/cli/main.ts', out: 'cli' },
].filter((e) => existsSync(e.in) && (!cliPackage || e.out === 'cli'));
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

// `npm test` and `npm start` build first: skip the build when no input of the last one changed since (esbuild's own
// metafile lists every file it read). The mode is part of the record, so a production build is never taken for a debug one.
const stampFile = 'dist/.inputs.json';
const mode = production ? 'production' : 'development';
function upToDate() {
  if (watch || cliPackage || !existsSync(stampFile)) return false;
  const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
  const outputs = entries.map((e) => `dist/${e.out}.js`);
  if (stamp.mode !== mode || !outputs.every(existsSync)) return false;
  const builtAt = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  return [...stamp.inputs, 'esbuild.mjs', 'package.json'].every((f) => existsSync(f) && statSync(f).mtimeMs <= builtAt);
}
if (upToDate()) {
  console.log('dist/ is up to date');
  process.exit(0);
}

const ctx = await esbuild.context({
  entryPoints: entries,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outdir,
  external: ['vscode'],
  // Prefer the packages' ES module builds: esbuild tree-shakes them, so unused SDK parts (MSAL, for one) stay out.
  mainFields: ['module', 'main'],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  metafile: true,
  // `aksext --version`: fixed into the bundle, so no package.json needs to sit beside it.
  define: { 'process.env.AKSEXT_VERSION': JSON.stringify(version) },
});
if (watch) {
  await ctx.watch();
} else {
  const result = await ctx.rebuild();
  await ctx.dispose();
  if (!cliPackage) {
    writeFileSync(stampFile, JSON.stringify({ mode, inputs: Object.keys(result.metafile.inputs) }));
    // What each bundle is made of: the activation test checks the entry's holds no Azure code.
    writeFileSync('dist/meta.json', JSON.stringify(result.metafile));
  }
  for (const [file, info] of Object.entries(result.metafile.outputs)) {
    if (file.endsWith('.js')) console.log(`${file}  ${(info.bytes / 1024).toFixed(0)} KiB`);
  }
}
