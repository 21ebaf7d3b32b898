import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { EMULATOR_CA_FILE_ENV, EMULATOR_URL_ENV } from '../emulator/emulatorTypes';
import { EXTENSION_ID } from './extensionApi';

// The smoke test of the harness itself: if this fails, every other suite's failure is noise.
suite('Activation in the real extension host', () => {
  test('the extension is present and activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  test('the runner\'s emulator connection reached the extension host', () => {
    assert.match(process.env[EMULATOR_URL_ENV] ?? '', /^https:\/\/127\.0\.0\.1:\d+$/);
    const caFile = process.env[EMULATOR_CA_FILE_ENV] ?? '';
    assert.match(fs.readFileSync(caFile, 'utf8'), /BEGIN CERTIFICATE/);
  });
});
