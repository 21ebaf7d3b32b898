#!/usr/bin/env node
// Entry point of dist/cli.js (`aksext`): the settings-file checks of the editor, for CI pipelines.
import { UnknownTypeError } from './extensionTypeArgument';
import { UnreadableFileError } from './readSettingsFile';
import { runValidate, UsageError, validateUsage } from './validateCommand';

const usage = [
  'Usage: aksext validate [options] <settings-file>',
  '       aksext --version',
  '',
  'Run "aksext validate --help" for the options.',
].join('\n');

/** What went wrong, in one line for stderr, and whether the usage helps (a command line mistake). */
function describeFailure(e: unknown): { line: string; showUsage: boolean } {
  // parseArgs reports unknown options with a TypeError carrying an ERR_PARSE_ARGS_* code.
  if (e instanceof UsageError || (e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) return { line: (e as Error).message, showUsage: true };
  if (e instanceof UnknownTypeError || e instanceof UnreadableFileError) return { line: e.message, showUsage: false };
  // Anything else is a bug of ours: one line to report, never a stack trace in a CI log.
  return { line: `aksext could not check the files (${e instanceof Error ? e.message : String(e)}): please report this.`, showUsage: false };
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${process.env.AKSEXT_VERSION ?? 'development build'}\n`);
    return 0;
  }
  if (command === undefined || command === '--help' || command === '-h') {
    process.stdout.write(`${usage}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command !== 'validate') {
    process.stderr.write(`Unknown command "${command}".\n${usage}\n`);
    return 2;
  }
  try {
    const { text, exitCode } = runValidate(rest);
    if (text.length > 0) process.stdout.write(`${text}\n`);
    return exitCode;
  } catch (e) {
    const { line, showUsage } = describeFailure(e);
    process.stderr.write(showUsage ? `${line}\n\n${validateUsage}\n` : `${line}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
