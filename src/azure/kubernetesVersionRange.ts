/**
 * Kubernetes version patterns as the extension-types catalog writes them in `unsupportedKubernetesVersions`
 * (API 2026-05-01 examples: `1.18..1.21`, `>1.22`): an inclusive range `a..b`, a comparison (`>`, `>=`, `<`, `<=`),
 * or a version, each compared at its own precision (`1.29` covers every 1.29.x).
 */

function parts(version: string): number[] | undefined {
  const match = /^v?(\d+(?:\.\d+)*)/.exec(version.trim());
  return match ? match[1].split('.').map(Number) : undefined;
}

/** Compares `version` with `bound` on the segments `bound` has: negative, zero or positive. */
function compareAt(version: number[], bound: number[]): number {
  for (let i = 0; i < bound.length; i++) {
    const difference = (version[i] ?? 0) - bound[i];
    if (difference !== 0) {
      return difference;
    }
  }
  return 0;
}

/** True when `kubernetesVersion` falls under the pattern; an unreadable pattern or version matches nothing. */
export function matchesKubernetesVersion(pattern: string, kubernetesVersion: string): boolean {
  const version = parts(kubernetesVersion);
  const text = pattern.trim();
  if (!version || text === '') {
    return false;
  }
  const range = /^(.+?)\.\.(.+)$/.exec(text);
  if (range) {
    const [low, high] = [parts(range[1]), parts(range[2])];
    return low !== undefined && high !== undefined && compareAt(version, low) >= 0 && compareAt(version, high) <= 0;
  }
  const comparison = /^(>=|<=|>|<|=)?\s*(.+)$/.exec(text);
  const bound = comparison ? parts(comparison[2]) : undefined;
  if (!comparison || !bound) {
    return false;
  }
  const order = compareAt(version, bound);
  switch (comparison[1]) {
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    default:
      return order === 0;
  }
}
