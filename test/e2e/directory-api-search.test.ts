// `connector search` against the directory fake: the connector filter language translated
// into the fake's own (q=...), raw filters, limits, paging and --out.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createAccount } from '../fixtures/directory-api/fixtures.js';
import { startDirectoryCli, stderrJson, stdoutLines, type DirectoryCli } from '../support/directory-cli.js';

const search = suite('directory-api: search through the CLI');
let cli: DirectoryCli;
let teamIds: string[];

search.before(async () => {
  cli = await startDirectoryCli();
  // Twelve seeded accounts (user.00001..12: departments cycle Engineering, Finance, Support,
  // Marketing, Sales; titles Analyst, Manager, Director, Engineer; user.00010 suspended),
  // three teams, and four accounts with awkward names.
  teamIds = cli.api.seed({ accounts: 12, teams: 3, membersPerTeam: 0 }).teamIds;
  await createAccount(cli.api, 'rock', { fullName: 'Dwayne "The Rock" Johnson', department: 'Sales', title: 'Actor' });
  await createAccount(cli.api, 'backslash', { fullName: 'C:\\Users\\bob', department: 'Support', title: 'Path \\ finder' });
  await createAccount(cli.api, 'obrien', { fullName: "Zoë O'Brien", department: 'Finance', title: 'Engineer' });
  await createAccount(cli.api, 'both', { fullName: 'Say "hi\\" there', department: 'Sales', title: 'Engineering Manager' });
});
search.before.each(() => {
  cli.api.setFaults({});
  cli.api.clearLog();
});
search.after(() => cli.close());

async function logins(args: readonly string[]): Promise<string[]> {
  const result = await cli.search('account', args);
  assert.is(result.code, 0, result.stderr);
  return stdoutLines<{ __NAME__: string }>(result).map((o) => o.__NAME__);
}

/** The q parameter of the listing requests, decoded. */
function sentFilters(): string[] {
  return cli.api
    .log()
    .filter((e) => e.operation === 'accounts.list')
    .map((e) => new URL(e.path, cli.api.origin).searchParams.get('q') ?? '');
}

search('eq: one account by login, translated to login:"..."', async () => {
  assert.equal(await logins(['--filter', '__NAME__ eq "user.00003"']), ['user.00003']);
  assert.equal(sentFilters(), ['login:"user.00003"']);
});

search('ne: every account outside a department', async () => {
  const found = await logins(['--filter', 'department ne "Sales"']);
  assert.equal(found, ['user.00001', 'user.00002', 'user.00003', 'user.00004', 'user.00006', 'user.00007', 'user.00008', 'user.00009', 'user.00011', 'user.00012', 'backslash', 'obrien']);
  assert.equal(sentFilters(), ['department!:"Sales"']);
});

search('startsWith and contains', async () => {
  assert.equal(await logins(['--filter', 'startsWith(fullName, "Dwayne")']), ['rock']);
  assert.equal(await logins(['--filter', 'contains(title, "Engineer") and department eq "Sales"']), ['both']);
  assert.equal(sentFilters(), ['fullName^"Dwayne"', '(title~"Engineer") AND (department:"Sales")']);
});

search('and / or / not with parentheses and __ENABLE__', async () => {
  const found = await logins(['--filter', '(department eq "Finance" or department eq "Sales") and not (__ENABLE__ eq false)']);
  assert.equal(found, ['user.00002', 'user.00005', 'user.00007', 'user.00012', 'rock', 'obrien', 'both']);
  assert.equal(sentFilters(), ['((department:"Finance") OR (department:"Sales")) AND (NOT (status:"SUSPENDED"))']);
});

search('values with double quotes are escaped for the target', async () => {
  assert.equal(await logins(['--filter', 'fullName eq "Dwayne \\"The Rock\\" Johnson"']), ['rock']);
  assert.equal(sentFilters(), ['fullName:"Dwayne \\"The Rock\\" Johnson"']);
});

search('values with backslashes, and with a backslash before a quote', async () => {
  assert.equal(await logins(['--filter', 'fullName eq "C:\\\\Users\\\\bob"']), ['backslash']);
  assert.equal(await logins(['--filter', 'contains(title, " \\\\ ")']), ['backslash']);
  assert.equal(await logins(['--filter', 'fullName eq "Say \\"hi\\\\\\" there"']), ['both']);
  assert.equal(sentFilters(), ['fullName:"C:\\\\Users\\\\bob"', 'title~" \\\\ "', 'fullName:"Say \\"hi\\\\\\" there"']);
});

