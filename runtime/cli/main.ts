#!/usr/bin/env node
// The `connector` command. Commands are loaded on demand so that `--version` and
// `validate` start fast.
import { Command, CommanderError } from 'commander';
import { createRequire } from 'node:module';
import { exitCodes, reportError } from './exit-codes.js';
import { addRunOptions, addSettingsOptions } from './common-options.js';

const version = (createRequire(import.meta.url)('../../../package.json') as { version: string }).version;

function run(action: (...args: never[]) => Promise<number>) {
  return async (...args: unknown[]): Promise<void> => {
    const options = args.find((a) => a !== null && typeof a === 'object' && !(a instanceof Command)) as { json?: boolean } | undefined;
    try {
      process.exitCode = await (action as (...a: unknown[]) => Promise<number>)(...args);
    } catch (error) {
      process.exitCode = reportError(error, options?.json === true);
    }
  };
}

const program = new Command()
  .name('connector')
  .description('Generic REST connector: interprets a definition and becomes an identity connector for its target.')
  .version(version, '-V, --version')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

program
  .command('validate <definition>')
  .description('check a definition; prints file:line:col: message per problem')
  .option('--json', 'machine-readable output')
  .action(run(async (path: string, options: { json?: boolean }) => (await import('./validate-command.js')).validateCommand(path, options)));

addSettingsOptions(
  program
    .command('plan <definition> <operation>')
    .description('print the HTTP requests an operation would send (secrets redacted); no network')
    .option('--class <name>', 'object class (name or ICF name such as __ACCOUNT__)')
    .option('--uid <uid>', 'uid of the object')
    .option('--attrs <file>', 'JSON object of connector attributes, or - for stdin')
    .option('--filter <filter>', 'connector filter, e.g. department eq "Sales"')
    .option('--raw-filter <filter>', 'filter in the target\'s own syntax (OIM Filter Suffix)')
    .option('--json', 'NDJSON lines {"method","url","headers","body"}'),
).action(run(async (path: string, operation: string, options) => (await import('./plan-command.js')).planCommand(path, operation, options as never)));

void addRunOptions;

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? exitCodes.ok : exitCodes.usage;
  } else {
    process.exitCode = reportError(error, false);
  }
}
