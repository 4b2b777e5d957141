// runtime/provision/generated-policy.ts is generated from policy.schema.json; this test fails
// when they drift. Regenerate with: UPDATE_POLICY_TYPES=1 node --import tsx test/run-shard.mjs test/runtime/provision/policy-types.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileFromFile } from 'json-schema-to-typescript';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { projectRoot } from '../../support/project-paths.js';

const dir = join(projectRoot, 'runtime', 'provision');
const target = join(dir, 'generated-policy.ts');
const banner = [
  '/* eslint-disable */',
  '// GENERATED FILE - DO NOT EDIT.',
  '// Source: runtime/provision/policy.schema.json. Regenerate: see test/runtime/provision/policy-types.test.ts.',
].join('\n');

test('generated-policy.ts matches policy.schema.json', async () => {
  const generated = await compileFromFile(join(dir, 'policy.schema.json'), {
    cwd: dir,
    bannerComment: banner,
    additionalProperties: false,
    unreachableDefinitions: false,
    strictIndexSignatures: true,
    style: { singleQuote: true, printWidth: 120 },
  });
  if (process.env.UPDATE_POLICY_TYPES === '1') writeFileSync(target, generated);
  const committed = readFileSync(target, 'utf8');
  assert.ok(committed === generated, 'generated-policy.ts is out of date: regenerate it (see the header of this test)');
});

test.run();
