import { createScanner, printParseErrorCode, SyntaxKind, visit, type ParseErrorCode } from 'jsonc-parser';
import { cliValueText } from './cliValueText';

/** The JSON type of a value, as written. */
export type JsonKind = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';

/** One top-level `"key": value` pair with the offsets of its key and value. */
export interface SettingEntry {
  key: string;
  keyOffset: number;
  keyLength: number;
  valueOffset: number;
  valueLength: number;
  kind: JsonKind;
  /** The value as the az CLI sends it: the string, Python's str() of a boolean, number, object or array, "null" for null. */
  text: string;
}

export interface SyntaxProblem {
  offset: number;
  length: number;
  message: string;
}

/** A settings file read with a maintained JSON parser (jsonc-parser), strict JSON as the az CLI reads it. */
export interface SettingsText {
  entries: SettingEntry[];
  syntaxErrors: SyntaxProblem[];
  /** The kind of the top-level value; undefined for an empty file (or one nested too deep to read). */
  rootKind?: JsonKind;
  /** Where the text nests deeper than maxNesting: it is not read further (entries stay empty). */
  tooDeepAt?: number;
  rootOffset: number;
  rootLength: number;
}

/**
 * How deep arrays and objects may nest. The az CLI's reader (Python's json) gives up near 1,000 levels; the JSON
 * parser here recurses per level, so a file nested 100,000 deep would overflow the stack.
 */
export const maxNesting = 1000;

function countOf(text: string, char: string, stopAfter: number): number {
  let count = 0;
  for (let i = text.indexOf(char); i !== -1 && count <= stopAfter; i = text.indexOf(char, i + 1)) count++;
  return count;
}

/** The offset of the first bracket nested deeper than maxNesting, or undefined: the parser's own scanner, no recursion. */
export function nestingTooDeepAt(text: string): number | undefined {
  // Most texts cannot nest that deep at all: too few brackets (counted natively) rule them out without scanning.
  if (countOf(text, '[', maxNesting) + countOf(text, '{', maxNesting) <= maxNesting) return undefined;
  // The same tokens as the parser sees (strings ended by a line break, comments skipped), so no bracket is missed.
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      if (++depth > maxNesting) return scanner.getTokenOffset();
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
      depth--;
    }
  }
  return undefined;
}

/** Reads the top-level pairs of a settings file in one pass, without building a tree. */
export function readSettingsText(text: string): SettingsText {
  const entries: SettingEntry[] = [];
  return { ...visitSettingsText(text, (entry) => entries.push(entry)), entries };
}

/** What visitSettingsText tells besides the entries: readSettingsText's result without them, and how many there were. */
export type SettingsTextShape = Omit<SettingsText, 'entries'> & { entryCount: number };

/**
 * Hands each top-level pair to `onEntry` as it is read, keeping none: a caller that needs only some of what they hold
 * (the checks of a 10 MB file) keeps that much in memory, not every entry.
 */
export function visitSettingsText(text: string, onEntry: (entry: SettingEntry) => void): SettingsTextShape {
  const result: SettingsTextShape = { syntaxErrors: [], rootOffset: 0, rootLength: 0, entryCount: 0 };
  const tooDeepAt = nestingTooDeepAt(text);
  if (tooDeepAt !== undefined) return { ...result, tooDeepAt };
  let depth = 0;
  let pending: { key: string; offset: number; length: number } | undefined;
  let containerStart = 0;
  let rootClosed = false;

  const rootValue = (kind: JsonKind, offset: number, length: number): void => {
    if (result.rootKind === undefined) {
      result.rootKind = kind;
      result.rootOffset = offset;
      result.rootLength = length;
    }
  };
  const addEntry = (kind: JsonKind, offset: number, length: number, value: string): void => {
    if (!pending) return;
    result.entryCount++;
    onEntry({ key: pending.key, keyOffset: pending.offset, keyLength: pending.length, valueOffset: offset, valueLength: length, kind, text: value });
    pending = undefined;
  };
  const containerBegin = (kind: JsonKind, offset: number): void => {
    if (depth === 0) rootValue(kind, offset, 1);
    if (depth === 1) containerStart = offset;
    depth++;
  };
  const containerEnd = (kind: JsonKind, offset: number, length: number): void => {
    depth--;
    if (depth === 0 && !rootClosed) {
      rootClosed = true;
      result.rootLength = offset + length - result.rootOffset;
    }
    if (depth === 1) addEntry(kind, containerStart, offset + length - containerStart, sentText(text.slice(containerStart, offset + length)));
  };

  visit(
    text,
    {
      onObjectBegin: (offset) => containerBegin('object', offset),
      onObjectEnd: (offset, length) => containerEnd('object', offset, length),
      onArrayBegin: (offset) => containerBegin('array', offset),
      onArrayEnd: (offset, length) => containerEnd('array', offset, length),
      onObjectProperty: (property, offset, length) => {
        if (depth === 1) pending = { key: property, offset, length };
      },
      onLiteralValue: (value: unknown, offset, length) => {
        const kind: JsonKind = value === null ? 'null' : typeof value === 'string' ? 'string' : typeof value === 'boolean' ? 'boolean' : 'number';
        if (depth === 0) rootValue(kind, offset, length);
        else if (depth === 1) addEntry(kind, offset, length, kind === 'string' ? (value as string) : sentText(text.slice(offset, offset + length)));
      },
      onError: (error: ParseErrorCode, offset, length) => {
        result.syntaxErrors.push({ offset, length, message: describeParseError(error) });
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  return result;
}

function sentText(written: string): string {
  return cliValueText(written) ?? 'null';
}

function describeParseError(error: ParseErrorCode): string {
  const names: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'invalid number',
    PropertyNameExpected: 'a property name in double quotes is expected',
    ValueExpected: 'a value is expected',
    ColonExpected: 'a colon is expected',
    CommaExpected: 'a comma is expected',
    CloseBraceExpected: 'a closing brace is expected',
    CloseBracketExpected: 'a closing bracket is expected',
    EndOfFileExpected: 'nothing may follow the top-level object',
    InvalidCommentToken: 'comments are not allowed in JSON',
    UnexpectedEndOfComment: 'unterminated comment',
    UnexpectedEndOfString: 'unterminated string',
    UnexpectedEndOfNumber: 'unterminated number',
    InvalidUnicode: 'invalid unicode escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character in a string',
  };
  const name = printParseErrorCode(error);
  return names[name] ?? name;
}

/** Converts offsets to 0-based line/character positions, as LSP counts them (UTF-16 units). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    // Most files end lines with \n alone: indexOf finds them natively, much faster than a loop over every character.
    if (!text.includes('\r')) {
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        this.starts.push(i + 1);
      }
    }
  }

  position(at: number): { line: number; character: number } {
    // Between the \r and the \n of a line break is no position of LSP's: the parser's ranges can end there.
    const offset = at > 0 && this.text.charCodeAt(at - 1) === 13 && this.text.charCodeAt(at) === 10 ? at - 1 : at;
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - this.starts[low] };
  }

  offset(position: { line: number; character: number }): number {
    const start = this.starts[Math.min(Math.max(position.line, 0), this.starts.length - 1)];
    return start + Math.max(position.character, 0);
  }
}
