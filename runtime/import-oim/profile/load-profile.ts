// Loads a translation profile: JSON with comments, checked against
// translation-profile.schema.json (its connection against the definition's connection
// schema), every problem at once as file:line:col: message, then compiled.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ErrorObject } from 'ajv';
import { ConnectorError } from '../../errors.js';
import { deepFreeze } from '../../definition/deep-freeze.js';
import { parseJsonSource, type JsonSource } from '../../definition/json-source.js';
import { formatProblem, ProblemCollector, sortProblems, type Problem, type SourceLocation } from '../../definition/problems.js';
import { displayPath } from '../../definition/read-definition-files.js';
import { schemaFiles } from '../../definition/schema-files.js';
import type { TranslationProfile } from './generated-profile.js';
import { compileProfile, type ProfileModel } from './profile-model.js';
import { reportProfileSchemaErrors } from './profile-schema-problems.js';

export class ProfileError extends ConnectorError {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    const sorted = sortProblems(problems);
    super('ConfigurationError', `the translation profile has ${sorted.length} problem${sorted.length === 1 ? '' : 's'}:\n${sorted.map(formatProblem).join('\n')}`, { operation: 'load translation profile' });
    this.name = 'ProfileError';
    this.problems = sorted;
  }
}

type Validate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
let validator: Validate | undefined;

/** The schema sits next to the sources; from dist/ it is found by walking up to the project. */
export function profileSchemaPath(): string {
  const name = 'translation-profile.schema.json';
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    for (const candidate of [join(dir, name), join(dir, 'runtime', 'import-oim', 'profile', name)]) if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find runtime/import-oim/profile/${name}`);
    dir = parent;
  }
}

async function loadValidator(): Promise<Validate> {
  if (validator) return validator;
  const module = await import('ajv/dist/2020.js');
  const Ajv2020 = module.default.default;
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true, verbose: true, discriminator: true, allowUnionTypes: true });
  // tsType only tells the type generator which definition type a member has.
  ajv.addKeyword('tsType');
  for (const schema of schemaFiles().values()) ajv.addSchema(schema);
  validator = ajv.compile(JSON.parse(readFileSync(profileSchemaPath(), 'utf8')) as Record<string, unknown>) as Validate;
  return validator;
}

export async function loadProfile(path: string): Promise<ProfileModel> {
  const file = displayPath(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new ProfileError([{ file, line: 1, column: 1, message: `cannot read the translation profile: ${reason}` }]);
  }
  const parsed = parseJsonSource(file, text);
  if (!parsed.source) throw new ProfileError(parsed.problems);
  if (parsed.problems.length > 0) throw new ProfileError(parsed.problems);
  return checkProfile(parsed.source.value, file, parsed.source);
}

/** A profile given as a value (library use); positions are only known when `source` is given. */
export async function checkProfile(value: unknown, file = '<profile>', source?: JsonSource): Promise<ProfileModel> {
  const problems = new ProblemCollector((pointer, onKey) => locate(source, file, pointer, onKey));
  const validate = await loadValidator();
  if (!validate(value)) {
    reportProfileSchemaErrors(validate.errors ?? [], problems);
    throw new ProfileError(problems.problems);
  }
  const model = compileProfile(value as TranslationProfile, file, problems);
  if (problems.count > 0) throw new ProfileError(problems.problems);
  return deepFreeze(model);
}

function locate(source: JsonSource | undefined, file: string, pointer: string, onKey = false): SourceLocation {
  let at = pointer;
  for (;;) {
    const place = source?.places.get(at);
    if (place) return (onKey ? place.key : undefined) ?? place.value;
    if (at === '') return { file, line: 1, column: 1 };
    at = at.slice(0, at.lastIndexOf('/'));
  }
}
