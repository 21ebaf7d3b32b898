import * as assert from 'node:assert/strict';
import { suggestExtensionType, validateExtensionRequest, validateSettingsDocument } from '../../../src/shared';
import { cliValueText } from '../../../src/shared/cliValueText';
import { readSettingsText } from '../../../src/shared/settingsText';

// Expected texts are Python 3's str(json.loads(written)), what the az CLI's SDK serializer sends for a value.
const pythonText: [string, string | undefined][] = [
  ['"as is"', 'as is'],
  ['true', 'True'],
  ['false', 'False'],
  ['null', undefined],
  ['1', '1'],
  ['-0', '0'],
  ['12345678901234567890', '12345678901234567890'],
  ['1.50', '1.5'],
  ['1e5', '100000.0'],
  ['1E400', 'inf'],
  ['1e16', '1e+16'],
  ['1.5e-5', '1.5e-05'],
  ['0.0001', '0.0001'],
  ['0.00001', '1e-05'],
  ['-2.5e-7', '-2.5e-07'],
  ['123456789012345678.0', '1.2345678901234568e+17'],
  ['[1, "a\'b", {"x": true, "x": null}]', '[1, "a\'b", {\'x\': None}]'],
  ['{"k": "a\\\\b\\n", "q": "it\'s \\"x\\""}', '{\'k\': \'a\\\\b\\n\', \'q\': \'it\\\'s "x"\'}'],
  ['[]', '[]'],
  ['{}', '{}'],
];

describe('values as the az CLI sends them (Python str of the JSON value)', () => {
  for (const [written, sent] of pythonText) {
    it(`${written} → ${String(sent)}`, () => assert.equal(cliValueText(written), sent));
  }

  it('reads a file\'s entries as they are sent, and warns (never errors) on values that are not strings', () => {
    const text = '{"a": true, "b": 2.50, "c": {"d": [false]}}';
    assert.deepEqual(readSettingsText(text).entries.map((e) => e.text), ['True', '2.5', "{'d': [False]}"]);
    const found = validateSettingsDocument(text, { isProtected: false });
    assert.deepEqual(found.map((d) => `${d.severity} ${d.code}`), Array(3).fill('warning settings/value-not-string'));
  });

  it('never repeats a value that is not a string in its message (it may be protected)', () => {
    const found = validateSettingsDocument('{"pin": 918273}', { isProtected: true });
    assert.ok(found.every((d) => !d.message.includes('918273')), found.map((d) => d.message).join(' '));
  });
});

describe('did you mean, for extension types', () => {
  it('suggests the nearest known type, ignoring case, and the type a short name misses its prefix from', () => {
    assert.equal(suggestExtensionType('microsoft.dpar'), 'microsoft.dapr');
    assert.equal(suggestExtensionType('Microsoft.AzureML.Kubernetes.'), 'Microsoft.AzureML.Kubernetes');
    assert.equal(suggestExtensionType('azureml.kubernetes'), 'Microsoft.AzureML.Kubernetes');
    assert.equal(suggestExtensionType('microsoft.azuremonitor.container'), 'microsoft.azuremonitor.containers');
    assert.equal(suggestExtensionType('contoso.widgets'), undefined);
    assert.equal(suggestExtensionType('microsoft.dapr'), undefined, 'a known type needs no suggestion');
  });

  it('says it in the editor and in a request (a warning: az sends any type)', () => {
    const hint = validateSettingsDocument('{"a": "b"}', { extensionType: 'microsoft.fluxx', isProtected: false });
    assert.match(hint[0].message, /did you mean microsoft\.flux\?/);
    assert.equal(hint[0].data?.suggestion, 'microsoft.flux');
    const problems = validateExtensionRequest({ extensionType: 'microsoft.fluxx', name: 'flux' });
    assert.deepEqual(problems.map((p) => `${p.severity} ${p.code}`), ['warning request/unknown-extension-type']);
  });
});
