import { readFileSync, statSync } from 'node:fs';
import { LineIndex } from '../shared/settingsText';

/** Why a file could not be read at all: `aksext validate` exits 2 with this one line. */
export class UnreadableFileError extends Error {}

/** A settings file as text, or where it stops being UTF-8 (the az CLI reads settings files as UTF-8 and rejects it). */
export type SettingsFileText = { text: string } | { notUtf8At: { line: number; character: number } };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Settings files are kilobytes; checking takes several bytes of memory per byte of a file of tiny settings (README,
 * bench:validate-memory), so larger files are refused before they are read rather than risking a CI runner's memory.
 */
export const maxSettingsFileBytes = 10 * 1024 * 1024;

export function readSettingsFile(file: string): SettingsFileText {
  let bytes: Buffer;
  try {
    const size = statSync(file).size;
    if (size > maxSettingsFileBytes) {
      throw new UnreadableFileError(`${file} is ${(size / 1024 / 1024).toFixed(1)} MB, more than the ${maxSettingsFileBytes / 1024 / 1024} MB aksext checks: a settings file is a few kilobytes of "key": "value" pairs.`);
    }
    bytes = readFileSync(file);
  } catch (e) {
    if (e instanceof UnreadableFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UnreadableFileError(`Cannot read ${file}: ${code ?? (e as Error).message}${code === 'ENOENT' ? ' (check the path)' : ''}.`);
  }
  try {
    // ignoreBOM keeps a byte order mark in the text, so the checks can name it rather than call it a stray character.
    return { text: strictUtf8.decode(bytes) };
  } catch {
    // The lenient decoding marks the first bad byte with U+FFFD: that is where the file stops being UTF-8.
    const lenient = bytes.toString('utf8');
    return { notUtf8At: new LineIndex(lenient).position(Math.max(0, lenient.indexOf('\ufffd'))) };
  }
}
