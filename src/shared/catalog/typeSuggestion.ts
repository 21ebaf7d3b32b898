import { boundedDistance } from '../rules/keyLookup';
import { extensionTypes, findExtensionType } from './index';

// Type names are long and share the "microsoft." prefix: allow more edits the longer the name written.
function editLimit(length: number): number {
  return length < 6 ? 1 : length < 16 ? 2 : 3;
}

/**
 * The known extension type nearest to a type the catalog does not know ("microsoft.dpar" → "microsoft.dapr",
 * "azureml.kubernetes" → "Microsoft.AzureML.Kubernetes"), or undefined when none is close. Compared ignoring case,
 * against the types and their short names.
 */
export function suggestExtensionType(written: string): string | undefined {
  const lower = written.trim().toLowerCase();
  if (!lower || findExtensionType(lower)) return undefined;
  const prefixed = findExtensionType(`microsoft.${lower}`);
  if (prefixed) return prefixed.type;
  const limit = editLimit(lower.length);
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const info of extensionTypes) {
    for (const name of [info.type.toLowerCase(), ...info.aliases]) {
      const d = boundedDistance(lower, name, bestDistance - 1);
      if (d < bestDistance) {
        bestDistance = d;
        best = info.type;
      }
    }
  }
  return best;
}
