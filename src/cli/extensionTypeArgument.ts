import { extensionTypes, findExtensionType } from '../shared';
import { boundedDistance } from '../shared/rules/keyLookup';

/** A --type the tools do not know: checking with it would silently skip every rule of the type, so it is refused. */
export class UnknownTypeError extends Error {}

/** The catalog's spelling of --type; throws UnknownTypeError with "did you mean" when a known type or alias is close. */
export function extensionTypeArgument(written: string): string {
  const known = findExtensionType(written);
  if (known) return known.type;
  const names = extensionTypes.flatMap((t) => [t.type, ...t.aliases]);
  const lower = written.trim().toLowerCase();
  // As for keys: one edit in a short word, two in a longer one; more would suggest unrelated types.
  const limit = lower.length < 6 ? 1 : 2;
  const ranked = names
    .map((name) => ({ name, distance: boundedDistance(lower, name.toLowerCase(), limit) }))
    .filter((n) => n.distance <= limit)
    .sort((a, b) => a.distance - b.distance);
  const hint = ranked.length > 0 ? `did you mean ${findExtensionType(ranked[0].name)?.type ?? ranked[0].name}?` : `use one of ${extensionTypes.map((t) => t.type).join(', ')}, or leave --type out to check only the rules every type shares.`;
  throw new UnknownTypeError(`Unknown extension type "${written}": ${hint}`);
}
