import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The file-system path of a document URI (or, for other schemes, its decoded path). */
export function uriToPath(uri: string): string {
  if (uri.startsWith('file:')) return fileURLToPath(uri);
  const match = /^[a-z][\w+.-]*:(\/\/[^/]*)?(.*)$/i.exec(uri);
  return decodeURIComponent(match ? match[2] : uri);
}

export function pathToUri(filePath: string): string {
  return pathToFileURL(filePath).href;
}

/** Paths compared the way the file system does (case-insensitively on Windows and macOS). */
export function samePath(a: string, b: string): boolean {
  const norm = (p: string): string => (process.platform === 'linux' ? path.normalize(p) : path.normalize(p).toLowerCase());
  return norm(a) === norm(b);
}
