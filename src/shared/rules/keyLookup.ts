import type { ExtensionTypeInfo, SettingKeyInfo } from '../catalog/extensionType';

interface Candidate {
  key: string;
  lower: string;
  histogram: Int16Array;
}

interface KeyIndex {
  exact: Map<string, SettingKeyInfo>;
  folded: Map<string, SettingKeyInfo>;
  prefixes: SettingKeyInfo[];
  byLength: Map<number, Candidate[]>;
}

const buckets = 40;

// Letters, digits and the usual separators each get a bucket; everything else shares one.
function histogram(lower: string): Int16Array {
  const h = new Int16Array(buckets);
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    h[c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? c - 22 : c === 46 ? 36 : c === 45 ? 37 : c === 95 ? 38 : 39]++;
  }
  return h;
}

/** A lower bound of the edit distance: each edit changes the character counts by at most 2. */
function histogramBound(a: Int16Array, b: Int16Array, max: number): number {
  let diff = 0;
  for (let i = 0; i < buckets; i++) {
    diff += Math.abs(a[i] - b[i]);
    if (diff > 2 * max) return max + 1;
  }
  return Math.ceil(diff / 2);
}

const indexes = new WeakMap<ExtensionTypeInfo, KeyIndex>();

// Built once per type so a 10,000-key file costs one map lookup per key.
function indexFor(info: ExtensionTypeInfo): KeyIndex {
  let index = indexes.get(info);
  if (index) return index;
  index = { exact: new Map(), folded: new Map(), prefixes: [], byLength: new Map() };
  for (const k of info.keys) {
    if (k.key.endsWith('.')) {
      index.prefixes.push(k);
      continue;
    }
    index.exact.set(k.key, k);
    index.folded.set(k.key.toLowerCase(), k);
    const sameLength = index.byLength.get(k.key.length) ?? [];
    const lower = k.key.toLowerCase();
    sameLength.push({ key: k.key, lower, histogram: histogram(lower) });
    index.byLength.set(k.key.length, sameLength);
  }
  indexes.set(info, index);
  return index;
}

/** How a key written in a file relates to the catalog. */
export type KeyMatch =
  | { kind: 'known'; setting: SettingKeyInfo }
  | { kind: 'wrong-case'; setting: SettingKeyInfo }
  | { kind: 'unknown'; suggestion?: string };

/** Finds the catalog entry for a key, a case mistake, or the nearest known key. */
export function matchKey(info: ExtensionTypeInfo, key: string): KeyMatch {
  const index = indexFor(info);
  const exact = index.exact.get(key);
  if (exact) return { kind: 'known', setting: exact };
  const folded = index.folded.get(key.toLowerCase());
  if (folded) return info.keysCaseSensitive ? { kind: 'wrong-case', setting: folded } : { kind: 'known', setting: folded };
  for (const p of index.prefixes) {
    const matches = info.keysCaseSensitive ? key.startsWith(p.key) : key.toLowerCase().startsWith(p.key.toLowerCase());
    if (matches && key.length > p.key.length) return { kind: 'known', setting: p };
  }
  return { kind: 'unknown', suggestion: nearestKey(index, key) };
}

/** The settings whose keys are known, for completion. */
export function knownSetting(info: ExtensionTypeInfo, key: string): SettingKeyInfo | undefined {
  const match = matchKey(info, key);
  return match.kind === 'unknown' ? undefined : match.setting;
}

function nearestKey(index: KeyIndex, key: string): string | undefined {
  const lower = key.toLowerCase();
  const limit = key.length < 6 ? 1 : 2;
  let keyHistogram: Int16Array | undefined;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (let len = key.length - limit; len <= key.length + limit; len++) {
    for (const candidate of index.byLength.get(len) ?? []) {
      keyHistogram ??= histogram(lower);
      // Most candidates differ in too many characters: rule them out before the quadratic comparison.
      if (histogramBound(keyHistogram, candidate.histogram, bestDistance - 1) >= bestDistance) continue;
      const d = boundedDistance(lower, candidate.lower, bestDistance - 1);
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate.key;
      }
    }
  }
  return best;
}

/** Optimal string alignment distance (transpositions count as one), or max + 1 once it exceeds max. */
function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prevPrev[j - 2] + 1);
      row.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length];
}
