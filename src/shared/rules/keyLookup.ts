import type { ExtensionTypeInfo, SettingKeyInfo } from '../catalog/extensionType';

interface Candidate {
  key: string;
  lower: string;
  histogram: Int16Array;
  mask: number;
}

interface KeyIndex {
  exact: Map<string, SettingKeyInfo>;
  folded: Map<string, SettingKeyInfo>;
  /** Prefix keys with the spelling matchKey compares (lower case for case-insensitive types). */
  prefixes: { setting: SettingKeyInfo; compared: string }[];
  byLength: Map<number, Candidate[]>;
}

const buckets = 40;

// Letters, digits and the usual separators each get a bucket; everything else shares one.
function bucket(c: number): number {
  return c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? c - 22 : c === 46 ? 36 : c === 45 ? 37 : c === 95 ? 38 : 39;
}

function histogram(lower: string, h = new Int16Array(buckets)): Int16Array {
  for (let i = 0; i < lower.length; i++) h[bucket(lower.charCodeAt(i))]++;
  return h;
}

/** The buckets that occur in a key, a bit each; the ten digit buckets share one bit so that it fits 31 bits. */
function characterMask(lower: string): number {
  let mask = 0;
  for (let i = 0; i < lower.length; i++) {
    const b = bucket(lower.charCodeAt(i));
    mask |= 1 << (b < 26 ? b : b < 36 ? 26 : b - 9);
  }
  return mask;
}

function bitCount(n: number): number {
  let count = 0;
  for (let v = n; v !== 0; v &= v - 1) count++;
  return count;
}

/**
 * A lower bound of the edit distance that costs two operations: each character kind one key has and the other lacks
 * needs an edit of its own, and one substitution removes at most one such kind from each side.
 */
function maskBound(a: number, b: number): number {
  return Math.max(bitCount(a & ~b), bitCount(b & ~a));
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
      index.prefixes.push({ setting: k, compared: info.keysCaseSensitive ? k.key : k.key.toLowerCase() });
      continue;
    }
    index.exact.set(k.key, k);
    index.folded.set(k.key.toLowerCase(), k);
    const sameLength = index.byLength.get(k.key.length) ?? [];
    const lower = k.key.toLowerCase();
    sameLength.push({ key: k.key, lower, histogram: histogram(lower), mask: characterMask(lower) });
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
  const lower = key.toLowerCase();
  const folded = index.folded.get(lower);
  if (folded) return info.keysCaseSensitive ? { kind: 'wrong-case', setting: folded } : { kind: 'known', setting: folded };
  const compared = info.keysCaseSensitive ? key : lower;
  for (const p of index.prefixes) {
    if (key.length > p.compared.length && compared.startsWith(p.compared)) return { kind: 'known', setting: p.setting };
  }
  return { kind: 'unknown', suggestion: nearestKey(index, lower) };
}

/** The settings whose keys are known, for completion. */
export function knownSetting(info: ExtensionTypeInfo, key: string): SettingKeyInfo | undefined {
  const match = matchKey(info, key);
  return match.kind === 'unknown' ? undefined : match.setting;
}

// One buffer for the histogram of the key being looked up: a file of unknown keys would otherwise allocate one each.
const keyHistogramBuffer = new Int16Array(buckets);

/** The nearest known key within the edit limit; only keys whose length is within the limit can be. */
function nearestKey(index: KeyIndex, lower: string): string | undefined {
  const limit = lower.length < 6 ? 1 : 2;
  let keyHistogram: Int16Array | undefined;
  let keyMask: number | undefined;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (let len = lower.length - limit; len <= lower.length + limit; len++) {
    for (const candidate of index.byLength.get(len) ?? []) {
      // Most candidates differ in too many characters: rule them out, cheapest test first, before the quadratic comparison.
      keyMask ??= characterMask(lower);
      if (maskBound(keyMask, candidate.mask) >= bestDistance) continue;
      keyHistogram ??= histogram(lower, keyHistogramBuffer.fill(0));
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
export function boundedDistance(a: string, b: string, max: number): number {
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
