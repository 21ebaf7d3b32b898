// Bundles one file per entry point (the eslint-extension shape): the extension, the language server and the CLI.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const entries = [
  { in: 'src/extension.ts', out: 'extension' },
  { in: 'src/server/main.ts', out: 'server' },
  { in: 'src/cli/main.ts', out: 'cli' },
].filter((e) => existsSync(e.in));

const ctx = await esbuild.context({
  entryPoints: entries,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outdir: 'dist',
  external: ['vscode'],
  // Prefer the packages' ES module builds: esbuild tree-shakes them, so unused SDK parts (MSAL, for one) stay out.
  mainFields: ['module', 'main'],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  metafile: true,
});
if (watch) {
  await ctx.watch();
} else {
  const result = await ctx.rebuild();
  await ctx.dispose();
  for (const [file, info] of Object.entries(result.metafile.outputs)) {
    if (file.endsWith('.js')) console.log(`${file}  ${(info.bytes / 1024).toFixed(0)} KiB`);
  }
}
