import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './paths';

// What a packaged install holds (mirrors .vscodeignore; `vsce ls` would say it exactly but takes 10-20 s): the bundles
// need no node_modules, and without package.nls*.json the manifest's %placeholders% show up as titles.
const isPackaged = (name: string): boolean =>
  ['package.json', 'README.md', 'LICENSE', 'dist', 'media'].includes(name) || /^package\.nls(\.[\w-]+)?\.json$/.test(name);

/**
 * Puts the extension into a code-server extensions folder as an installed extension.
 * 'copy' is a real install of the packaged files (the UI check: a missing bundle dependency shows up);
 * 'link' symlinks them (`npm start`: rebuild, then "Developer: Reload Window" picks up the change).
 */
export function installExtension(extensionsDir: string, mode: 'copy' | 'link'): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as
    { publisher: string; name: string; version: string };
  const target = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  const bundle = path.join(repoRoot, 'dist', 'extension.js');
  if (!fs.existsSync(bundle)) {
    throw new Error(`${bundle} is missing: run \`npm run build\` first`);
  }
  fs.mkdirSync(target, { recursive: true });
  for (const entry of fs.readdirSync(repoRoot).filter(isPackaged)) {
    const from = path.join(repoRoot, entry);
    if (mode === 'copy') {
      fs.cpSync(from, path.join(target, entry), { recursive: true });
    } else {
      fs.symlinkSync(from, path.join(target, entry));
    }
  }
  return target;
}
