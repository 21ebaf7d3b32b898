#!/usr/bin/env node
// Entry point of dist/cli.js (`aksext`): the settings-file checks of the editor, for CI pipelines.
import { runValidate, UsageError, validateUsage } from './validateCommand';

const usage = [
  'Usage: aksext validate [options] <settings-file>',
  '       aksext --version',
  '',
  'Run "aksext validate --help" for the options.',
].join('\n');

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
    // parseArgs reports unknown options with a TypeError carrying an ERR_PARSE_ARGS_* code.
    const isUsage = e instanceof UsageError || (e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS');
    if (!isUsage) throw e;
    process.stderr.write(`${(e as Error).message}\n\n${validateUsage}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
