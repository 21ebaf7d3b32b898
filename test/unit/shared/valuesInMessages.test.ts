import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { extensionTypes, validateExtensionRequest, validateSettingsDocument } from '../../../src/shared';
import { immutableChangeMessage } from '../../../src/shared/rules/immutability';

// Values no rule accepts: enums and patterns refuse them, so every value-quoting message is provoked.
const marker = 'MARKER-7f3a9c';
const numericMarker = 7331990451;
const secretLooking = `DefaultEndpointsProtocol=https;AccountName=a;AccountKey=${marker}`;

/** Every key of every type (prefix keys completed), an unknown key, and a secret-looking one, with a bad value. */
function markedSettings(keys: readonly string[], value: unknown): Record<string, unknown> {
  return Object.fromEntries([...keys.map((k) => (k.endsWith('.') ? `${k}x` : k)), 'someUnknownKey', 'dbPassword'].map((k) => [k, value]));
}

describe('messages never quote a protected or secret-looking value', () => {
  let folder: string;
  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'aksext-values-'));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  const types = [...extensionTypes.map((t) => t.type), undefined];
  for (const type of types) {
    const keys = extensionTypes.find((t) => t.type === type)?.keys.map((k) => k.key) ?? [];
    for (const value of [marker, numericMarker, `"${marker}"`, { nested: marker }]) {
      it(`${type ?? 'no type'}: protected ${JSON.stringify(value)} in the file checks, the request checks and with a companion`, () => {
        const protectedText = JSON.stringify(markedSettings(keys, value), null, 2);
        const settingsText = JSON.stringify({ ...markedSettings(keys, 'x'), ...markedSettings([], secretLooking) }, null, 2);
        const messages = [
          ...validateSettingsDocument(protectedText, { extensionType: type, isProtected: true, companionText: settingsText }),
          ...validateSettingsDocument(settingsText, { extensionType: type, isProtected: false, companionText: protectedText }),
        ].map((d) => d.message);
        const protectedFile = path.join(folder, 'p.json');
        writeFileSync(protectedFile, protectedText);
        const request = { extensionType: type ?? 'contoso.widgets', name: 'x' };
        const fromMaps = validateExtensionRequest({ ...request, configurationSettings: { dbPassword: secretLooking }, configurationProtectedSettings: markedSettings(keys, value) as Record<string, string> });
        const fromFile = validateExtensionRequest({ ...request, configurationProtectedSettingsFile: protectedFile });
        messages.push(...[...fromMaps, ...fromFile].map((p) => p.message));
        assert.ok(messages.length > 0);
        for (const message of messages) {
          assert.ok(!message.includes(marker) && !message.includes(String(numericMarker)), `a message quotes a protected value: ${message}`);
        }
      });
    }
  }

  it('an ordinary setting\'s bad value is still quoted, which helps find it', () => {
    const [invalid] = validateSettingsDocument('{ "enableTraining": "maybe" }', { extensionType: 'azureml', isProtected: false }).filter((d) => d.code === 'settings/invalid-value');
    assert.match(invalid.message, /"maybe" is not a valid value for enableTraining/);
    const [notString] = validateSettingsDocument('{ "enableTraining": 1 }', { extensionType: 'azureml', isProtected: false }).filter((d) => d.code === 'settings/value-not-string');
    assert.match(notString.message, /write "1" in quotes/);
  });

  it('a key fixed at creation whose current value looks like a secret is not quoted', () => {
    assert.doesNotMatch(immutableChangeMessage('microsoft.dapr', 'global.ha.password', { 'global.ha.password': marker }), new RegExp(marker));
    assert.match(immutableChangeMessage('microsoft.dapr', 'global.ha.enabled', { 'global.ha.enabled': 'true' }), /keep "true"/);
  });
});
