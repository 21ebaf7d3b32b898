import { findExtensionType } from './catalog';
import { suggestExtensionType } from './catalog/typeSuggestion';
import type { ExtensionTypeInfo } from './catalog/extensionType';
import {
  duplicateKeyMessage,
  emptyFileMessage,
  byteOrderMarkMessage,
  invalidJsonMessage,
  notAnObjectMessage,
  tooDeepMessage,
  tooManyProblemsMessage,
  unknownExtensionTypeMessage,
  valueNotStringMessage,
} from './documentMessages';
import { isImmutable } from './rules/immutability';
import { mayQuoteValue } from './rules/secretDetection';
import { checkCrossKeyRules, checkSetting } from './rules/settingRules';
import { createSettingsView, type RuleFinding, type SettingsFix, type SettingsLocation, type SettingsView, type Severity } from './rules/settingsView';
import { LineIndex, maxNesting, readSettingsText, type SettingEntry } from './settingsText';

export interface Position {
  line: number;
  character: number;
}

/** 0-based, end-exclusive, as LSP ranges. */
export interface Range {
  start: Position;
  end: Position;
}

/** What quick fixes need to know about a diagnostic. */
export interface DiagnosticData {
  key?: string;
  suggestion?: string;
  /** The rule's quick fixes (keys to set or remove in this file). */
  fixes?: readonly SettingsFix[];
}

export interface SettingsDiagnostic {
  range: Range;
  severity: Severity;
  code: string;
  message: string;
  data?: DiagnosticData;
}

export interface ValidateSettingsOptions {
  /** The extension type the file is for; absent or unknown means only the shared rules apply. */
  extensionType?: string;
  /** True for a --configuration-protected-settings-file. */
  isProtected: boolean;
  /** The text of the companion file (the protected file of a settings file, or the reverse). */
  companionText?: string;
  /** The document's URI; only for the caller's bookkeeping. */
  uri?: string;
  /** Report at most this many problems; one more line then counts the rest (the CLI bounds its memory with it). */
  maxDiagnostics?: number;
  /**
   * A document not saved as a file yet (the flows' settings documents are untitled): the CLI reads none of it, so an
   * empty object is no error, and a key still missing is told as information; the request is checked before sending.
   */
  draft?: boolean;
  /**
   * The settings of an extension that exists (an update's document): what only a create acts on is not said, and each
   * key the type fixes at creation is noted where it stands.
   */
  existing?: boolean;
}

const maxSyntaxErrors = 20;

