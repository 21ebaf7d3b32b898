// Talks to the emulator the test runner started, through its test-only control API (see test/emulator/emulatorTypes.ts).
import * as fs from 'node:fs';
import * as https from 'node:https';
import { CONTROL_PREFIX, EMULATOR_CA_FILE_ENV, EMULATOR_URL_ENV, type FaultOptions, type RecordedRequest, type RuntimeOptions } from '../emulator/emulatorTypes';

function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const base = process.env[EMULATOR_URL_ENV];
  const caFile = process.env[EMULATOR_CA_FILE_ENV];
  if (!base || !caFile) {
    throw new Error(`${EMULATOR_URL_ENV} and ${EMULATOR_CA_FILE_ENV} must be set by the test runner.`);
  }
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise<T>((resolve, reject) => {
    const request = https.request(
      `${base}${CONTROL_PREFIX}${path}`,
      { method, ca: fs.readFileSync(caFile), headers: payload ? { 'content-type': 'application/json' } : {} },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          if ((response.statusCode ?? 500) >= 300) {
            reject(new Error(`emulator control ${method} ${path}: ${response.statusCode} ${text}`));
          } else {
            resolve((text ? JSON.parse(text) : undefined) as T);
          }
        });
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

export const emulatorControl = {
  requests: (): Promise<RecordedRequest[]> => call('GET', '/requests'),
  reset: (): Promise<void> => call('POST', '/reset'),
  setFaults: (faults: FaultOptions): Promise<void> => call('POST', '/faults', faults),
  setOptions: (options: RuntimeOptions): Promise<void> => call('POST', '/options', options),
  /** The scale seed (scaleSeed.ts) from now on, or with no argument the seed the emulator started with. */
  useSeed: (scale?: { clusters?: number; subscriptions?: number }): Promise<void> => call('POST', '/seed', scale ? { scale } : {}),
  protectedSettingsOf: (extensionId: string): Promise<Record<string, string> | null> => call('GET', `/protected?id=${encodeURIComponent(extensionId)}`),
};
