/**
 * Structural comparison of an emulator response with a spec example's response: the same property keys, recursively,
 * with the same JSON types. Rules, because the examples are not consistent with each other:
 * - null on either side matches any type (the spec marks those properties x-nullable);
 * - a key present on one side only is accepted when its value is "empty" (null, {} or []), since the examples show the
 *   same empty property sometimes present, sometimes absent; nextLink is ignored (null or "..." in examples);
 * - array items are compared with the example item of the same `id`, else with the example's first item;
 * - `allowExtra` lists paths (e.g. "$.id") the emulator may add where an example leaves them out, or '*' when the
 *   example is an abridged form of the resource (the managed-cluster list examples show fewer properties than Get).
 * Returns the differences; empty means same shape.
 */
export function shapeDifferences(actual: unknown, expected: unknown, allowExtra: string[] = [], path = '$'): string[] {
  if (actual === null || expected === null || actual === undefined || expected === undefined) {
    return [];
  }
  if (kind(actual) !== kind(expected)) {
    return [`${path}: ${kind(actual)} where the example has ${kind(expected)}`];
  }
  if (Array.isArray(actual) && Array.isArray(expected)) {
    if (expected.length === 0) {
      return [];
    }
    return actual.flatMap((item, i) => shapeDifferences(item, exampleItem(item, expected), allowExtra, `${path}[${i}]`));
  }
  if (kind(actual) !== 'object') {
    return [];
  }
  const a = actual as Record<string, unknown>;
  const e = expected as Record<string, unknown>;
  const differences: string[] = [];
  for (const key of new Set([...Object.keys(a), ...Object.keys(e)])) {
    const keyPath = `${path}.${key}`;
    if (key === 'nextLink') {
      continue;
    }
    if (!(key in e)) {
      if (!isEmpty(a[key]) && !allowExtra.includes(keyPath) && !allowExtra.includes('*')) {
        differences.push(`${keyPath}: not in the example`);
      }
    } else if (!(key in a)) {
      if (!isEmpty(e[key])) {
        differences.push(`${keyPath}: missing`);
      }
    } else {
      differences.push(...shapeDifferences(a[key], e[key], allowExtra, keyPath));
    }
  }
  return differences;
}

function kind(value: unknown): string {
  return Array.isArray(value) ? 'array' : typeof value;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'object' && Object.keys(value).length === 0);
}

function exampleItem(item: unknown, examples: unknown[]): unknown {
  const id = (item as { id?: unknown } | null)?.id;
  const same = examples.find((e) => typeof id === 'string' && String((e as { id?: unknown } | null)?.id).toLowerCase() === id.toLowerCase());
  return same ?? examples[0];
}
