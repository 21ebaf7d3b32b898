import * as fs from 'node:fs';

/**
 * Development mode: the extension talks to the local Azure emulator instead of Azure.
 * It is switched on only by environment variables of the VS Code process, never by a setting, so nothing a
 * workspace contains can redirect requests (and the credentials that go with them).
 */
export const EMULATOR_URL_ENV = 'AKSEXT_EMULATOR_URL';
export const EMULATOR_CA_FILE_ENV = 'AKSEXT_EMULATOR_CA_FILE';

export interface EmulatorConnection {
  /** Base URL of the emulator, e.g. https://127.0.0.1:12345 (no trailing slash). */
  readonly url: string;
  /** PEM of the emulator's self-signed certificate, trusted by our clients only. */
  readonly caPem: string | undefined;
}

/** The emulator connection when development mode is on, otherwise undefined. */
export function readEmulatorConnection(env: NodeJS.ProcessEnv = process.env): EmulatorConnection | undefined {
  const url = env[EMULATOR_URL_ENV]?.trim();
  if (!url) {
    return undefined;
  }
  const parsed = new URL(url);
  // The emulator is local by design; refusing other hosts keeps the test credential from leaving the machine.
  if (parsed.protocol !== 'https:' || !['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname)) {
    throw new Error(`${EMULATOR_URL_ENV} must be an https URL on 127.0.0.1 or localhost, not ${parsed.origin}.`);
  }
  const caFile = env[EMULATOR_CA_FILE_ENV];
  return { url: parsed.origin, caPem: caFile ? fs.readFileSync(caFile, 'utf8') : undefined };
}
