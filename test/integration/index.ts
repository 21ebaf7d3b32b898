// The tests module the extension host loads (extensionTestsPath): the contract @vscode/test-electron and VS Code's
// browser test driver share, so the same module runs in code-server here and in desktop VS Code elsewhere.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runMocha } from './mochaRun';

export function run(): Promise<void> {
  return runMocha(fs.readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort().map((name) => path.join(__dirname, name)));
}
