// `connector import-oim <file...> [--out DIR] [--profile FILE] [--name NAME] [--json]`:
// an OIM Generic REST connector configuration -> a definition directory that validates,
// optionally rewritten for another API by a translation profile. Profiles shipped with the
// package may also be applied by their shorthand option. Exit 0 when written (report entries
// are warnings on stderr, or data with --json), 1 when the written definition does not
// validate, 2 for unreadable input or an invalid profile.
import { resolve } from 'node:path';
import { checkDefinition } from '../definition/load-definition.js';
import { displayPath } from '../definition/read-definition-files.js';
import { formatProblem } from '../definition/problems.js';
import { importDefinition } from '../import-oim/import-definition.js';
import { formatReportEntry, type ImportReport, type ReportKind } from '../import-oim/import-report.js';
import { OimInputError } from '../import-oim/input-model.js';
import { bundledProfiles, optionKey } from '../import-oim/profile/bundled-profiles.js';
import { loadProfile, ProfileError } from '../import-oim/profile/load-profile.js';
import type { ProfileModel } from '../import-oim/profile/profile-model.js';
import { readInputFiles } from '../import-oim/read-input.js';
import { splitDefinition, writeDefinition } from '../import-oim/write-definition.js';
import { exitCodes, UsageError } from './exit-codes.js';

export interface ImportOimOptions {
  out?: string;
  profile?: string;
  name?: string;
  json?: boolean;
  /** Shorthand options of bundled profiles, by commander's key for them. */
  [shorthand: string]: string | boolean | undefined;
}

const kindOrder: readonly ReportKind[] = ['untranslated', 'repaired', 'changed', 'derived', 'ignored'];

function counts(report: ImportReport): Record<ReportKind, number> {
  return Object.fromEntries(kindOrder.map((kind) => [kind, report.count(kind)])) as Record<ReportKind, number>;
}

/** The profile named by --profile or by a bundled profile's shorthand option; at most one. */
async function chosenProfile(options: ImportOimOptions, bundled: readonly ProfileModel[]): Promise<ProfileModel | undefined> {
  const byShorthand = bundled.filter((p) => p.shorthand !== undefined && options[optionKey(p.shorthand)] === true);
  const named = [...(options.profile !== undefined ? [`--profile ${options.profile}`] : []), ...byShorthand.map((p) => `--${p.shorthand ?? ''}`)];
  if (named.length > 1) throw new UsageError(`give one translation profile, not ${named.join(' and ')}`);
  if (options.profile !== undefined) return loadProfile(resolve(options.profile));
  return byShorthand[0];
}

function printProfileError(error: ProfileError, json: boolean | undefined): void {
  process.stderr.write(json ? JSON.stringify({ kind: 'ProfileError', problems: error.problems }) + '\n' : `${error.problems.map(formatProblem).join('\n')}\n`);
}

export async function importOimCommand(files: string[], options: ImportOimOptions): Promise<number> {
  let input;
  try {
    input = readInputFiles(files.map((f) => resolve(f)));
  } catch (error) {
    if (!(error instanceof OimInputError)) throw error;
    const { file, line } = error.origin;
    process.stderr.write(options.json ? JSON.stringify({ kind: 'InputError', file, line, message: error.reason }) + '\n' : `${error.message}\n`);
    return exitCodes.usage;
  }
  let profile: ProfileModel | undefined;
  let bundled: ProfileModel[];
  try {
    bundled = await bundledProfiles();
    profile = await chosenProfile(options, bundled);
  } catch (error) {
    if (!(error instanceof ProfileError)) throw error;
    printProfileError(error, options.json);
    return exitCodes.usage;
  }
  const { definition, report } = importDefinition(input, {
    ...(profile ? { profile } : { suggest: bundled }),
    ...(options.name !== undefined && { name: options.name }),
  });
  const directory = resolve(options.out ?? definition.name ?? 'oim-import');
  let written: string[];
  try {
    written = writeDefinition(directory, splitDefinition(definition, files.map((f) => displayPath(resolve(f)))));
  } catch (error) {
    throw new UsageError(`cannot write the definition to ${displayPath(directory)}: ${(error as Error).message}`);
  }
  const { problems } = await checkDefinition(directory);
  const shownDirectory = displayPath(directory);
  const classes = Object.entries(definition.objectClasses ?? {}).map(([name, cls]) => (cls?.icfName ? `${name} (${cls.icfName})` : name));
  const settings = Object.keys(definition.configuration?.properties ?? {});
  if (options.json) {
    const result = { out: shownDirectory, files: written, valid: problems.length === 0, problems, profile: profile?.name ?? null, classes: Object.keys(definition.objectClasses ?? {}), settings, counts: counts(report), report: report.entries };
    process.stdout.write(JSON.stringify(result) + '\n');
  } else {
    const sorted = kindOrder.flatMap((kind) => report.entries.filter((e) => e.kind === kind));
    for (const entry of sorted) process.stderr.write(`${entry.kind === 'untranslated' || entry.kind === 'repaired' ? 'warning' : 'note'}: ${formatReportEntry(entry)}\n`);
    process.stdout.write(`wrote ${shownDirectory}: ${written.join(', ')}\n`);
    if (profile) process.stdout.write(`profile: ${profile.name} (${profile.file})\n`);
    process.stdout.write(`classes: ${classes.join(', ')}\n`);
    process.stdout.write(`settings: ${settings.join(', ')}\n`);
    process.stdout.write(`report: ${kindOrder.map((kind) => `${report.count(kind)} ${kind}`).join(', ')} (listed on stderr)\n`);
    if (problems.length > 0) process.stderr.write(`error: the written definition does not validate:\n${problems.map(formatProblem).join('\n')}\n`);
  }
  return problems.length === 0 ? exitCodes.ok : exitCodes.failed;
}
