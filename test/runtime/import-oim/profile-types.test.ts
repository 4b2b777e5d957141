// runtime/import-oim/profile/generated-profile.ts is generated from translation-profile.schema.json;
// this test fails when they drift. Regenerate with:
// UPDATE_PROFILE_TYPES=1 node --import tsx test/run-shard.mjs test/runtime/import-oim/profile-types.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileFromFile } from 'json-schema-to-typescript';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { projectRoot } from '../../support/project-paths.js';

// The definition types are generated the same way (schemas/generate-types.mjs).
const { dedupeNumberedTypes } = (await import(pathToFileURL(join(projectRoot, 'schemas', 'dedupe-generated.mjs')).href)) as { dedupeNumberedTypes: (source: string) => string };

const dir = join(projectRoot, 'runtime', 'import-oim', 'profile');
const target = join(dir, 'generated-profile.ts');
const banner = [
  '/* eslint-disable */',
  '// GENERATED FILE - DO NOT EDIT.',
  '// Source: runtime/import-oim/profile/translation-profile.schema.json. Regenerate: see test/runtime/import-oim/profile-types.test.ts.',
  "import type { Connection, HttpMethod, PayloadTemplate, Setting } from '../../generated/definition.js';",
].join('\n');

test('generated-profile.ts matches translation-profile.schema.json', async () => {
  // The schema refers to the definition's schemas (connection, settings) by their $id.
  const generated = dedupeNumberedTypes(await compileFromFile(join(dir, 'translation-profile.schema.json'), {
    cwd: join(projectRoot, 'schemas'),
    bannerComment: banner,
    additionalProperties: false,
    unreachableDefinitions: false,
    strictIndexSignatures: true,
    style: { singleQuote: true, printWidth: 120 },
  }));
  if (process.env.UPDATE_PROFILE_TYPES === '1') writeFileSync(target, generated);
  const committed = readFileSync(target, 'utf8');
  assert.ok(committed === generated, 'generated-profile.ts is out of date: regenerate it (see the header of this test)');
});

test.run();
