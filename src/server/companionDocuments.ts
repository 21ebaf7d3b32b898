import { existsSync, readFileSync } from 'node:fs';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocuments } from 'vscode-languageserver/node';
import { companionCandidates } from '../shared/settingsFileBinding';
import { pathToUri, samePath, uriToPath } from './documentPaths';

export interface CompanionDocument {
  uri: string;
  path: string;
  text: string;
  /** The open document's version, or null when read from disk. */
  version: number | null;
}

/** The companion of a document: the open editor's text if open, else the file on disk. */
export function findCompanion(documents: TextDocuments<TextDocument>, uri: string, isProtected: boolean): CompanionDocument | undefined {
  for (const candidate of companionCandidates(uriToPath(uri), isProtected)) {
    const open = documents.all().find((d) => samePath(uriToPath(d.uri), candidate));
    if (open) return { uri: open.uri, path: candidate, text: open.getText(), version: open.version };
    if (existsSync(candidate)) {
      try {
        return { uri: pathToUri(candidate), path: candidate, text: readFileSync(candidate, 'utf8'), version: null };
      } catch {
        // Unreadable (permissions, a directory): validate without the companion.
        return undefined;
      }
    }
  }
  return undefined;
}

/** Where a new companion file would go: the first candidate path. */
export function newCompanionPath(uri: string, isProtected: boolean): string | undefined {
  return companionCandidates(uriToPath(uri), isProtected)[0];
}

/** Open documents that may be the companion of this one, in either direction. */
export function openCompanions(documents: TextDocuments<TextDocument>, document: TextDocument): TextDocument[] {
  const own = uriToPath(document.uri);
  const candidates = [...companionCandidates(own, true), ...companionCandidates(own, false)];
  return documents.all().filter((d) => d.uri !== document.uri && candidates.some((c) => samePath(uriToPath(d.uri), c)));
}
