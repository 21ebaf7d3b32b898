import { extensionTypes, findExtensionType, suggestExtensionType } from '../shared';

/** A --type the tools do not know: checking with it would silently skip every rule of the type, so it is refused. */
export class UnknownTypeError extends Error {}

/** The catalog's spelling of --type; throws UnknownTypeError with "did you mean" when a known type or alias is close. */
export function extensionTypeArgument(written: string): string {
  const known = findExtensionType(written);
  if (known) return known.type;
  const suggestion = suggestExtensionType(written);
  const hint = suggestion ? `did you mean ${suggestion}?` : `use one of ${extensionTypes.map((t) => t.type).join(', ')}, or leave --type out to check only the rules every type shares.`;
  throw new UnknownTypeError(`Unknown extension type "${written}": ${hint}`);
}
