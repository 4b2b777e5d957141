import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkDefinition } from '../../../runtime/definition/load-definition.js';
import { formatProblem } from '../../../runtime/definition/problems.js';
import { fixturesDir, projectRoot } from '../../support/project-paths.js';

const invalidDir = join(fixturesDir, 'definitions', 'invalid');
const cases = readdirSync(invalidDir).filter((name) => name !== 'twenty-mistakes');

async function problemLines(dir: string): Promise<string[]> {
  const previous = process.cwd();
  process.chdir(projectRoot);
  try {
    const { model, problems } = await checkDefinition(dir);
    assert.is(model, undefined, `${dir} must not load`);
    const prefix = relative(projectRoot, dir) + '/';
    return problems.map((p) => formatProblem(p).split(prefix).join(''));
  } finally {
    process.chdir(previous);
  }
}

test('there are at least 20 deliberately broken definitions', () => {
  assert.ok(cases.length >= 20, `only ${cases.length}`);
});

for (const name of cases) {
  test(`broken definition "${name}" reports exactly its expected problems`, async () => {
    const dir = join(invalidDir, name);
    const expected = readFileSync(join(dir, 'expected.txt'), 'utf8').trim().split('\n');
    assert.equal(await problemLines(dir), expected);
  });
}

test('a file with 20 independent mistakes gets all 20 reported, each on its marked line', async () => {
  const dir = join(invalidDir, 'twenty-mistakes');
  const text = readFileSync(join(dir, 'connector.json'), 'utf8').split('\n');
  const marked = text.flatMap((line, i) => (/\/\/ \d+: /.test(line) ? [i + 1] : []));
  assert.is(marked.length, 20);
  const lines = (await problemLines(dir)).map((l) => Number(l.split(':')[1]));
  assert.equal(lines, marked);
});

test.run();
