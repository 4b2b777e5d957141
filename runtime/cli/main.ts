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
    .description('print the HTTP requests an operation (or reconcile) would send (secrets redacted); no network')
    .option('--class <name>', 'object class (name or ICF name such as __ACCOUNT__)')
    .option('--uid <uid>', 'uid of the object')
    .option('--attrs <file>', 'JSON object of connector attributes, or - for stdin')
    .option('--filter <filter>', 'connector filter, e.g. department eq "Sales"')
    .option('--raw-filter <filter>', 'filter in the target\'s own syntax (OIM Filter Suffix)')
    .option('--mode <mode>', 'plan reconcile: full or incremental (default full)')
    .option('--trusted', 'plan reconcile: trusted source mode (the trusted map\'s $select)')
    .option('--json', 'NDJSON lines {"method","url","headers","body"}')
    .option('--verbose', 'also print the settings the plan used on stderr (secrets redacted)'),
).action(run(async (path: string, operation: string, options) => (await import('./plan-command.js')).planCommand(path, operation, options as never)));

addRunOptions(
  program
    .command('run <definition> <operation>')
    .description(`execute one operation and print its result as JSON (operations: create, update, delete, get, search, add-values, remove-values, enable, disable, set-password, restore)`)
    .option('--class <name>', 'object class (name or ICF name such as __ACCOUNT__)')
    .option('--uid <uid>', 'uid of the object')
    .option('--attrs <file>', 'JSON object of connector attributes (__NAME__, __PASSWORD__, __ENABLE__ as in ICF), or - for stdin')
    .option('--filter <filter>', 'connector filter for search')
    .option('--raw-filter <filter>', "filter in the target's own syntax for search")
    .option('--limit <n>', 'at most this many objects for search'),
).action(run(async (path: string, operation: string, options) => (await import('./run-command.js')).runCommand(path, operation, options as never)));

addRunOptions(
  program
    .command('search <definition> <class>')
    .description('list objects as NDJSON')
    .option('--filter <filter>', 'connector filter, e.g. department eq "Sales" and startsWith(displayName, "A")')
    .option('--raw-filter <filter>', "filter in the target's own syntax (OIM Filter Suffix)")
    .option('--incremental', 'only what changed since the last incremental round (delta link or timestamp watermark)')
    .option('--limit <n>', 'at most this many objects')
    .option('--special <names>', 'also read these special attributes for every object (comma-separated; one request each)')
    .option('--out <file>', 'write the NDJSON to a file instead of stdout'),
).action(run(async (path: string, objectClass: string, options) => (await import('./search-command.js')).searchCommand(path, objectClass, options as never)));

addRunOptions(
  program
    .command('reconcile <definition>')
    .description('reconcile target accounts with the identity store; NDJSON events (create, update, link, delete, disable, unmatched, conflict)')
    .option('--class <name>', 'object class (name or ICF name such as __ACCOUNT__)')
    .option('--mode <mode>', 'full (every object; deletions by comparison) or incremental (delta link or timestamp watermark)', 'full')
    .option('--trusted', 'trusted source mode: create and update identities (default: target resource mode)')
    .option('--filter <filter>', 'connector filter: reconcile only matching objects (OIM Filter Suffix)')
    .option('--raw-filter <filter>', "filter in the target's own syntax")
    .option('--uid <uid>', 'reconcile one account (limited reconciliation)')
    .option('--limit <n>', 'at most this many objects')
    .option('--special <names>', "also read these special attributes of the map for every object (comma-separated, or 'all'; one request each)")
    .option('--restart', 'start a new run instead of resuming an interrupted one')
    .option('--out <file>', 'write the events to a file (an interrupted run resumes it without repeating lines)'),
).action(run(async (path: string, options) => (await import('./reconcile-command.js')).reconcileCommand(path, options as never)));

