// Messages for problems with the file as a whole, shared by the editor, the CLI and the commands.

export const emptyFileMessage =
  'The settings file is empty, and the az CLI rejects an empty file: add at least one "key": "value" pair.';

export const notAnObjectMessage =
  'A settings file must be one JSON object of "key": "value" pairs: wrap the settings in { }.';

export function invalidJsonMessage(detail: string): string {
  return `Not valid JSON (${detail}): the az CLI reads this file as strict JSON, so fix the syntax.`;
}

export function duplicateKeyMessage(key: string): string {
  return `${key} appears more than once, and az uses only the last value: remove the other occurrences.`;
}

/**
 * A value that is not a JSON string. The az CLI sends Python's text of it, which for a boolean is "True" or "False":
 * charts compare with "true", so the user is told what is sent. The value itself is never repeated (it may be protected).
 */
export function valueNotStringMessage(key: string, kind: string): string {
  if (kind === 'null') return `${key} is null, and az sends it as null, which the API's string settings do not define: write a string, or remove ${key}.`;
  if (kind === 'boolean') return `${key} is not a string: az sends true as "True" and false as "False" (capitalized), which charts do not read as booleans: write "true" or "false" in quotes.`;
  if (kind === 'entry') return `The value of ${key} must be a string, since the API takes only string values.`;
  return `${key} is not a string: az sends Python's text of it (1.50 becomes "1.5", an object its Python form): write the value in quotes to send exactly what you mean.`;
}

export function unknownExtensionTypeMessage(type: string, suggestion?: string): string {
  if (suggestion) return `${type} is not an extension type these tools know: did you mean ${suggestion}? Only the rules every type shares are checked.`;
  return `${type} is not an extension type these tools know: only the rules every type shares are checked.`;
}
