import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkGraphRequests, type GraphRequestShape } from '../support/check-graph-requests.js';
import { runCli } from '../support/run-cli.js';

// Configuration strings copied verbatim from ../shared/seeds/003_*.txt (the Oracle guide's tables).
const seedInputs = ['fixtures/oim/office365-configuration.txt', 'fixtures/oim/office365-user-maps.txt', 'fixtures/oim/office365-group-maps.txt'];
const work = mkdtempSync(join(tmpdir(), 'grc-import-oim-'));
const graphOut = join(work, 'office365-graph');
const faithfulOut = join(work, 'office365-aad');

const uid = '8a1e0c3b-5d7e-4c2a-9f0b-1234567890ab';
const group = '02bd9fd6-8f93-4758-87c3-1fb73740a315';
const role = '62e90394-69f5-4237-9190-012177145e11';
const manager = '62e90394-69f5-4237-9190-012177145e10';
const sku = 'c7df2760-2c81-4ef7-b578-5b5392b571df';

async function plan(definition: string, args: string[], input?: string): Promise<GraphRequestShape[]> {
  const result = await runCli(['plan', definition, ...args, '--json'], input === undefined ? {} : { input });
  assert.is(result.code, 0, `plan ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim().split('\n').map((line) => JSON.parse(line) as GraphRequestShape);
}

test('import-oim --to-microsoft-graph writes a definition from the guide tables and exits 0, warnings on stderr', async () => {
  const result = await runCli(['import-oim', ...seedInputs, '--out', graphOut, '--to-microsoft-graph']);
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stdout, /wrote .*office365-graph: connector\.json, classes\/user\.json, classes\/group\.json, classes\/role\.json, classes\/license\.json, lookups\.json, mappings\.json/);
  assert.match(result.stdout, /classes: user \(__ACCOUNT__\), group \(__GROUP__\), role \(__ROLE__\), license \(__LICENSE__\)/);
  assert.match(result.stdout, /profile: microsoft-graph \(.*definitions\/office365\/import-oim\/microsoft-graph\.profile\.json\)/);
  assert.match(result.stderr, /office365-configuration\.txt:71: untranslated: .*truncated or broken entry/);
  assert.match(result.stderr, /changed: .*\$links\/<nav> is <nav>\/\$ref/);
  assert.not.match(result.stderr, /\n\s+at /);
});

test('the Microsoft Graph definition validates (connector validate exits 0)', async () => {
  const result = await runCli(['validate', graphOut]);
  assert.is(result.code, 0, result.stdout + result.stderr);
  assert.match(result.stdout, /valid definition "office365" \(classes: user, group, role, license; lookups: \d+\)/);
});

test('its planned requests conform to the Microsoft Graph v1.0 OpenAPI description', async () => {
  const attrs = join(work, 'user.json');
  writeFileSync(
    attrs,
    JSON.stringify({
      __NAME__: "zoe.o'brien@contoso.com",
      displayName: "Zoë O'Brien",
      mailNickname: 'zoe',
      __ENABLE__: true,
      __PASSWORD__: 'Plan-Secret-Passw0rd!',
      'passwordProfile.forceChangePasswordNextSignIn': true,
      usageLocation: 'US',
      givenName: 'Zoë',
      surname: "O'Brien",
      groups: [group],
      roles: [role],
      manager,
      licenses: [sku],
    }),
  );
  const requests = [
    ...(await plan(graphOut, ['create', '--class', 'user', '--attrs', attrs])),
    ...(await plan(graphOut, ['add-values', '--class', 'user', '--uid', uid, '--attrs', '-'], JSON.stringify({ groups: [group] }))),
    ...(await plan(graphOut, ['add-values', '--class', 'user', '--uid', uid, '--attrs', '-'], JSON.stringify({ manager }))),
    ...(await plan(graphOut, ['add-values', '--class', 'user', '--uid', uid, '--attrs', '-'], JSON.stringify({ licenses: [sku], roles: [role] }))),
    ...(await plan(graphOut, ['remove-values', '--class', 'user', '--uid', uid, '--attrs', '-'], JSON.stringify({ groups: [group], licenses: [sku], roles: [role], manager: null }))),
    ...(await plan(graphOut, ['update', '--class', 'user', '--uid', uid, '--attrs', '-'], JSON.stringify({ displayName: 'Zoë', city: 'Oslo' }))),
    ...(await plan(graphOut, ['get', '--class', 'user', '--uid', uid])),
    ...(await plan(graphOut, ['search', '--class', 'user', '--filter', 'startsWith(displayName, "Zo") and accountEnabled eq true'])),
    ...(await plan(graphOut, ['delete', '--class', '__ACCOUNT__', '--uid', uid])),
    ...(await plan(graphOut, ['create', '--class', 'group', '--attrs', '-'], JSON.stringify({ __NAME__: 'Sales', mailEnabled: false, mailNickname: 'sales', securityEnabled: true }))),
    ...(await plan(graphOut, ['update', '--class', 'group', '--uid', group, '--attrs', '-'], JSON.stringify({ description: 'Sales team' }))),
    ...(await plan(graphOut, ['add-values', '--class', 'group', '--uid', group, '--attrs', '-'], JSON.stringify({ member: [uid] }))),
    ...(await plan(graphOut, ['search', '--class', 'role'])),
    ...(await plan(graphOut, ['search', '--class', 'license'])),
  ];
  const lines = requests.map((r) => `${r.method} ${r.url.replace('https://graph.microsoft.com/v1.0', '').split('?')[0]}`);
  for (const expected of [
    'POST /users',
    `POST /groups/${group}/members/$ref`,
    'PUT /users/{uid}/manager/$ref',
    'POST /users/{uid}/assignLicense',
    `PUT /users/${uid}/manager/$ref`,
    `DELETE /groups/${group}/members/${uid}/$ref`,
    `DELETE /users/${uid}/manager/$ref`,
    `POST /directoryRoles/${role}/members/$ref`,
    `GET /users/${uid}/memberOf`,
  ]) {
    assert.ok(lines.includes(expected), `${expected} is planned; planned:\n${lines.join('\n')}`);
  }
  const license = requests.find((r) => r.url.endsWith(`/users/${uid}/assignLicense`));
  assert.equal(license?.body, { addLicenses: [{ skuId: sku, disabledPlans: [] }], removeLicenses: [] });
  const checked = checkGraphRequests(requests);
  assert.ok(checked.ok, checked.output);
  assert.match(checked.output, new RegExp(`${requests.length} requests checked, ${requests.length} conform`));
});

test('import-oim without a profile: a definition that keeps the requests as written, validates, and names the profile that would translate it', async () => {
  const result = await runCli(['import-oim', ...seedInputs, '--out', faithfulOut, '--json']);
  assert.is(result.code, 0, result.stderr);
  const output = JSON.parse(result.stdout) as { valid: boolean; profile: string | null; classes: string[]; counts: Record<string, number>; report: Array<{ kind: string; entry?: string; message: string }> };
  assert.is(output.valid, true);
  assert.is(output.profile, null);
  assert.equal(output.classes, ['user', 'group', 'role', 'license']);
  assert.is(output.counts.changed, 0);
  assert.ok(output.report.some((e) => e.kind === 'untranslated' && e.entry === 'customPayload: \\"}"'));
  assert.ok(output.report.some((e) => e.kind === 'derived' && /looks like Azure AD Graph .*--to-microsoft-graph/.test(e.message)));
  assert.is(result.stderr, '', 'with --json the report is in the JSON, not on stderr');
  const validate = await runCli(['validate', faithfulOut]);
  assert.is(validate.code, 0, validate.stdout + validate.stderr);
  const settings = ['--set', 'baseUrl=https://graph.windows.net', '--set', 'tenantId=contoso.onmicrosoft.com', '--set', 'apiVersion=1.6'];
  const [add] = await plan(faithfulOut, ['add-values', '--class', 'user', '--uid', uid, '--attrs', '-', ...settings], JSON.stringify({ groups: [group] }));
  assert.is(add?.url, `https://graph.windows.net/contoso.onmicrosoft.com/groups/${group}/$links/members?api_version=1.6`);
  assert.equal(add?.body, { url: `contoso.onmicrosoft.com/directoryObjects/${uid}` });
});

