// Generates runtime/generated/definition.ts from the JSON Schemas in this folder.
// `--check` regenerates in memory and fails when the committed file differs (CI).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileFromFile } from 'json-schema-to-typescript';
import { dedupeNumberedTypes } from './dedupe-generated.mjs';

const schemasDir = dirname(fileURLToPath(import.meta.url));
const target = join(schemasDir, '..', 'runtime', 'generated', 'definition.ts');
const banner = [
  '/* eslint-disable */',
  '// GENERATED FILE - DO NOT EDIT.',
  '// Source: schemas/*.schema.json. Regenerate with `npm run gen:types`; CI runs `npm run gen:types:check`.',
].join('\n');

const generated = dedupeNumberedTypes(await compileFromFile(join(schemasDir, 'definition.schema.json'), {
  cwd: schemasDir,
  bannerComment: banner,
  additionalProperties: false,
  unreachableDefinitions: false,
  strictIndexSignatures: true,
  style: { singleQuote: true, printWidth: 120 },
}));

if (process.argv.includes('--check')) {
  let committed = '';
  try { committed = readFileSync(target, 'utf8'); } catch { /* missing counts as drift */ }
  if (committed !== generated) {
    console.error('runtime/generated/definition.ts is out of date with schemas/: run `npm run gen:types` and commit the result.');
    process.exit(1);
  }
  console.log('generated types are in sync with schemas/');
} else {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, generated);
  console.log(`wrote ${target}`);
}