/** Validates one settings file, with its companion if given; the same rules as the request validator. */
export function validateSettingsDocument(text: string, opts: ValidateSettingsOptions): SettingsDiagnostic[] {
  const info = opts.extensionType ? findExtensionType(opts.extensionType) : undefined;
  const here: SettingsLocation = opts.isProtected ? 'protected' : 'settings';
  const parsed = readSettingsText(text);
  let lines: LineIndex | undefined;
  const out: SettingsDiagnostic[] = [];
  const limit = opts.maxDiagnostics ?? Infinity;
  const unlisted = { count: 0, worst: 'hint' as Severity };
  const add = (offset: number, length: number, severity: Severity, code: string, message: string, data?: DiagnosticData): void => {
    if (out.length >= limit) {
      unlisted.count++;
      if (severityRank[severity] < severityRank[unlisted.worst]) unlisted.worst = severity;
      return;
    }
    lines ??= new LineIndex(text);
    // The parser can report an unterminated comment as reaching past the end of the text.
    const end = Math.min(offset + length, text.length);
    const diagnostic: SettingsDiagnostic = { range: { start: lines.position(Math.min(offset, end)), end: lines.position(end) }, severity, code, message };
    if (data) diagnostic.data = data;
    out.push(diagnostic);
  };

  if (!/\S/.test(text)) {
    add(0, text.length, 'error', 'settings/empty', emptyFileMessage);
    return out;
  }
  if (parsed.tooDeepAt !== undefined) {
    add(parsed.tooDeepAt, 1, 'error', 'settings/too-deep', tooDeepMessage(maxNesting));
    return out;
  }
  const hasByteOrderMark = text.charCodeAt(0) === 0xfeff;
  if (hasByteOrderMark) add(0, 1, 'error', 'settings/byte-order-mark', byteOrderMarkMessage);
  // The parser may report several errors at one spot (a trailing comma): the first says it best. A BOM is told above.
  const syntaxErrors = parsed.syntaxErrors.filter((e, i, all) => (i === 0 || all[i - 1].offset !== e.offset) && !(hasByteOrderMark && e.offset === 0));
  for (const e of syntaxErrors.slice(0, maxSyntaxErrors)) add(e.offset, e.length, 'error', 'settings/invalid-json', invalidJsonMessage(e.message));
  if (parsed.rootKind !== 'object') {
    if (parsed.rootKind !== undefined) add(parsed.rootOffset, parsed.rootLength, 'error', 'settings/not-an-object', notAnObjectMessage);
    return out;
  }
  if (parsed.entries.length === 0 && parsed.syntaxErrors.length === 0 && !opts.draft) add(parsed.rootOffset, parsed.rootLength, 'error', 'settings/empty', emptyFileMessage);
  if (opts.extensionType && !info) {
    const suggestion = suggestExtensionType(opts.extensionType);
    add(parsed.rootOffset, 1, 'hint', 'settings/unknown-extension-type', unknownExtensionTypeMessage(opts.extensionType, suggestion), suggestion ? { suggestion } : undefined);
  }

  const fold = info && !info.keysCaseSensitive ? (k: string) => k.toLowerCase() : (k: string) => k;
  const lastByKey = new Map<string, SettingEntry>();
  const duplicated = new Set<string>();
  for (const e of parsed.entries) {
    const key = fold(e.key);
    if (lastByKey.has(key)) duplicated.add(key);
    lastByKey.set(key, e);
  }

  const addFinding = (entry: SettingEntry, f: RuleFinding): void => {
    const onValue = f.code === 'settings/invalid-value';
    const data: DiagnosticData = { key: entry.key };
    if (f.suggestion) data.suggestion = f.suggestion;
    // The fixes write plain settings: offered in the settings file only.
    if (f.fixes && here === 'settings') data.fixes = f.fixes;
    if (onValue) add(entry.valueOffset, entry.valueLength, f.severity, f.code, f.message, data);
    else add(entry.keyOffset, entry.keyLength, f.severity, f.code, f.message, data);
  };

  for (const e of parsed.entries) {
    // az reads the file with Python's json.load, which keeps the last value: a warning, not an error.
    if (duplicated.size > 0 && duplicated.has(fold(e.key))) add(e.keyOffset, e.keyLength, 'warning', 'settings/duplicate-key', duplicateKeyMessage(e.key), { key: e.key });
    // az accepts any JSON value and sends its Python text ("True" for true): what is sent is checked, with a warning.
    if (e.kind !== 'string') {
      const shown = mayQuoteValue(e.key, e.text, opts.isProtected) ? e.text : undefined;
      add(e.valueOffset, e.valueLength, 'warning', 'settings/value-not-string', valueNotStringMessage(e.key, e.kind, shown), { key: e.key });
    }
    // In an existing extension's settings a key fixed at creation is noted plainly (information), not as a create's hint.
    const fixedHere = opts.existing === true && info !== undefined && isImmutable(info, e.key);
    for (const f of checkSetting(info, e.key, e.kind === 'null' ? undefined : e.text, here)) if (!(fixedHere && f.code === 'settings/immutable-after-create')) addFinding(e, f);
    if (fixedHere && info) addFinding(e, fixedAtCreateFinding(info, e.key));
  }

  const crossKey = crossKeyFindings(info, parsed.entries, here, opts.companionText).filter((f) => !(opts.existing && f.createOnly));
  // az accepts the file and creates other resources first; only the tools' create stops, so the editor informs. A file
  // still missing a required key is told that first.
  const complete = !crossKey.some((f) => f.key === undefined && f.severity === 'error');
  const prerequisite = here === 'settings' && complete && parsed.syntaxErrors.length === 0 ? prerequisiteOf(info, parsed.entries, opts.companionText) : undefined;
  if (prerequisite) add(parsed.rootOffset, 1, 'information', 'settings/az-creates-resources', prerequisite);
  for (const f of crossKey) {
    if (f.key !== undefined) {
      const entry = lastByKey.get(fold(f.key));
      if (entry) addFinding(entry, f);
    } else if (parsed.syntaxErrors.length === 0 && (here === 'settings' || opts.companionText === undefined)) {
      // A missing key is reported once, on the settings file, unless there is no settings file.
      add(parsed.rootOffset, 1, opts.draft && f.severity === 'error' ? 'information' : f.severity, f.code, f.message, f.fixes && here === 'settings' ? { fixes: f.fixes } : undefined);
    }
  }
  out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  if (unlisted.count > 0) {
    const last = out[out.length - 1].range.end;
    out.push({ range: { start: last, end: last }, severity: unlisted.worst, code: 'settings/too-many-problems', message: tooManyProblemsMessage(unlisted.count) });
  }
  return out;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

// A loop rather than new Map(entries.map(...)): no pair array per key in files of thousands of keys.
// A null value reaches the CLI's checks as None, which they treat as absent.
export function toMap(entries: readonly SettingEntry[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const e of entries) if (e.kind !== 'null') map.set(e.key, e.text);
  return map;
}

function viewOf(info: ExtensionTypeInfo | undefined, entries: readonly SettingEntry[], here: SettingsLocation, companionText: string | undefined): SettingsView {
  const companion = companionText === undefined ? undefined : readSettingsText(companionText);
  const other = companion?.rootKind === 'object' ? toMap(companion.entries) : new Map<string, string>();
  const mine = toMap(entries);
  return here === 'settings'
    ? createSettingsView(mine, other, info?.keysCaseSensitive ?? true)
    : createSettingsView(other, mine, info?.keysCaseSensitive ?? true);
}

/** Cross-key findings that belong to this file: about one of its keys, or about a missing key. */
function crossKeyFindings(info: ExtensionTypeInfo | undefined, entries: readonly SettingEntry[], here: SettingsLocation, companionText: string | undefined): RuleFinding[] {
  const view = viewOf(info, entries, here, companionText);
  return checkCrossKeyRules(info, view).filter((f) => f.key === undefined || (f.in ?? view.where(f.key)) === here);
}

/** The note on a key the type fixes at creation, in an existing extension's settings. */
function fixedAtCreateFinding(info: ExtensionTypeInfo, key: string): RuleFinding {
  return {
    code: 'settings/immutable-after-create',
    severity: 'information',
    key,
    message: `${key} was fixed when ${info.displayName} was created: keep its value here; a new value needs the extension deleted and created again.`,
  };
}

/** What az would create in Azure for these settings before the extension, if anything. */
function prerequisiteOf(info: ExtensionTypeInfo | undefined, entries: readonly SettingEntry[], companionText: string | undefined): string | undefined {
  return info?.prerequisites?.(viewOf(info, entries, 'settings', companionText));
}
