// `npm run package:cli`: the CLI as an npm package of its own (packages/aksext: one bundled file, no dependencies),
// packed into aksext-<version>.tgz for `npm install -g ./aksext-<version>.tgz` on CI machines that never clone this repo.
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';

// --pack-destination <folder> (default: the repository root)
const destination = process.argv.includes('--pack-destination') ? process.argv[process.argv.indexOf('--pack-destination') + 1] : '.';
const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' });
run(process.execPath, ['esbuild.mjs', '--cli-package']);
copyFileSync('LICENSE', 'packages/aksext/LICENSE');
run('npm', ['pack', './packages/aksext', '--pack-destination', destination]);
