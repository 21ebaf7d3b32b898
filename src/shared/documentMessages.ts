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

export function tooDeepMessage(levels: number): string {
  return `Nested more than ${levels.toLocaleString('en-US')} levels deep, which the az CLI cannot read: settings take string values only, so flatten the file.`;
}

export const byteOrderMarkMessage =
  'The file starts with a UTF-8 byte order mark (BOM), which the az CLI rejects as invalid JSON: save the file as UTF-8 without BOM.';

export function tooManyProblemsMessage(more: number): string {
  return `${more.toLocaleString('en-US')} more problems in this file are not listed: fix the ones above first.`;
}
