// Loads a translation profile: JSON with comments, checked against
// translation-profile.schema.json (its connection against the definition's connection
// schema), every problem at once as file:line:col: message, then compiled.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deepFreeze } from '../../definition/deep-freeze.js';
import { documentLocator, documentValidator, DocumentProblemsError, readJsonDocument } from '../../definition/json-document.js';
import type { JsonSource } from '../../definition/json-source.js';
import { ProblemCollector, type Problem } from '../../definition/problems.js';
import { displayPath } from '../../definition/read-definition-files.js';
import type { TranslationProfile } from './generated-profile.js';
import { compileProfile, type ProfileModel } from './profile-model.js';

export class ProfileError extends DocumentProblemsError {
  constructor(problems: readonly Problem[]) {
    super('translation profile', problems);
    this.name = 'ProfileError';
  }
}

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

// tsType only tells the type generator which definition type a member has.
const validateProfile = documentValidator(profileSchemaPath, { withDefinitionSchemas: true, extraKeywords: ['tsType'] });

export async function loadProfile(path: string): Promise<ProfileModel> {
  const file = displayPath(path);
  const parsed = readJsonDocument(path, file, 'translation profile');
  if (!parsed.source || parsed.problems.length > 0) throw new ProfileError(parsed.problems);
  return checkProfile(parsed.source.value, file, parsed.source);
}

/** A profile given as a value (library use); positions are only known when `source` is given. */
export async function checkProfile(value: unknown, file = '<profile>', source?: JsonSource): Promise<ProfileModel> {
  const problems = new ProblemCollector(documentLocator(source, file));
  if (!(await validateProfile(value, problems, 'the profile'))) throw new ProfileError(problems.problems);
  const model = compileProfile(value as TranslationProfile, file, problems);
  if (problems.count > 0) throw new ProfileError(problems.problems);
  return deepFreeze(model);
}
