import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { validateSettingsDocument } from '../../../src/shared';
import { completeSettings } from '../../../src/server/settingsCompletion';
import { hoverSetting } from '../../../src/server/settingsHover';

// Deterministic so a failure can be replayed: mulberry32.
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const seeds: [string, string][] = [
  ['azureml', '{\n  "enableInference": "true",\n  "inferenceRouterServiceType": "NodePort",\n  "internalLoadBalancerProvider": "azure",\n  "sslCname": "ml.contoso.com"\n}\n'],
  ['dapr', '{\r\n  "existingDaprReleaseName": "dapr",\r\n  "global.ha.enabled": "true",\r\n  "skipExistingDaprCheck": "True"\r\n}'],
  ['flux', '{"workloadIdentity.enable":"true","helm-controller.outOfMemoryWatch.interval":"5s","source-controller.log-level":"trace"}'],
  ['backup', '{ "BlobContainer": "c", "storageAccount": 1, "x": {"y": [1, 2]}, "dbPassword": "AccountKey=abcdefghijklmnop" }'],
  ['contoso.unknown', '{ "a": "b", "a": "c", "token": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcdefghijklmn" }'],
];
const pieces = ['{', '}', '[', ']', '"', ':', ',', '\\', '\\u', '/*', '//', '\n', '\r\n', ' ', 'true', 'null', '-1e9', '😀', '\ud800', 'é', '"enableTraining"', '"InferenceRouterHA"', '""'];

function mutate(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const span = Math.floor(next() * 8);
  switch (Math.floor(next() * 7)) {
    // Deep nesting (past the parser's limit now and then) and very long strings, keys and values alike.
    case 5: {
      const depth = next() < 0.1 ? 1500 + Math.floor(next() * 40_000) : Math.floor(next() * 200);
      return text.slice(0, at) + '['.repeat(depth) + ']'.repeat(Math.floor(next() * (depth + 1))) + text.slice(at);
    }
    case 6: return text.slice(0, at) + 'x\\"é'.repeat(next() < 0.05 ? 20_000 : Math.floor(next() * 50)) + text.slice(at);
    case 0: return text.slice(0, at) + pieces[Math.floor(next() * pieces.length)] + text.slice(at);
    case 1: return text.slice(0, at) + text.slice(at + span);
    case 2: return text.slice(0, at) + text.slice(at, at + span).repeat(2) + text.slice(at + span);
    case 3: return text.slice(0, at);
    default: return text.slice(0, at) + String.fromCharCode(Math.floor(next() * 0xffff)) + text.slice(at + 1);
  }
}

const severities = new Set(['error', 'warning', 'information', 'hint']);

describe('fuzz: mutated settings documents', function () {
  this.timeout(60_000);

  it('validates, completes and hovers 6,000 mutated documents without a crash or a hang', function () {
    // A new seed each run finds new cases; AKSEXT_FUZZ_SEED replays the one a failure printed.
    const seed = Number(process.env.AKSEXT_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
    console.log(`      fuzz seed ${seed} (replay: AKSEXT_FUZZ_SEED=${seed})`);
    if (this.test) this.test.title += ` [seed ${seed}]`;
    const next = random(seed);
    const started = Date.now();
    let slowest = 0;
    for (let i = 0; i < 6000; i++) {
      const [type, seed] = seeds[i % seeds.length];
      let text = seed;
      const rounds = 1 + Math.floor(next() * 6);
      for (let r = 0; r < rounds; r++) text = mutate(text, next);
      const companion = next() < 0.3 ? mutate(seeds[(i + 1) % seeds.length][1], next) : undefined;
      const t0 = performance.now();
      const found = validateSettingsDocument(text, { extensionType: type, isProtected: next() < 0.5, companionText: companion });
      const document = TextDocument.create('file:///fuzz.json', 'json', 1, text);
      const offset = Math.floor(next() * (text.length + 1));
      completeSettings(document, offset, type);
      hoverSetting(document, offset, type);
      slowest = Math.max(slowest, performance.now() - t0);
      const lines = text.split(/\r\n|\r|\n/);
      for (const d of found) {
        assert.ok(severities.has(d.severity) && d.code.length > 0 && d.message.length > 0, `iteration ${i}`);
        for (const p of [d.range.start, d.range.end]) {
          assert.ok(p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length, `iteration ${i}: range out of the document`);
        }
      }
    }
    // A hang detector, not a speed claim (bench/validation.ts measures speed): generous enough for a loaded CI machine.
    assert.ok(slowest < 2_000, `slowest document took ${slowest.toFixed(1)} ms`);
    assert.ok(Date.now() - started < 45_000);
  });
});
