// Options shared by commands that talk to a target: settings, state, concurrency, output.
import { readFileSync } from 'node:fs';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { Command } from 'commander';
import { resolveSettings, type ResolvedSettings } from '../definition/resolve-settings.js';
import type { DefinitionModel } from '../definition/model.js';
import { UsageError } from './exit-codes.js';

export interface CommonOptions {
  config?: string;
  set?: string[];
  preset?: string;
  state?: string;
  concurrency?: string;
  json?: boolean;
  verbose?: boolean;
}

export function addSettingsOptions(command: Command): Command {
  return command
    .option('--config <file>', 'JSON settings file; a value {"env":"NAME"} reads a secret from the environment')
    .option('--set <key=value>', 'set one setting (repeatable)', (value: string, previous: string[] = []) => [...previous, value])
    .option('--preset <name>', 'apply a named preset of settings from the definition (e.g. a national cloud)');
}

export function addRunOptions(command: Command): Command {
  return addSettingsOptions(command)
    .option('--state <file>', 'state database (default .connector/state.db)')
    .option('--concurrency <n>', 'requests in flight at most (default from the definition)')
    .option('--json', 'machine-readable output')
    .option('--verbose', 'log requests (secrets redacted) on stderr');
}

export function readJsonFile(path: string, what: string): unknown {
  let text: string;
  try {
    text = path === '-' ? readFileSync(0, 'utf8') : readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true });
  if (errors.length > 0) {
    const first = errors[0]!;
    const line = text.slice(0, first.offset).split('\n').length;
    throw new UsageError(`${what} ${path === '-' ? '(stdin)' : path}:${line}: invalid JSON (${printParseErrorCode(first.error)})`);
  }
  return value;
}

export function parseSets(sets: readonly string[] | undefined): Array<[string, string]> {
  return (sets ?? []).map((pair) => {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`--set expects key=value, not "${pair}"`);
    return [pair.slice(0, at), pair.slice(at + 1)];
  });
}

export function settingsFor(definition: DefinitionModel, options: CommonOptions, allowMissing = false): ResolvedSettings {
  let file: { path: string; values: Record<string, unknown> } | undefined;
  if (options.config !== undefined) {
    const values = readJsonFile(options.config, 'settings file');
    if (values === null || typeof values !== 'object' || Array.isArray(values)) throw new UsageError(`settings file ${options.config} must hold a JSON object`);
    file = { path: options.config, values: values as Record<string, unknown> };
  }
  return resolveSettings(definition, {
    ...(options.preset !== undefined && { preset: options.preset }),
    ...(file && { file }),
    sets: parseSets(options.set),
    allowMissing,
  });
}

export function parseConcurrency(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`--concurrency must be an integer from 1 to 256, not "${value}"`);
  return n;
}

/** --limit: a positive integer, the same for `search` and `run ... search`. */
export function parseLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--limit must be a positive integer, not "${value}"`);
  return n;
}
