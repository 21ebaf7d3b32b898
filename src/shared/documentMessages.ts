// Messages for problems with the file as a whole, shared by the editor, the CLI and the commands.

export const emptyFileMessage =
  'The settings file is empty, and the az CLI rejects an empty file: add at least one "key": "value" pair.';

export const notAnObjectMessage =
  'A settings file must be one JSON object of "key": "value" pairs: wrap the settings in { }.';

export function invalidJsonMessage(detail: string): string {
  return `Not valid JSON (${detail}): the az CLI reads this file as strict JSON, so fix the syntax.`;
}

export function duplicateKeyMessage(key: string): string {
  return `${key} appears more than once, and only the last value is used: remove the other occurrences.`;
}

/** `written` is quoted only when the caller may show it (see mayQuoteValue): protected values never appear. */
export function valueNotStringMessage(key: string, written: string | undefined): string {
  const fix = written === undefined ? 'write the value in quotes' : `write "${written}" in quotes`;
  return `The value of ${key} must be a string, since the API takes only string values: ${fix}.`;
}

export function unknownExtensionTypeMessage(type: string): string {
  return `${type} is not an extension type these tools know: only the rules every type shares are checked.`;
}