test('unreadable input exits 2 with file:line: message and no stack trace', async () => {
  const badJson = join(work, 'bad.json');
  writeFileSync(badJson, '{\n  "relURIs": \n}\n');
  const badLines = join(work, 'bad.properties');
  writeFileSync(badLines, 'relURIs="__ACCOUNT__=/users"\nnot an entry\n');
  const cases: Array<[string[], RegExp]> = [
    [[join(work, 'missing.txt')], /missing\.txt:1: cannot read the input: no such file/],
    [[badJson], /bad\.json:3: invalid JSON/],
    [[badLines], /bad\.properties:2: expected "code=decode"/],
    [['fixtures/oim/office365-user-maps.txt'], /office365-user-maps\.txt:1: no OIM configuration lookup found/],
  ];
  for (const [files, message] of cases) {
    const result = await runCli(['import-oim', ...files, '--out', join(work, 'never')]);
    assert.is(result.code, 2, result.stderr);
    assert.match(result.stderr, message);
    assert.not.match(result.stderr, /\n\s+at /);
  }
  const json = await runCli(['import-oim', badJson, '--json']);
  assert.is(json.code, 2);
  const error = JSON.parse(json.stderr) as { kind: string; file: string; line: number; message: string };
  assert.equal([error.kind, error.line], ['InputError', 3]);
  assert.match(error.file, /bad\.json$/);
  assert.match(error.message, /^invalid JSON/);
});

test.run();