program
  .command('import-oim <files...>')
  .description('convert an OIM Generic REST connector configuration (lookups as JSON, code=decode lines or the guide\'s tables) into a definition directory')
  .option('--out <dir>', 'directory to write the definition to (default ./<name>)')
  .option('--profile <file>', 'apply a translation profile (JSON; schema runtime/import-oim/profile/translation-profile.schema.json)')
  .option('--to-microsoft-graph', 'translate Azure AD Graph conventions to Microsoft Graph v1.0 (shorthand for --profile with the bundled profile of that name; see runtime/import-oim/README.md)')
  .option('--name <name>', 'connector name (default from the lookup names, e.g. acme-directory)')
  .option('--json', 'print the result and the report as JSON')
  .action(run(async (files: string[], options) => (await import('./import-oim-command.js')).importOimCommand(files, options as never)));

addRunOptions(
  program
    .command('apply <definition>')
    .description('bring the target to the state a provisioning policy wants for the identities: create, update what differs, add/remove memberships and licenses, delete or disable (--concurrency: identities at once, default 64)')
    .option('--identities <file>', 'identities as CSV (header = claim names), NDJSON or JSON of claims; - reads NDJSON or JSON from stdin')
    .option('--policy <file>', 'provisioning policy (JSON; schema runtime/provision/policy.schema.json)')
    .option('--dry-run', 'print the plan (a table, or NDJSON with --json) and write nothing')
    .option('--report <file>', 'write the report (counts, one outcome per identity) as JSON')
    .option('--no-batch', "send every write alone instead of in the definition's batch protocol"),
).action(run(async (path: string, options) => (await import('./apply-command.js')).applyCommand(path, options as never)));

addRunOptions(
  program
    .command('provision-event <definition>')
    .description('read identity events as NDJSON on stdin (user-added, user-updated, user-deleted, role-assigned, role-removed) and apply each at once; one result line per event')
    .option('--policy <file>', 'provisioning policy (JSON; schema runtime/provision/policy.schema.json)')
    .option('--no-batch', "send every write alone instead of in the definition's batch protocol"),
).action(run(async (path: string, options) => (await import('./provision-event-command.js')).provisionEventCommand(path, options as never)));

program
  .command('audit <definition>')
  .description('list the audit log (who wrote what, when, and the outcome), newest first')
  .option('--state <file>', 'state database (default .connector/state.db)')
  .option('--since <when>', 'only records since a date-time or a duration back from now (15m, 2h, 7d)')
  .option('--limit <n>', 'at most this many records (default 100)')
  .option('--outcome <outcome>', 'only success or failure')
  .option('--class <name>', 'only this object class')
  .option('--json', 'NDJSON records')
  .action(run(async (path: string, options) => (await import('./audit-command.js')).auditCommand(path, options as never)));

addRunOptions(
  program
    .command('lookups <definition>')
    .description('list lookup values (synced or static); --sync fills them from the target first')
    .option('--sync', 'fill the lookups from the target (class search or list operation) and store them')
    .option('--name <lookup>', 'only this lookup'),
).action(run(async (path: string, options) => (await import('./lookups-command.js')).lookupsCommand(path, options as never)));

const identities = program.command('identities').description('the identity store that reconciliation matches and fills');
identities
  .command('import <file>')
  .description('load identities from CSV (header row = field names) or NDJSON; one transaction')
  .option('--format <format>', 'csv or ndjson (default: from the file extension)')
  .option('--key <field>', 'update the identity with the same value in this field instead of adding one')
  .option('--state <file>', 'state database (default .connector/state.db)')
  .option('--json', 'machine-readable output')
  .action(run(async (file: string, options) => (await import('./identities-command.js')).identitiesImportCommand(file, options as never)));
identities
  .command('export')
  .description('write every identity as NDJSON (default) or CSV')
  .option('--format <format>', 'csv or ndjson (default: from the --out extension, else ndjson)')
  .option('--fields <names>', 'CSV columns, comma-separated (default: every field)')
  .option('--out <file>', 'write to a file (complete or not at all) instead of stdout')
  .option('--state <file>', 'state database (default .connector/state.db)')
  .action(run(async (options) => (await import('./identities-command.js')).identitiesExportCommand(options as never)));

addRunOptions(program.command('test <definition>').description('check the connection and the credentials')).action(
  run(async (path: string, options) => (await import('./test-command.js')).testCommand(path, options as never)),
);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? exitCodes.ok : exitCodes.usage;
  } else {
    process.exitCode = reportError(error, false);
  }
}