search("single-quoted values with a doubled quote", async () => {
  assert.equal(await logins(['--filter', "fullName eq 'Zoë O''Brien'"]), ['obrien']);
});

search('--raw-filter goes to the target untouched, and combines with --filter by "and"', async () => {
  assert.equal(await logins(['--raw-filter', 'department:"Sales" AND title^"Eng"']), ['both']);
  assert.equal(await logins(['--raw-filter', 'title:"Actor"', '--filter', 'department eq "Sales"']), ['rock']);
  assert.equal(sentFilters(), ['department:"Sales" AND title^"Eng"', '(department:"Sales") AND (title:"Actor")']);
});

search('--limit stops after N objects and asks for no further page', async () => {
  assert.equal(await logins(['--limit', '3', '--set', 'pageSize=2']), ['user.00001', 'user.00002', 'user.00003']);
  assert.equal(cli.api.log().filter((e) => e.operation === 'accounts.list').map((e) => e.path), [
    '/api/v2/accounts?offset=0&limit=2',
    '/api/v2/accounts?offset=2&limit=2',
  ]);
});

search('a limit below the page size asks for no more objects than the limit', async () => {
  assert.equal(await logins(['--limit', '2', '--set', 'pageSize=50']), ['user.00001', 'user.00002']);
  assert.equal(cli.api.log().filter((e) => e.operation === 'accounts.list').map((e) => e.path), ['/api/v2/accounts?offset=0&limit=2']);
});

search('offset paging walks every page in order', async () => {
  const found = await logins(['--set', 'pageSize=5']);
  assert.is(found.length, 16);
  assert.equal(found.slice(0, 2), ['user.00001', 'user.00002']);
  assert.equal(cli.api.log().filter((e) => e.operation === 'accounts.list').map((e) => new URL(e.path, cli.api.origin).searchParams.get('offset')), ['0', '5', '10', '15']);
});

search('--out writes NDJSON to the file and only a count on stderr', async () => {
  const out = join(cli.dir, 'sales.ndjson');
  const result = await cli.search('account', ['--filter', 'department eq "Sales"', '--out', out]);
  assert.is(result.code, 0, result.stderr);
  assert.is(result.stdout, '');
  assert.is(result.stderr, `4 objects written to ${out}\n`);
  const lines = readFileSync(out, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { __NAME__: string; department: string });
  assert.equal(lines.map((o) => `${o.__NAME__} ${o.department}`), ['user.00005', 'user.00010', 'rock', 'both'].map((l) => `${l} Sales`));
});

search('run search takes the same filter and prints NDJSON', async () => {
  const result = await cli.run('search', ['--class', '__ACCOUNT__', '--filter', 'title eq "Actor"']);
  assert.is(result.code, 0, result.stderr);
  assert.equal(stdoutLines<{ __NAME__: string }>(result).map((o) => o.__NAME__), ['rock']);
});

search('--limit must be a positive integer, for search and run search alike (exit 2, nothing sent)', async () => {
  for (const result of [
    await cli.search('account', ['--limit', '0']),
    await cli.run('search', ['--class', 'account', '--limit', 'abc']),
    await cli.run('search', ['--class', 'account', '--limit', '0']),
  ]) {
    assert.is(result.code, 2, result.stderr);
    assert.is(result.stdout, '');
    assert.match(result.stderr, /--limit must be a positive integer/);
  }
  assert.equal(sentFilters(), []);
});

search('an unknown attribute in a filter exits 1 with InvalidAttributeValue and a suggestion', async () => {
  const result = await cli.search('account', ['--filter', 'departmnt eq "Sales"', '--json']);
  assert.is(result.code, 1);
  const error = stderrJson(result);
  assert.equal([error.kind, error.field], ['InvalidAttributeValue', 'departmnt']);
  assert.match(String(error.message), /department/);
  assert.equal(sentFilters(), []);
});

search('a raw filter the target cannot read exits 1 with the target\'s INVALID_FILTER', async () => {
  const result = await cli.search('account', ['--raw-filter', 'login:"unterminated', '--json']);
  assert.is(result.code, 1);
  const error = stderrJson(result);
  assert.equal([error.kind, error.targetCode, error.field, error.status], ['InvalidAttributeValue', 'INVALID_FILTER', 'filter', 400]);
});

search('search of teams by name (case-insensitive on the target)', async () => {
  const result = await cli.search('team', ['--filter', 'name eq "team 002"']);
  assert.is(result.code, 0, result.stderr);
  assert.equal(stdoutLines<{ __UID__: string; __NAME__: string }>(result).map((t) => [t.__UID__, t.__NAME__]), [[teamIds[1], 'Team 002']]);
});

search.run();
