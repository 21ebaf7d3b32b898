import Mocha from 'mocha';
import { RESULT_MARKER, type TestResult } from './result';

/** Runs these test files in the extension host and prints the result line the runner reads back. */
export function runMocha(files: readonly string[]): Promise<void> {
  // mocha's default color detection sees no TTY here; the relayed console would show escape codes otherwise
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 20_000, reporter: 'spec', grep: process.env.AKSEXT_TEST_GREP });
  for (const file of files) {
    mocha.addFile(file);
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
