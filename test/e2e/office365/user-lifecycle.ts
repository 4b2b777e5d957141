// OIM user provisioning functions through the CLI: create, get, update (only what changed),
// enable/disable, reset password, delete and restore, and searches with filters. After each
// step the fake's own state (admin API) is checked, not only what the CLI printed.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { graphFaultMode, ok, startGraphCli, stdoutLines, type GraphCli, type GraphFaultMode } from '../../support/graph-cli.js';
import { assertConformingTraffic } from '../../support/graph-traffic.js';

interface Context {
  cli: GraphCli;
  uid: string;
}

const password = 'Ch4nge-Me-Now!42';
const newPassword = 'An0ther-Secret!99';

export function userLifecycleSuite(requested: GraphFaultMode): void {
  const mode = graphFaultMode(requested);
  const test = suite<Context>(`office365 users (${mode})`, { cli: undefined as never, uid: '' });

  test.before(async (context) => {
    context.cli = await startGraphCli({ mode });
  });
  test.after(async ({ cli }) => {
    await cli.close();
  });

  test('create: a user with a non-ASCII name and an apostrophe in the UPN', async (context) => {
    const { cli } = context;
    const upn = `chloe.o'neil@${cli.fake.domain}`;
    const attrs = cli.writeJson('chloe.json', {
      __NAME__: upn,
      __PASSWORD__: password,
      displayName: 'Chloë O’Neil-Ångström',
      givenName: 'Chloë',
      surname: 'O’Neil-Ångström',
      usageLocation: 'FR',
      department: 'Finance',
      jobTitle: 'Controller',
      city: 'Paris',
      country: 'France',
      preferredLanguage: 'fr-FR',
      employeeId: 'E-4711',
      employeeOrgData: { division: 'EMEA', costCenter: 'CC-42' },
      businessPhones: ['+33 1 5555 0100'],
      otherMails: ['chloe@example.org'],
      'passwordProfile.forceChangePasswordNextSignIn': true,
    });
    const result = await cli.run('create', ['--class', '__ACCOUNT__', '--attrs', attrs]);
    const created = ok<{ uid: string; name: string; status: string }>(result);
    assert.is(created.status, 'success');
    assert.is(created.name, upn);
    assert.not.match(result.stdout + result.stderr, password);
    context.uid = created.uid;
    const user = cli.fake.user(created.uid);
    assert.ok(user, 'the fake holds the new user');
    assert.is(user!['userPrincipalName'], upn);
    assert.is(user!['displayName'], 'Chloë O’Neil-Ångström');
    assert.is(user!['mailNickname'], "chloe.o'neil", 'mailNickname defaults to the UPN local part');
    assert.is(user!['accountEnabled'], true);
    assert.equal(user!['employeeOrgData'], { division: 'EMEA', costCenter: 'CC-42' });
    assert.not.ok(JSON.stringify(user).includes(password), 'the admin view never holds the password');
  });

  test('get: reads the attributes and the (empty) special attributes', async ({ cli, uid }) => {
    const object = ok<Record<string, unknown>>(await cli.run('get', ['--class', 'user', '--uid', uid]));
    assert.is(object['__UID__'], uid);
    assert.is(object['__NAME__'], `chloe.o'neil@${cli.fake.domain}`);
    assert.is(object['__ENABLE__'], true);
    assert.is(object['displayName'], 'Chloë O’Neil-Ångström');
    assert.is(object['usageLocation'], 'FR');
    assert.equal(object['otherMails'], ['chloe@example.org']);
    assert.is(object['manager'], null);
    assert.equal(object['groups'], []);
    assert.equal(object['roles'], []);
    assert.equal(object['licenses'], []);
    assert.not.ok('passwordProfile.password' in object, 'the password is never read back');
  });

  test('update: sends only the attributes that differ', async ({ cli, uid }) => {
    cli.fake.clearRequestLog();
    const attrs = cli.writeJson('update.json', { displayName: 'Chloë O’Neil-Ångström', jobTitle: 'Head of Controlling', city: null, department: 'Finance' });
    const result = ok<{ steps: Array<{ id: string }> }>(await cli.run('update', ['--class', 'user', '--uid', uid, '--attrs', attrs]));
    assert.equal(result.steps.map((s) => s.id), ['update']);
    const patches = cli.fake.requestLog().filter((e) => e.method === 'PATCH' && e.status === 204);
    assert.equal(patches.map((e) => e.body), [{ jobTitle: 'Head of Controlling', city: null }]);
    const user = cli.fake.user(uid)!;
    assert.is(user['jobTitle'], 'Head of Controlling');
    assert.is(user['city'] ?? null, null);
  });

  test('disable and enable: accountEnabled follows', async ({ cli, uid }) => {
    ok(await cli.run('disable', ['--class', 'user', '--uid', uid]));
    assert.is(cli.fake.user(uid)!['accountEnabled'], false);
    const disabled = stdoutLines(await cli.search('user', ['--filter', 'accountEnabled eq false']));
    assert.ok(disabled.some((u) => u['__UID__'] === uid), 'a filtered search finds the disabled user');
    ok(await cli.run('enable', ['--class', 'user', '--uid', uid]));
    assert.is(cli.fake.user(uid)!['accountEnabled'], true);
  });

  test('set-password: a reset with change at next sign-in; the password never shows', async ({ cli, uid }) => {
    cli.fake.clearRequestLog();
    const attrs = cli.writeJson('password.json', { __PASSWORD__: newPassword, 'passwordProfile.forceChangePasswordNextSignIn': true });
    const result = await cli.run('set-password', ['--class', 'user', '--uid', uid, '--attrs', attrs]);
    ok(result);
    assert.not.match(result.stdout + result.stderr, newPassword);
    const patch = cli.fake.requestLog().find((e) => e.method === 'PATCH' && e.status === 204);
    assert.equal(patch?.body, { passwordProfile: { password: newPassword, forceChangePasswordNextSignIn: true } });
  });

  test('search: filters become OData (startsWith with an apostrophe, ne as an advanced query)', async ({ cli, uid }) => {
    const byName = stdoutLines(await cli.search('user', ['--filter', `startsWith(userPrincipalName, "chloe.o'")`]));
    assert.equal(byName.map((u) => u['__UID__']), [uid]);
    const notFinance = stdoutLines(await cli.search('user', ['--filter', 'department ne "Finance"', '--limit', '5']));
    assert.is(notFinance.length, 5);
    assert.ok(notFinance.every((u) => u['department'] !== 'Finance'));
    const raw = stdoutLines(await cli.search('user', ['--raw-filter', "employeeId eq 'E-4711'"]));
    assert.equal(raw.map((u) => u['__UID__']), [uid]);
  });

  test('delete and restore: the user goes to deleted items and comes back', async ({ cli, uid }) => {
    ok(await cli.run('delete', ['--class', 'user', '--uid', uid]));
    assert.is(cli.fake.user(uid), undefined);
    assert.ok(cli.fake.deletedItems().some((item) => item['id'] === uid), 'in deleted items');
    const gone = await cli.run('get', ['--class', 'user', '--uid', uid]);
    assert.is(gone.code, 1);
    assert.match(gone.stderr, /"kind":"UnknownUid"/);
    const restored = ok<{ operation: string; uid: string }>(await cli.run('restore', ['--class', 'user', '--uid', uid]));
    assert.is(restored.uid, uid);
    assert.is(cli.fake.user(uid)!['displayName'], 'Chloë O’Neil-Ångström');
    assert.not.ok(cli.fake.deletedItems().some((item) => item['id'] === uid));
  });

  test('traffic: every request conforms to Graph v1.0 and honors Retry-After', ({ cli }) => {
    assertConformingTraffic(cli.fake, mode);
  });

  test.run();
}
