import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatProblem } from '../../../runtime/definition/problems.js';
import { bundledProfileFiles, bundledProfiles, optionKey } from '../../../runtime/import-oim/profile/bundled-profiles.js';
import { loadProfile, ProfileError } from '../../../runtime/import-oim/profile/load-profile.js';
import { fixturesDir } from '../../support/project-paths.js';

const dir = mkdtempSync(join(tmpdir(), 'oim-profile-'));

/** The problems of a profile file, as file:line:col: message with the file name only. */
async function problemsOf(text: string): Promise<string[]> {
  const file = join(dir, 'broken.profile.json');
  writeFileSync(file, text);
  try {
    await loadProfile(file);
  } catch (error) {
    if (!(error instanceof ProfileError)) throw error;
    assert.is(error.kind, 'ConfigurationError');
    return error.problems.map((p) => formatProblem({ ...p, file: p.file.replace(/^.*[\\/]/, '') }));
  }
  assert.unreachable('the profile loaded');
  return [];
}

test('the bundled profile is found next to the package, validates, and has its shorthand', async () => {
  const files = bundledProfileFiles();
  assert.ok(files.some((f) => f.endsWith(join('definitions', 'office365', 'import-oim', 'microsoft-graph.profile.json'))), files.join('\n'));
  const [graph] = (await bundledProfiles()).filter((p) => p.name === 'microsoft-graph');
  assert.is(graph?.shorthand, 'to-microsoft-graph');
  assert.is(optionKey(graph?.shorthand ?? ''), 'toMicrosoftGraph');
  assert.is(graph?.connection?.auth.type, 'msalClientCredentials');
  assert.is(graph?.renames.get('objectId')?.to, 'id');
});

test('the custom fixture profile validates', async () => {
  const profile = await loadProfile(join(fixturesDir, 'oim', 'acme-directory-v2.profile.json'));
  assert.is(profile.name, 'acme-directory-v2');
  assert.equal(profile.legacy.classNames.get('teams'), 'team');
});

test('invalid JSON is reported at its place', async () => {
  assert.equal(await problemsOf('{\n  "name": "x",\n  "description": \n}\n'), ['broken.profile.json:4:1: invalid JSON: a value is expected']);
});

test('unknown keys (with a suggestion), missing keys, wrong types and values point at the field', async () => {
  const problems = await problemsOf(`{
  "name": "Bad Name",
  "descripton": "typo",
  "renames": [{ "from": "a", "to": "b" }],
  "requests": [{ "description": "x", "opType": "PUSH" }],
  "select": { "parameter": "fields", "value": "{{select}}", "operations": "get", "description": "d" }
}
`);
  assert.equal(problems, [
    'broken.profile.json:1:1: the profile is missing the required key "description"',
    'broken.profile.json:2:11: name: "Bad Name" must match ^[a-z][a-z0-9-]*$',
    'broken.profile.json:3:3: unknown key "descripton" in the profile (did you mean "description"?)',
    'broken.profile.json:4:15: renames[0] is missing the required key "description"',
    'broken.profile.json:5:48: requests[0].opType: "PUSH" is not one of GET, POST, PUT, PATCH, DELETE (did you mean "POST"?)',
    'broken.profile.json:6:75: select.operations must be array, not the string "get"',
  ]);
});

test("the connection is checked against the definition's connection schema", async () => {
  const problems = await problemsOf(`{
  "name": "x",
  "description": "d",
  "connection": { "baseURL": "{{config.url}}", "auth": { "type": "msal" }, "timeoutMs": 5 }
}
`);
  assert.equal(problems, [
    'broken.profile.json:4:66: connection.auth.type: unknown type "msal"; expected one of none, basic, bearer, oauth2ClientCredentials, msalClientCredentials, firstConfigured',
    'broken.profile.json:4:89: connection.timeoutMs must be ≥ 100, not 5',
  ]);
});

test('a rule that needs another field is a schema problem', async () => {
  assert.equal(await problemsOf('{ "name": "x", "description": "d", "requests": [{ "description": "r", "replacement": "/b" }] }'), [
    'broken.profile.json:1:49: requests[0]: "replacement" needs "match" as well',
  ]);
});

test('regular expressions that do not compile, rules that do nothing or clash are problems, all at once', async () => {
  const problems = await problemsOf(`{
  "name": "x",
  "description": "d",
  "recognise": { "description": "old", "relURIs": ["(unclosed"] },
  "requests": [{ "description": "nothing", "match": "^/a" }],
  "renames": [{ "from": "a", "to": "b", "description": "d" }, { "from": "a", "to": "c", "description": "d" }],
  "payloads": [{ "description": "p", "match": { "url": "(?<id>.*)" }, "replaceWith": { "ref": "$<ref>" } }, { "description": "q" }],
  "connectionNotes": { "paging": "no connection" }
}
`);
  assert.equal(problems, [
    'broken.profile.json:4:52: recognise.relURIs[0]: not a valid regular expression: Invalid regular expression: /(unclosed/u: Unterminated group',
    'broken.profile.json:5:16: requests[0]: the rule has neither a replacement nor an opType, so it changes nothing',
    'broken.profile.json:6:73: renames[1].from: "a" is renamed by an earlier rule already',
    'broken.profile.json:7:86: payloads[0].replaceWith: $<ref> is not a named group of match',
    'broken.profile.json:7:109: payloads[1]: give either match and replaceWith, or itemDefaults',
    'broken.profile.json:8:24: connectionNotes.paging: the profile\'s connection has no member "paging"',
  ]);
});

test('a missing file is a problem, not a crash', async () => {
  try {
    await loadProfile(join(dir, 'missing.profile.json'));
    assert.unreachable();
  } catch (error) {
    assert.instance(error, ProfileError);
    assert.match((error as ProfileError).message, /missing\.profile\.json:1:1: cannot read the translation profile: no such file/);
  }
});

test.run();
