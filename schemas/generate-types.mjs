// Generates the TypeScript types of every JSON Schema the runtime reads: definitions
// (schemas/ -> runtime/generated/definition.ts), provisioning policies and OIM translation
// profiles. `--check` regenerates in memory and fails when a committed file differs (CI).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileFromFile } from 'json-schema-to-typescript';
import { dedupeNumberedTypes } from './dedupe-generated.mjs';

const schemasDir = dirname(fileURLToPath(import.meta.url));
const root = join(schemasDir, '..');
const regenerate = 'Regenerate with `npm run gen:types`; CI runs `npm run gen:types:check`.';

const targets = [
  { schema: join(schemasDir, 'definition.schema.json'), cwd: schemasDir, output: join(root, 'runtime', 'generated', 'definition.ts'), imports: [] },
  { schema: join(root, 'runtime', 'provision', 'policy.schema.json'), cwd: join(root, 'runtime', 'provision'), output: join(root, 'runtime', 'provision', 'generated-policy.ts'), imports: [] },
  {
    // The profile refers to the definition's schemas (connection, settings) by their $id.
    schema: join(root, 'runtime', 'import-oim', 'profile', 'translation-profile.schema.json'),
    cwd: schemasDir,
    output: join(root, 'runtime', 'import-oim', 'profile', 'generated-profile.ts'),
    imports: ["import type { Connection, HttpMethod, PayloadTemplate, Setting } from '../../generated/definition.js';"],
  },
];

async function generate(target) {
  const bannerComment = [
    '/* eslint-disable */',
    '// GENERATED FILE - DO NOT EDIT.',
    `// Source: ${relative(root, target.schema)}. ${regenerate}`,
    ...target.imports,
  ].join('\n');
  return dedupeNumberedTypes(
    await compileFromFile(target.schema, {
      cwd: target.cwd,
      bannerComment,
      additionalProperties: false,
      unreachableDefinitions: false,
      strictIndexSignatures: true,
      style: { singleQuote: true, printWidth: 120 },
    }),
  );
}

const check = process.argv.includes('--check');
let drift = 0;
for (const target of targets) {
  const generated = await generate(target);
  const name = relative(root, target.output);
  if (check) {
    let committed = '';
    try { committed = readFileSync(target.output, 'utf8'); } catch { /* missing counts as drift */ }
    if (committed !== generated) {
      console.error(`${name} is out of date with ${relative(root, target.schema)}: run \`npm run gen:types\` and commit the result.`);
      drift++;
    }
  } else {
    mkdirSync(dirname(target.output), { recursive: true });
    writeFileSync(target.output, generated);
    console.log(`wrote ${name}`);
  }
}
if (check && drift > 0) process.exit(1);
if (check) console.log('generated types are in sync with their schemas');
