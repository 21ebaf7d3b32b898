// The tests module the extension host loads (extensionTestsPath): the contract @vscode/test-electron and VS Code's
// browser test driver share, so the same module runs in code-server here and in desktop VS Code elsewhere.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { RESULT_MARKER, type TestResult } from './result';

export function run(): Promise<void> {
  // mocha's default color detection sees no TTY here; the relayed console would show escape codes otherwise
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 20_000, reporter: 'spec', grep: process.env.AKSEXT_TEST_GREP });
  for (const file of fs.readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats;
      const result: TestResult = { passes: stats?.passes ?? 0, failures, pending: stats?.pending ?? 0 };
      console.log(`${RESULT_MARKER} ${JSON.stringify(result)}`);
      if (failures > 0) {
        reject(new Error(`${failures} test(s) failed.`));
      } else {
        resolve();
      }
    });
  });
}
