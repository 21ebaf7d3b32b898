import * as path from 'node:path';
import { startEmulator } from '../emulator/emulator';
import { seedFromEnvironment } from '../emulator/scaleSeed';
import { EMULATOR_CA_FILE_ENV, EMULATOR_URL_ENV, type RunningEmulator } from '../emulator/emulatorTypes';
import type { CodeServerInstall } from './codeServer';
import { onCleanup } from './lifecycle';
import { elapsed } from './paths';
import { installExtension } from './extensionFolder';
import { extensionsDirOf, makeStateDir, startCodeServer, type RunningCodeServer } from './workbench';

export interface Backends {
  stateDir: string;
  emulator: RunningEmulator;
  server: RunningCodeServer;
}

/**
 * The local Azure emulator (in this process) and code-server wired to it: the extension host inherits the two
 * environment variables that put the extension in development mode against the emulator.
 */
export async function startBackends(
  install: CodeServerInstall,
  name: string,
  // installed: the extension as an installed one; otherwise the workbench URL's payload loads it for development
  options: { port: number; smokeTestDriver: boolean; installed?: boolean },
): Promise<Backends> {
  const stateDir = makeStateDir(name);
  if (options.installed) {
    installExtension(extensionsDirOf(stateDir)); // before the server scans its extensions
  }
  const emulator = await startEmulator({ caFile: path.join(stateDir, 'emulator-ca.pem'), seed: seedFromEnvironment() });
  onCleanup(() => emulator.close());
  console.log(`[emulator] ${emulator.url} after ${elapsed()}`);
  const server = await startCodeServer(install, {
    stateDir,
    port: options.port,
    smokeTestDriver: options.smokeTestDriver,
    env: { [EMULATOR_URL_ENV]: emulator.url, [EMULATOR_CA_FILE_ENV]: emulator.caFile },
  });
  return { stateDir, emulator, server };
}
