import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { companionCandidates, resolveBinding, validateSettingsDocument } from '../shared';
import { formatJson, formatText, type FileDiagnostic } from './diagnosticOutput';
import { extensionTypeArgument } from './extensionTypeArgument';
import { readSettingsFile } from './readSettingsFile';
import { workspaceAssociations } from './workspaceAssociations';

export const validateUsage = `Usage: aksext validate [--type <extensionType>] [--protected <file>] [--format json|text] <settings-file>

Checks a --configuration-settings-file (and its protected companion) with the rules of the
AKS Cluster Extensions editor. Without --type, the file is bound as in the editor: by its name
(<base>.<alias>.settings.json / .protected.json) or by aksClusterExtensions.settingsFiles in the
nearest .vscode/settings.json. Without --protected, <base>.protected.json next to the file is used
if it exists. Files must be UTF-8 without a byte order mark, as the az CLI reads them.

Exit code: 0 when there is no error (warnings allowed), 1 when there is an error, 2 when the files
could not be checked (bad usage, an unknown --type, an unreadable file).`;

/** Thrown for a command line the CLI cannot run; printed with the usage. */
export class UsageError extends Error {}

interface Output {
  text: string;
  exitCode: number;
}

// Enough to fix a file by; also what bounds the memory the output takes for a file of millions of problems.
const maxProblemsPerFile = 1000;

const notUtf8Message = 'The file is not UTF-8 text, and the az CLI reads settings files as UTF-8: save it as UTF-8.';

function checkFile(file: string, text: string | undefined, options: { extensionType?: string; isProtected: boolean; companionText?: string }): FileDiagnostic[] {
  if (text === undefined) return [];
  return validateSettingsDocument(text, { ...options, maxDiagnostics: maxProblemsPerFile }).map((d) => ({ file, range: d.range, severity: d.severity, code: d.code, message: d.message }));
}

/** The file's text, or a not-UTF-8 diagnostic (then undefined text: nothing else in it can be checked). */
function readChecked(file: string, diagnostics: FileDiagnostic[]): string | undefined {
  const read = readSettingsFile(file);
  if ('text' in read) return read.text;
  diagnostics.push({ file, range: { start: read.notUtf8At, end: read.notUtf8At }, severity: 'error', code: 'settings/not-utf8', message: notUtf8Message });
  return undefined;
}

/** Runs `aksext validate` on parsed arguments and returns what to print and the exit code. */
export function runValidate(args: string[]): Output {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      type: { type: 'string' },
      protected: { type: 'string' },
      format: { type: 'string', default: 'text' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { text: validateUsage, exitCode: 0 };
  if (positionals.length !== 1) throw new UsageError('Give exactly one settings file.');
  if (values.format !== 'json' && values.format !== 'text') throw new UsageError(`Unknown format "${values.format}": use json or text.`);

  const settingsFile = positionals[0];
  const binding = values.type ? undefined : resolveBinding(path.resolve(settingsFile), workspaceAssociations(settingsFile));
  const extensionType = values.type !== undefined ? extensionTypeArgument(values.type) : binding?.extensionType;
  const settingsIsProtected = values.type ? false : binding?.isProtected ?? false;
  const companionFile = values.protected ?? companionCandidates(path.resolve(settingsFile), settingsIsProtected)
    .map((candidate) => path.relative(process.cwd(), candidate))
    .find((candidate) => existsSync(candidate));

  const diagnostics: FileDiagnostic[] = [];
  const settingsText = readChecked(settingsFile, diagnostics);
  const companionText = companionFile !== undefined ? readChecked(companionFile, diagnostics) : undefined;
  diagnostics.push(...checkFile(settingsFile, settingsText, { extensionType, isProtected: settingsIsProtected, companionText }));
  if (companionFile !== undefined) diagnostics.push(...checkFile(companionFile, companionText, { extensionType, isProtected: !settingsIsProtected, companionText: settingsText }));

  const exitCode = diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
  return { text: values.format === 'json' ? formatJson(diagnostics) : formatText(diagnostics), exitCode };
}
