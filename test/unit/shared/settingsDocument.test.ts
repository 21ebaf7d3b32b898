import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { bindingFromFileName, companionCandidates, resolveBinding, validateSettingsDocument } from '../../../src/shared';

function only(text: string, extensionType?: string): { code: string; start: string; end: string }[] {
  return validateSettingsDocument(text, { extensionType, isProtected: false }).map((d) => ({
    code: d.code,
    start: `${d.range.start.line}:${d.range.start.character}`,
    end: `${d.range.end.line}:${d.range.end.character}`,
  }));
}

describe('settings document rules', () => {
  it('reports an empty file and an empty object', () => {
    assert.deepEqual(only('').map((d) => d.code), ['settings/empty']);
    assert.deepEqual(only('  \n').map((d) => d.code), ['settings/empty']);
    assert.deepEqual(only('{}'), [{ code: 'settings/empty', start: '0:0', end: '0:2' }]);
    assert.deepEqual(only('{"a":"b"}'), []);
  });

  it('a draft (an untitled document) may be an empty object, and tells what is missing as information, not as an error', () => {
    const draft = (text: string, extensionType: string): string[] =>
      validateSettingsDocument(text, { extensionType, isProtected: false, draft: true }).map((d) => `${d.severity} ${d.code}`);
    assert.deepEqual(draft('{\n  \n}\n', 'microsoft.flux'), []);
    assert.deepEqual(draft('{}', 'Microsoft.AzureML.Kubernetes'), ['information azureml/training-or-inference']);
    assert.ok(draft('{}', 'microsoft.dataprotection.kubernetes').every((d) => d === 'information backup/missing-storage-setting'));
    assert.deepEqual(draft('', 'microsoft.flux'), ['error settings/empty'], 'an empty text is not even an object');
    assert.ok(draft('{"enableInference": "true"}', 'Microsoft.AzureML.Kubernetes').some((d) => d.startsWith('error ')), 'what is written is judged as in a file');
  });

  it('reports invalid JSON at the error, including comments and trailing commas', () => {
    assert.deepEqual(only('{"a": "b",\n}').map((d) => d.code), ['settings/invalid-json']);
    assert.deepEqual(only('{"a": "b" // c\n}')[0], { code: 'settings/invalid-json', start: '0:10', end: '0:14' });
    assert.deepEqual(only('{"a" "b"}').map((d) => d.code), ['settings/invalid-json']);
  });

  it('reports a top-level value that is not an object', () => {
    assert.deepEqual(only('["a"]'), [{ code: 'settings/not-an-object', start: '0:0', end: '0:5' }]);
    assert.deepEqual(only('"a"').map((d) => d.code), ['settings/not-an-object']);
  });

  it('reports every occurrence of a duplicate key, on the key', () => {
    assert.deepEqual(only('{"a":"1",\n "a":"2"}'), [
      { code: 'settings/duplicate-key', start: '0:1', end: '0:4' },
      { code: 'settings/duplicate-key', start: '1:1', end: '1:4' },
    ]);
  });

  it('a key written twice is a duplicate whatever its values (null, other JSON) and however the type compares keys', () => {
    const duplicates = (text: string, extensionType?: string): string[] =>
      validateSettingsDocument(text, { extensionType, isProtected: false }).filter((d) => d.code === 'settings/duplicate-key').map((d) => `${d.range.start.line}:${d.range.start.character}`);
    assert.deepEqual(duplicates('{"a": null,\n "a": "x"}'), ['0:1', '1:1']);
    assert.deepEqual(duplicates('{"a": "x",\n "a": null}'), ['0:1', '1:1']);
    assert.deepEqual(duplicates('{"a": null,\n "a": null}'), ['0:1', '1:1']);
    assert.deepEqual(duplicates('{"a": 1,\n "b": [],\n "a": {}}'), ['0:1', '2:1']);
    // Backup compares keys without case (az-exact rules); Flux does not.
    assert.deepEqual(duplicates('{"Key": null,\n "key": "x"}', 'microsoft.dataprotection.kubernetes'), ['0:1', '1:1']);
    assert.deepEqual(duplicates('{"Key": "1",\n "key": "2"}', 'microsoft.dataprotection.kubernetes'), ['0:1', '1:1']);
    assert.deepEqual(duplicates('{"Key": null,\n "key": "x"}', 'microsoft.flux'), []);
  });

  it('reports values that are not strings, on the value', () => {
    assert.deepEqual(only('{"a": 1, "b": null, "c": {"d": "e"}, "f": ["g"]}').map((d) => [d.code, d.start]), [
      ['settings/value-not-string', '0:6'],
      ['settings/value-not-string', '0:14'],
      ['settings/value-not-string', '0:25'],
      ['settings/value-not-string', '0:42'],
    ]);
  });

  it('counts positions in UTF-16 units across CRLF lines', () => {
    const d = only('{\r\n  "é😀": "1",\r\n  "dbPassword": "x"\r\n}');
    assert.deepEqual(d, [{ code: 'settings/secret-in-settings', start: '2:2', end: '2:14' }]);
  });

  it('counts the same positions across LF and lone CR lines', () => {
    for (const newline of ['\n', '\r']) {
      const d = only(['{', '  "é😀": "1",', '  "dbPassword": "x"', '}'].join(newline));
      assert.deepEqual(d, [{ code: 'settings/secret-in-settings', start: '2:2', end: '2:14' }], JSON.stringify(newline));
    }
  });

  it('reports a missing key once, on the settings file', () => {
    const settings = '{"enableTraining":"false"}';
    const secrets = '{"sslKeyPemFile":"k"}';
    const onSettings = validateSettingsDocument(settings, { extensionType: 'azureml', isProtected: false, companionText: secrets });
    const onProtected = validateSettingsDocument(secrets, { extensionType: 'azureml', isProtected: true, companionText: settings });
    assert.ok(onSettings.some((d) => d.code === 'azureml/training-or-inference'));
    assert.ok(!onProtected.some((d) => d.code === 'azureml/training-or-inference'));
    assert.ok(onProtected.some((d) => d.code === 'azureml/ssl-cert-and-key'));
  });
});

