import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { companionCandidates, resolveBinding, validateSettingsDocument } from '../shared';
import { formatJson, formatText, type FileDiagnostic } from './diagnosticOutput';
import { workspaceAssociations } from './workspaceAssociations';

export const validateUsage = `Usage: aksext validate [--type <extensionType>] [--protected <file>] [--format json|text] <settings-file>

Checks a --configuration-settings-file (and its protected companion) with the rules of the
AKS Cluster Extensions editor. Without --type, the file is bound as in the editor: by its name
(<base>.<alias>.settings.json / .protected.json) or by aksClusterExtensions.settingsFiles in the
nearest .vscode/settings.json. Without --protected, <base>.protected.json next to the file is used
if it exists.

Exit code: 0 when there is no error (warnings allowed), 1 when there is an error, 2 on bad usage.`;

/** Thrown for a command line the CLI cannot run; printed with the usage. */
export class UsageError extends Error {}

interface Output {
  text: string;
  exitCode: number;
}

function readFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`Cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
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
  const extensionType = values.type ?? binding?.extensionType;
  const settingsIsProtected = values.type ? false : binding?.isProtected ?? false;
  const companionFile = values.protected ?? companionCandidates(path.resolve(settingsFile), settingsIsProtected)
    .map((candidate) => path.relative(process.cwd(), candidate))
    .find((candidate) => existsSync(candidate));

  const settingsText = readFile(settingsFile);
  const companionText = companionFile !== undefined ? readFile(companionFile) : undefined;
  const diagnostics: FileDiagnostic[] = [];
  const collect = (file: string, text: string, isProtected: boolean, other: string | undefined): void => {
    for (const d of validateSettingsDocument(text, { extensionType, isProtected, companionText: other })) {
      diagnostics.push({ file, range: d.range, severity: d.severity, code: d.code, message: d.message });
    }
  };
  collect(settingsFile, settingsText, settingsIsProtected, companionText);
  if (companionFile !== undefined && companionText !== undefined) collect(companionFile, companionText, !settingsIsProtected, settingsText);

  const exitCode = diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
  return { text: values.format === 'json' ? formatJson(diagnostics) : formatText(diagnostics), exitCode };
}
