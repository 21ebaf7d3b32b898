import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readEmulatorConnection } from '../../../src/azure/devMode';
import { developmentApi, type AksClusterExtensionsApi } from '../../../src/extensionApi';

describe('development mode', () => {
  it('is off unless the environment variable is set', () => {
    assert.equal(readEmulatorConnection({}), undefined);
  });

  it('reads the emulator URL and its certificate', () => {
    const ca = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ca-')), 'ca.pem');
    fs.writeFileSync(ca, 'PEM');
    assert.deepEqual(readEmulatorConnection({ AKSEXT_EMULATOR_URL: 'https://127.0.0.1:4443/', AKSEXT_EMULATOR_CA_FILE: ca }), { url: 'https://127.0.0.1:4443', caPem: 'PEM' });
  });

  it('refuses plain HTTP and non-local hosts, so the test credential never leaves the machine', () => {
    assert.throws(() => readEmulatorConnection({ AKSEXT_EMULATOR_URL: 'http://127.0.0.1:4443' }), /https URL on 127\.0\.0\.1/);
    assert.throws(() => readEmulatorConnection({ AKSEXT_EMULATOR_URL: 'https://management.example.com' }), /https URL on 127\.0\.0\.1/);
  });
});

describe('the exported API', () => {
  const build = (): AksClusterExtensionsApi => ({ developmentMode: true }) as AksClusterExtensionsApi;

  it('is empty with a real account: no Azure clients, no prompter for other extensions', () => {
    assert.equal(developmentApi(readEmulatorConnection({}), build), undefined);
  });

  it('holds the test hooks against the emulator', () => {
    assert.equal(developmentApi(readEmulatorConnection({ AKSEXT_EMULATOR_URL: 'https://127.0.0.1:4443' }), build)?.developmentMode, true);
  });
});
