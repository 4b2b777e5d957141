import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { projectRoot } from '../support/project-paths.js';
import { runCli } from '../support/run-cli.js';

// `--profile FILE` with the bundled profile and with a made-up one; invalid profiles.
const seedInputs = ['office365-configuration.txt', 'office365-user-maps.txt', 'office365-group-maps.txt'].map((f) => join(projectRoot, 'fixtures', 'oim', f));
const acmeInput = join(projectRoot, 'fixtures', 'oim', 'generic-rest-configuration.properties');
const acmeProfile = join(projectRoot, 'fixtures', 'oim', 'acme-directory-v2.profile.json');
const graphProfile = join(projectRoot, 'definitions', 'office365', 'import-oim', 'microsoft-graph.profile.json');
const work = mkdtempSync(join(tmpdir(), 'grc-import-oim-profile-'));

/** Every written file without its first comment line (it names the input paths). */
function contents(directory: string): Record<string, string> {
  const files = ['connector.json', 'lookups.json', 'mappings.json', ...readdirSync(join(directory, 'classes')).map((f) => `classes/${f}`)];
  return Object.fromEntries(files.map((f) => [f, readFileSync(join(directory, f), 'utf8').replace(/^\/\/.*\n/, '')]));
}

test('--to-microsoft-graph is the bundled profile, found relative to the package from any working directory', async () => {
  const shorthand = await runCli(['import-oim', ...seedInputs, '--out', join(work, 'shorthand'), '--to-microsoft-graph'], { cwd: work });
  assert.is(shorthand.code, 0, shorthand.stderr);
  const explicit = await runCli(['import-oim', ...seedInputs, '--out', join(work, 'explicit'), '--profile', graphProfile], { cwd: work });
  assert.is(explicit.code, 0, explicit.stderr);
  assert.equal(contents(join(work, 'explicit')), contents(join(work, 'shorthand')));
});

test('a made-up profile translates another target: the definition validates and plans the new API', async () => {
  const out = join(work, 'acme-v2');
  const result = await runCli(['import-oim', acmeInput, '--profile', acmeProfile, '--out', out, '--json']);
  assert.is(result.code, 0, result.stderr);
  const output = JSON.parse(result.stdout) as { valid: boolean; profile: string; classes: string[]; settings: string[] };
  assert.equal([output.valid, output.profile, output.classes], [true, 'acme-directory-v2', ['account', 'team']]);
  assert.equal(output.settings.sort(), ['apiBaseUrl', 'apiToken', 'itResource', 'pageSize']);
  const plan = await runCli(['plan', out, 'add-values', '--class', 'account', '--uid', 'a-1', '--attrs', '-', '--json'], { input: JSON.stringify({ teams: ['t-9'] }) });
  assert.is(plan.code, 0, plan.stderr);
  const request = JSON.parse(plan.stdout) as { method: string; url: string; headers: Record<string, string>; body: unknown };
  assert.equal([request.method, request.url, request.body], ['POST', 'https://api.acme.example/v2/groups/t-9/members', { member: { id: 'a-1' } }]);
  assert.is(request.headers.Authorization, '<redacted>');
});

test('an invalid profile exits 2 with file:line:col: message per problem, or JSON with --json; nothing is written', async () => {
  const broken = join(work, 'broken.profile.json');
  writeFileSync(broken, '{\n  "name": "broken",\n  "description": "d",\n  "requests": [{ "description": "x", "match": "(" , "replacement": "" }]\n}\n');
  const out = join(work, 'never');
  const result = await runCli(['import-oim', acmeInput, '--profile', broken, '--out', out]);
  assert.is(result.code, 2, result.stderr);
  assert.match(result.stderr, /broken\.profile\.json:4:47: requests\[0\]\.match: not a valid regular expression/);
  assert.not.match(result.stderr, /\n\s+at /);
  assert.not.ok(readdirSync(work).includes('never'));
  const json = await runCli(['import-oim', acmeInput, '--profile', join(work, 'missing.json'), '--json']);
  assert.is(json.code, 2);
  const error = JSON.parse(json.stderr) as { kind: string; problems: Array<{ file: string; line: number; message: string }> };
  assert.is(error.kind, 'ProfileError');
  assert.match(error.problems[0]?.message ?? '', /cannot read the translation profile: no such file/);
});

test('two profiles at once is a usage error', async () => {
  const result = await runCli(['import-oim', acmeInput, '--profile', acmeProfile, '--to-microsoft-graph', '--out', join(work, 'never2')]);
  assert.is(result.code, 2);
  assert.match(result.stderr, /error: give one translation profile, not --profile .*acme-directory-v2\.profile\.json and --to-microsoft-graph/);
});

test.run();
