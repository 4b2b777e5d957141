// definitions/scim2 searches against the SCIM fixture server through the CLI: the connector
// filter translated to SCIM (eq, ne, sw, co, pr, and, or, not), string quoting, raw
// filters, startIndex/count paging; and `connector test` with bearer and basic auth.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { startScimCli, stderrJson, stdoutJson, stdoutLines, type ScimCli } from '../support/scim-cli.js';

const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const userSchemas = ['urn:ietf:params:scim:schemas:core:2.0:User', enterprise];

const search = suite('scim2: search and test through the CLI');
let cli: ScimCli;

search.before(async () => {
  cli = await startScimCli();
  const user = (userName: string, extra: Record<string, unknown> = {}) => cli.post('/Users', { schemas: userSchemas, userName, ...extra });
  await user('ann', { displayName: 'Ann Smith', title: 'Engineer', active: true, [enterprise]: { department: 'Sales' } });
  await user('andy', { displayName: 'Andy Smithers', active: false });
  await user('bob', { displayName: 'Bob Jones', title: 'Lead', active: true, [enterprise]: { department: 'R&D' } });
  await user('carol', { displayName: 'Carol Smith', active: true });
  await user('dom\\dave', { displayName: 'Dave (domain)', active: true });
  await user('eve', { displayName: 'Eve', title: 'Engineer', active: true });
  await user('fay', { displayName: 'Fay', active: true });
});
search.before.each(() => {
  cli.auth = 'bearer';
  cli.freshState();
});
search.after(() => cli.close());

async function names(args: readonly string[]): Promise<string[]> {
  const result = await cli.search('user', args);
  assert.is(result.code, 0, result.stderr);
  return stdoutLines(result).map((o) => String(o.__NAME__)).sort();
}

/** The SCIM filter of the last list request the server received. */
function lastFilter(): string | null {
  const list = cli.server.log().filter((e) => e.method === 'GET' && e.url.includes('/Users?')).pop();
  return new URL(list!.url, 'https://x').searchParams.get('filter');
}

search('eq, startsWith and contains become eq, sw and co', async () => {
  assert.equal(await names(['--filter', '__NAME__ eq "bob"']), ['bob']);
  assert.is(lastFilter(), 'userName eq "bob"');
  assert.equal(await names(['--filter', 'startsWith(userName, "an")']), ['andy', 'ann']);
  assert.is(lastFilter(), 'userName sw "an"');
  assert.equal(await names(['--filter', 'contains(displayName, "Smith")']), ['andy', 'ann', 'carol']);
  assert.is(lastFilter(), 'displayName co "Smith"');
});

search('and, or, not and booleans, with parentheses only where precedence needs them', async () => {
  assert.equal(await names(['--filter', 'contains(displayName, "Smith") and not (__ENABLE__ eq false)']), ['ann', 'carol']);
  assert.is(lastFilter(), 'displayName co "Smith" and not (active eq false)');
  assert.equal(await names(['--filter', 'userName eq "bob" or title eq "Engineer"']), ['ann', 'bob', 'eve']);
  assert.is(lastFilter(), 'userName eq "bob" or title eq "Engineer"');
  assert.equal(await names(['--filter', '(userName eq "bob" or title eq "Engineer") and startsWith(displayName, "E")']), ['eve']);
  assert.is(lastFilter(), '(userName eq "bob" or title eq "Engineer") and displayName sw "E"');
  assert.equal(await names(['--filter', 'userName eq "bob" and title ne null or userName eq "fay"']), ['bob', 'fay']);
  assert.is(lastFilter(), 'userName eq "bob" and title pr or userName eq "fay"');
});

search('eq null and ne null become not (x pr) and x pr', async () => {
  assert.equal(await names(['--filter', 'title ne null']), ['ann', 'bob', 'eve']);
  assert.is(lastFilter(), 'title pr');
  assert.equal(await names(['--filter', 'title eq null and startsWith(userName, "a")']), ['andy']);
  assert.is(lastFilter(), 'not (title pr) and userName sw "a"');
});