describe('settings file binding', () => {
  it('binds by the naming convention, with aliases and full type names', () => {
    assert.deepEqual(bindingFromFileName('/w/prod.azureml.settings.json'), { extensionType: 'Microsoft.AzureML.Kubernetes', isProtected: false, source: 'convention' });
    assert.deepEqual(bindingFromFileName('/w/prod.Microsoft.Dapr.protected.json'), { extensionType: 'microsoft.dapr', isProtected: true, source: 'convention' });
    assert.deepEqual(bindingFromFileName('/w/x.settings.json'), { isProtected: false, source: 'convention' });
    assert.equal(bindingFromFileName('/w/package.json'), undefined);
  });

  it('lets the settingsFiles globs win over the name, and an explicit choice over both', () => {
    const scopes = [{ folder: path.resolve('/w'), associations: { 'deploy/*.json': 'microsoft.flux', 'secrets.json': { extensionType: 'dapr', protected: true } } }];
    assert.equal(resolveBinding(path.resolve('/w/deploy/a.dapr.settings.json'), scopes)?.extensionType, 'microsoft.flux');
    assert.deepEqual(resolveBinding(path.resolve('/w/x/secrets.json'), scopes), { extensionType: 'dapr', isProtected: true, source: 'setting' });
    assert.equal(resolveBinding(path.resolve('/elsewhere/deploy/a.json'), scopes), undefined);
    assert.equal(resolveBinding(path.resolve('/w/deploy/a.json'), scopes, { extensionType: 'azureml', isProtected: false, source: 'explicit' })?.extensionType, 'azureml');
  });

  it('pairs a file with its companion of the same base name', () => {
    assert.deepEqual(companionCandidates(path.resolve('/w/a.dapr.settings.json'), false), [path.resolve('/w/a.dapr.protected.json')]);
    assert.deepEqual(companionCandidates(path.resolve('/w/a.dapr.protected.json'), true), [path.resolve('/w/a.dapr.settings.json'), path.resolve('/w/a.dapr.json')]);
    assert.deepEqual(companionCandidates(path.resolve('/w/dapr.json'), false), [path.resolve('/w/dapr.protected.json')]);
  });
});
