import type { Range, Severity } from '../shared';

/** One line of `aksext validate --format json`: positions are 0-based, as in LSP. */
export interface FileDiagnostic {
  file: string;
  range: Range;
  severity: Severity;
  code: string;
  message: string;
}

/** `--format text`: one line per problem, 1-based like compilers print them. */
export function formatText(diagnostics: readonly FileDiagnostic[]): string {
  return diagnostics
    .map((d) => `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${d.message}`)
    .join('\n');
}

export function formatJson(diagnostics: readonly FileDiagnostic[]): string {
  return JSON.stringify(diagnostics, null, 2);
}
