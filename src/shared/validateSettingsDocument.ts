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
import { LineIndex, maxNesting, type SettingEntry, visitSettingsText } from './settingsText';

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

/**
 * Validates one settings file, with its companion if given; the same rules as the request validator.
 *
 * The text is read twice and no list of its entries is kept, which bounds the memory a large file takes (`aksext
 * validate`, README): the first pass keeps what the cross-key rules read (each key's value) and which keys repeat;
 * the second reports on each entry, in the order the problems were always reported, and finds the entries that
 * cross-key findings point at.
 */
export function validateSettingsDocument(text: string, opts: ValidateSettingsOptions): SettingsDiagnostic[] {
  const info = opts.extensionType ? findExtensionType(opts.extensionType) : undefined;
  const here: SettingsLocation = opts.isProtected ? 'protected' : 'settings';
  const fold = info && !info.keysCaseSensitive ? (k: string) => k.toLowerCase() : (k: string) => k;
  const { values, duplicated } = keysAndValues(info, fold);
  const parsed = visitSettingsText(text, values.add);
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
  if (parsed.entryCount === 0 && parsed.syntaxErrors.length === 0 && !opts.draft) add(parsed.rootOffset, parsed.rootLength, 'error', 'settings/empty', emptyFileMessage);
  if (opts.extensionType && !info) {
    const suggestion = suggestExtensionType(opts.extensionType);
    add(parsed.rootOffset, 1, 'hint', 'settings/unknown-extension-type', unknownExtensionTypeMessage(opts.extensionType, suggestion), suggestion ? { suggestion } : undefined);
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

  const view = viewOf(info, values.map, here, opts.companionText);
  const crossKey = crossKeyFindings(info, view, here).filter((f) => !(opts.existing && f.createOnly));
  // The entries cross-key findings are about (the last of each key, the one az keeps), found in the second pass.
  const pointedAt = new Set(crossKey.flatMap((f) => (f.key === undefined ? [] : [fold(f.key)])));
  const lastByKey = new Map<string, SettingEntry>();
  visitSettingsText(text, (e) => {
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
    if (pointedAt.size > 0 && pointedAt.has(fold(e.key))) lastByKey.set(fold(e.key), e);
  });

  // az accepts the file and creates other resources first; only the tools' create stops, so the editor informs. A file
  // still missing a required key is told that first.
  const complete = !crossKey.some((f) => f.key === undefined && f.severity === 'error');
  const prerequisite = here === 'settings' && complete && parsed.syntaxErrors.length === 0 ? info?.prerequisites?.(view) : undefined;
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

/**
 * The first pass's record: each key's value as toMap keeps it (the last that is not null), and the keys written more
 * than once (folded as the type compares keys). Where keys compare exactly, the map of values also tells which keys
 * were seen (with the null-valued ones beside it), so no second set of every key is kept.
 */
function keysAndValues(info: ExtensionTypeInfo | undefined, fold: (key: string) => string): { values: { map: Map<string, string>; add: (e: SettingEntry) => void }; duplicated: Set<string> } {
  const map = new Map<string, string>();
  const nullValued = new Set<string>();
  const folded = info && !info.keysCaseSensitive ? new Set<string>() : undefined;
  const duplicated = new Set<string>();
  const add = (e: SettingEntry): void => {
    const key = fold(e.key);
    if (folded ? folded.has(key) : map.has(key) || nullValued.has(key)) duplicated.add(key);
    folded?.add(key);
    if (e.kind !== 'null') map.set(e.key, e.text);
    else if (!folded) nullValued.add(key);
  };
  return { values: { map, add }, duplicated };
}

function viewOf(info: ExtensionTypeInfo | undefined, mine: ReadonlyMap<string, string>, here: SettingsLocation, companionText: string | undefined): SettingsView {
  const other = new Map<string, string>();
  if (companionText !== undefined) {
    const companion = visitSettingsText(companionText, (e) => {
      if (e.kind !== 'null') other.set(e.key, e.text);
    });
    // A companion that is not an object reads as empty, even if an object follows what it starts with.
    if (companion.rootKind !== 'object') other.clear();
  }
  return here === 'settings'
    ? createSettingsView(mine, other, info?.keysCaseSensitive ?? true)
    : createSettingsView(other, mine, info?.keysCaseSensitive ?? true);
}

/** Cross-key findings that belong to this file: about one of its keys, or about a missing key. */
function crossKeyFindings(info: ExtensionTypeInfo | undefined, view: SettingsView, here: SettingsLocation): RuleFinding[] {
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
