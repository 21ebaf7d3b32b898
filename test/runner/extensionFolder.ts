import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './paths';

// What a packaged install holds (mirrors .vscodeignore; `vsce ls` would say it exactly but takes 10-20 s): the bundles
// need no node_modules, and without package.nls*.json the manifest's %placeholders% show up as titles.
const isPackaged = (name: string): boolean =>
  ['package.json', 'README.md', 'LICENSE', 'dist', 'media'].includes(name) || /^package\.nls(\.[\w-]+)?\.json$/.test(name);

/**
 * Puts the extension into a code-server extensions folder as an installed extension: a copy of the packaged files, so
 * that a missing bundle dependency shows up, and VS Code finds everything inside the extension's own folder.
 */
export function installExtension(extensionsDir: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as
    { publisher: string; name: string; version: string };
  const target = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  const bundle = path.join(repoRoot, 'dist', 'extension.js');
  if (!fs.existsSync(bundle)) {
    throw new Error(`${bundle} is missing: run \`npm run build\` first`);
  }
  fs.mkdirSync(target, { recursive: true });
  for (const entry of fs.readdirSync(repoRoot).filter(isPackaged)) {
    fs.cpSync(path.join(repoRoot, entry), path.join(target, entry), { recursive: true });
  }
  return target;
}
