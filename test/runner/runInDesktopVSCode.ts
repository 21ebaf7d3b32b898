// For contributors with internet access: the same integration tests in desktop VS Code, which @vscode/test-electron
// downloads into .vscode-test/ (that download fails on machines without internet; they use runIntegrationTests).
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { startEmulator } from '../emulator/emulator';
import { EMULATOR_CA_FILE_ENV, EMULATOR_URL_ENV } from '../emulator/emulatorTypes';
import { describe, installExitHandlers, onCleanup, shutdown } from './lifecycle';
import { fixtureWorkspace, integrationTestsModule, repoRoot } from './paths';
import { makeStateDir } from './workbench';

async function main(): Promise<void> {
  installExitHandlers();
  const stateDir = makeStateDir('desktop');
  const emulator = await startEmulator({ caFile: path.join(stateDir, 'emulator-ca.pem') });
  onCleanup(() => emulator.close());
  const exitCode = await runTests({
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: integrationTestsModule,
    extensionTestsEnv: { [EMULATOR_URL_ENV]: emulator.url, [EMULATOR_CA_FILE_ENV]: emulator.caFile },
    // other installed extensions stay out; the user data folder keeps the developer's own VS Code untouched
    launchArgs: [fixtureWorkspace, '--disable-extensions', '--user-data-dir', path.join(stateDir, 'user-data')],
  });
  return shutdown(exitCode, `desktop VS Code tests ${exitCode === 0 ? 'PASSED' : 'FAILED'}`);
}

main().catch((error: unknown) => shutdown(1, `desktop VS Code tests failed: ${describe(error)}`));
