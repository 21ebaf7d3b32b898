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
 * A value that is not a JSON string. The az CLI sends Python's text of it (`sent`), which for a boolean is "True" or
 * "False": charts compare with "true", so the user is told what is sent. `sent` is given only when the value may be
 * shown (mayQuoteValue): protected and secret-looking values never appear.
 */
export function valueNotStringMessage(key: string, kind: string, sent?: string): string {
  if (kind === 'null') return `${key} is null, and az sends it as null, which the API's string settings do not define: write a string, or remove ${key}.`;
  if (kind === 'entry') return `The value of ${key} must be a string, since the API takes only string values.`;
  const what = sent === undefined ? "Python's text of it" : `"${sent}"`;
  if (kind === 'boolean') return `${key} is not a string: az sends ${what} (Python's capitalized True or False), which charts do not read as a boolean: write "true" or "false" in quotes.`;
  if (kind === 'number') return `${key} is not a string: az sends ${what}: ${sent === undefined ? 'write the value in quotes' : `write "${sent}" in quotes`} to send exactly what you mean.`;
  return `${key} is not a string: az sends ${what}, its Python form, not JSON: write the value as a string.`;
}

export function unknownExtensionTypeMessage(type: string, suggestion?: string): string {
  if (suggestion) return `${type} is not an extension type these tools know: did you mean ${suggestion}? Only the rules every type shares are checked.`;
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