search('string values are escaped as RFC 7644 says; filterEscapes=false finds values with a backslash on servers that do not decode escapes', async () => {
  assert.equal(await names(['--filter', 'userName eq "dom\\\\dave"']), []);
  assert.is(lastFilter(), 'userName eq "dom\\\\dave"');
  assert.equal(await names(['--filter', 'userName eq "dom\\\\dave"', '--set', 'filterEscapes=false']), ['dom\\dave']);
  assert.is(lastFilter(), 'userName eq "dom\\dave"');
  assert.equal(await names(['--filter', '__ENABLE__ eq false', '--set', 'filterEscapes=false']), ['andy']);
  assert.is(lastFilter(), 'active eq false');
});

search('a value with a double quote is refused by this server as InvalidAttributeValue on the filter', async () => {
  const result = await cli.search('user', ['--filter', 'displayName eq "say \\"hi\\""', '--json']);
  assert.is(result.code, 1);
  const error = stderrJson(result);
  assert.equal([error.kind, error.field], ['InvalidAttributeValue', 'filter']);
});

search('string comparisons are case-sensitive on this server (README deviation 16): search with the stored case', async () => {
  assert.equal(await names(['--filter', '__NAME__ eq "ANN"']), []);
  assert.equal(await names(['--filter', '__NAME__ eq "ann"']), ['ann']);
});

search('a raw SCIM filter reaches the enterprise extension and combines with a connector filter', async () => {
  assert.equal(await names(['--raw-filter', `${enterprise}:department eq "Sales"`]), ['ann']);
  assert.equal(await names(['--filter', 'startsWith(userName, "b")', '--raw-filter', `${enterprise}:department pr`]), ['bob']);
  assert.is(lastFilter(), `userName sw "b" and ${enterprise}:department pr`);
});

search('paging: startIndex advances by count until totalResults; a page past the end is never asked for', async () => {
  const before = cli.server.log().length;
  const all = await names(['--set', 'pageSize=3']);
  assert.is(all.length, 7);
  const pages = cli.server.log().slice(before).map((e) => new URL(e.url, 'https://x').searchParams);
  assert.equal(pages.map((p) => `${p.get('startIndex')}/${p.get('count')}`), ['1/3', '4/3', '7/3']);
});

search('paging: a last page that is exactly full stops at totalResults (no request that would return the first page again)', async () => {
  const before = cli.server.log().length;
  const found = await names(['--filter', 'active eq true', '--set', 'pageSize=3']);
  assert.equal(found, ['ann', 'bob', 'carol', 'dom\\dave', 'eve', 'fay']);
  const pages = cli.server.log().slice(before).map((e) => new URL(e.url, 'https://x').searchParams.get('startIndex'));
  assert.equal(pages, ['1', '4']);
});

search('--limit stops early; the group class pages the same way', async () => {
  assert.is((await names(['--limit', '2', '--set', 'pageSize=1'])).length, 2);
  const groups = await cli.search('group', []);
  assert.is(groups.code, 0, groups.stderr);
  assert.equal(stdoutLines(groups), []);
});

search('search results carry the special attributes read from each object', async () => {
  const result = await cli.search('user', ['--filter', '__NAME__ eq "ann"']);
  const [ann] = stdoutLines(result);
  assert.equal([ann?.department, ann?.email, ann?.manager, ann?.groups], ['Sales', null, null, []]);
});

search('test: bearer and basic auth through the same definition; wrong or missing credentials are classified', async () => {
  for (const auth of ['bearer', 'basic'] as const) {
    cli.auth = auth;
    const before = cli.server.log().length;
    const result = await cli.command('test', ['--json']);
    assert.is(result.code, 0, result.stderr);
    assert.equal([stdoutJson(result).ok, stdoutJson(result).objectClass], [true, 'user']);
    assert.equal(cli.server.log().slice(before).map((e) => e.authorization), [auth]);
  }
  cli.auth = 'bearer';
  const wrong = await cli.command('test', ['--json', '--set', 'token=not-the-token']);
  assert.is(wrong.code, 1);
  assert.is(stderrJson(wrong).kind, 'InvalidCredentials');
  assert.not.match(wrong.stdout + wrong.stderr, /not-the-token/);
  const none = await cli.command('test', ['--json', '--config', cli.writeJson('none.json', { baseUrl: cli.server.baseUrl })]);
  assert.is(none.code, 2);
  assert.match(stderrJson(none).message as string, /give token, or username \+ password/);
});

search.run();
