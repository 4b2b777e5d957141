// Every write and read operation of the CLI against the Acme directory fake, driven only
// by its JSON definition; the fake's admin API and request log say what really happened.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { RequestLogEntry } from '../../fixtures/directory-api/index.js';
import { openStateStore } from '../../runtime/state/index.js';
import { startDirectoryCli, stderrJson, stdoutJson, type DirectoryCli } from '../support/directory-cli.js';

const ops = suite('directory-api: operations through the CLI');
let cli: DirectoryCli;

ops.before(async () => {
  cli = await startDirectoryCli();
});
ops.before.each(() => {
  cli.api.reset();
  cli.api.setFaults({});
  cli.api.clearLog();
  cli.freshState();
});
ops.after(() => cli.close());

/** "METHOD /path" of every API request (the token request left out). */
function apiRequests(): string[] {
  return cli.api.log().filter((e) => e.operation !== 'oauth.token').map((e) => `${e.method} ${e.path}`);
}

function writes(): RequestLogEntry[] {
  return cli.api.log().filter((e) => e.method !== 'GET' && e.operation !== 'oauth.token');
}

/** Seeds two accounts (the first one the manager) and two teams, nobody in a team. */
function seedBasics(): { manager: string; other: string; teamA: string; teamB: string } {
  const seeded = cli.api.seed({ accounts: 2, teams: 2, membersPerTeam: 0 });
  cli.api.clearLog();
  const [manager, other] = seeded.accountIds as [string, string];
  const [teamA, teamB] = seeded.teamIds as [string, string];
  return { manager, other, teamA, teamB };
}

function account(uid: string) {
  const found = cli.api.state().accounts.find((a) => a.accountId === uid);
  if (!found) throw new Error(`no account ${uid} on the server`);
  return found;
}

function teamsOf(uid: string): string[] {
  return cli.api.state().memberships.filter((m) => m.accountId === uid).map((m) => m.teamId).sort();
}

ops('test: exits 0 and names the definition, base URL and the class it read', async () => {
  const result = await cli.command('test', ['--config', cli.settingsFile, '--state', cli.stateFile, '--json']);
  assert.is(result.code, 0, result.stderr);
  const report = stdoutJson(result);
  assert.equal([report.ok, report.definition, report.baseURL, report.objectClass], [true, 'acme-directory', cli.api.baseUrl, 'account']);
  assert.equal(cli.api.log().map((e) => e.operation), ['oauth.token', 'accounts.list']);
});

ops('test: a wrong client secret exits 1 with InvalidCredentials', async () => {
  const result = await cli.command('test', ['--config', cli.settingsFile, '--set', 'clientSecret=not-the-secret', '--state', cli.stateFile, '--json']);
  assert.is(result.code, 1);
  assert.is(stderrJson(result).kind, 'InvalidCredentials');
});

ops('create: phones, manager and a disabled status in one POST, then one member add per team', async () => {
  const { manager, teamA, teamB } = seedBasics();
  const attrs = cli.writeJson('jane.json', {
    __NAME__: 'jane.doe',
    fullName: 'Jane Doe',
    __PASSWORD__: 'Correct-horse-battery-1',
    phones: ['+1 555 0101', '+1 555 0102'],
    manager,
    __ENABLE__: false,
    teams: [teamA, teamB],
  });
  const result = await cli.run('create', ['--class', 'account', '--attrs', attrs]);
  assert.is(result.code, 0, result.stderr);
  const created = stdoutJson<{ uid: string; status: string; steps: Array<{ id: string; status: string }> }>(result);
  assert.is(created.status, 'success');
  assert.equal(created.steps.map((s) => `${s.id} ${s.status}`), ['create done', `teams.add:${teamA} done`, `teams.add:${teamB} done`]);

  const stored = account(created.uid);
  assert.equal([stored.login, stored.fullName, stored.phones, stored.manager, stored.status], ['jane.doe', 'Jane Doe', ['+1 555 0101', '+1 555 0102'], manager, 'SUSPENDED']);
  assert.ok(cli.api.passwordMatches(created.uid, 'Correct-horse-battery-1'));
  assert.equal(teamsOf(created.uid), [teamA, teamB].sort());
  const sent = writes();
  assert.equal(sent[0]?.bodyFields?.slice().sort(), ['fullName', 'login', 'manager', 'password', 'phones', 'status']);
  assert.equal(sent.slice(1).map((e) => `${e.method} ${e.path}`).sort(), [`POST /api/v2/teams/${teamA}/members`, `POST /api/v2/teams/${teamB}/members`].sort());
});

ops('create: the journal in the --state file records each step and ends as succeeded', async () => {
  const { teamA } = seedBasics();
  const attrs = cli.writeJson('joe.json', { __NAME__: 'joe', fullName: 'Joe', __PASSWORD__: 'Correct-horse-battery-2', teams: [teamA] });
  const result = await cli.run('create', ['--class', 'account', '--attrs', attrs]);
  assert.is(result.code, 0, result.stderr);
  const state = openStateStore(cli.stateFile);
  try {
    const [entry, ...others] = state.listJournals({ operation: 'create' });
    assert.is(others.length, 0);
    assert.equal([entry?.name, entry?.uid, entry?.outcome], ['joe', stdoutJson(result).uid, 'succeeded']);
    assert.equal(entry?.steps.map((s) => `${s.id} ${s.status}`), ['create done', `teams.add:${teamA} done`]);
  } finally {
    state.close();
  }
});

ops('create: an existing login exits 1 with AlreadyExists and creates nothing', async () => {
  const attrs = cli.writeJson('dup.json', { __NAME__: 'dup', fullName: 'First', __PASSWORD__: 'Correct-horse-battery-3' });
  assert.is((await cli.run('create', ['--class', 'account', '--attrs', attrs])).code, 0);
  const again = cli.writeJson('dup2.json', { __NAME__: 'DUP', fullName: 'Second', __PASSWORD__: 'Correct-horse-battery-3' });
  const result = await cli.run('create', ['--class', 'account', '--attrs', again]);
  assert.is(result.code, 1);
  assert.is(result.stdout, '');
  const error = stderrJson(result);
  assert.equal([error.kind, error.status, error.targetCode, error.name], ['AlreadyExists', 409, 'LOGIN_TAKEN', 'DUP']);
  assert.equal(cli.api.state().accounts.map((a) => a.fullName), ['First']);
});

ops('get: the object with status as __ENABLE__ and teams read from /accounts/{id}/teams', async () => {
  const { manager, teamA, teamB } = seedBasics();
  const attrs = cli.writeJson('get.json', { __NAME__: 'reader', fullName: 'Rea Der', __PASSWORD__: 'Correct-horse-battery-4', manager, __ENABLE__: false, teams: [teamB, teamA] });
  const uid = stdoutJson((await cli.run('create', ['--class', 'account', '--attrs', attrs]))).uid as string;
  cli.api.clearLog();

  const result = await cli.run('get', ['--class', 'account', '--uid', uid]);
  assert.is(result.code, 0, result.stderr);
  const object = stdoutJson(result);
  assert.equal(
    [object.__UID__, object.__NAME__, object.__ENABLE__, object.status, object.manager, object.fullName, object.phones],
    [uid, 'reader', false, 'SUSPENDED', manager, 'Rea Der', []],
  );
  // Members in the order the team listing gives them; both teams, nothing else.
  assert.equal((object.teams as string[]).slice().sort(), [teamA, teamB].sort());
  assert.is('password' in object, false);
  assert.equal(apiRequests().sort(), [`GET /api/v2/accounts/${uid}`, `GET /api/v2/accounts/${uid}/teams?offset=0&limit=200`].sort());
});

ops('get: a missing uid exits 1 with UnknownUid naming the uid', async () => {
  const result = await cli.run('get', ['--class', 'account', '--uid', 'acc_missing00000']);
  assert.is(result.code, 1);
  assert.is(result.stdout, '');
  const error = stderrJson(result);
  assert.equal([error.kind, error.uid, error.status, error.objectClass], ['UnknownUid', 'acc_missing00000', 404, 'account']);
});

ops('update: only the changed attribute is in the PATCH body', async () => {
  const { other } = seedBasics();
  const before = account(other);
  const attrs = cli.writeJson('update.json', { fullName: before.fullName, title: 'Principal Engineer', phones: before.phones, department: before.department });
  const result = await cli.run('update', ['--class', 'account', '--uid', other, '--attrs', attrs]);
  assert.is(result.code, 0, result.stderr);
  assert.equal(stdoutJson(result).steps, [{ id: 'update', label: 'account.update', status: 'done' }]);
  const patches = writes();
  assert.equal(patches.map((e) => `${e.method} ${e.path}`), [`PATCH /api/v2/accounts/${other}`]);
  assert.equal(patches[0]?.bodyFields, ['title']);
  assert.equal([account(other).title, account(other).fullName], ['Principal Engineer', before.fullName]);
});

ops('update: repeating the same update sends no write at all', async () => {
  const { other } = seedBasics();
  const attrs = cli.writeJson('same.json', { title: 'Staff Engineer', phones: ['+47 1'] });
  assert.is((await cli.run('update', ['--class', 'account', '--uid', other, '--attrs', attrs])).code, 0);
  cli.api.clearLog();
  const updatedAt = account(other).updatedAt;

  const result = await cli.run('update', ['--class', 'account', '--uid', other, '--attrs', attrs]);
  assert.is(result.code, 0, result.stderr);
  assert.equal(stdoutJson(result).steps, []);
  assert.equal(writes(), []);
  assert.equal(apiRequests(), [`GET /api/v2/accounts/${other}`]);
  assert.is(account(other).updatedAt, updatedAt);
});

ops('update: null clears an attribute; teams become an add/remove diff', async () => {
  const { manager, teamA, teamB } = seedBasics();
  const attrs = cli.writeJson('diff0.json', { __NAME__: 'mover', fullName: 'Mo Ver', __PASSWORD__: 'Correct-horse-battery-5', manager, teams: [teamA] });
  const uid = stdoutJson((await cli.run('create', ['--class', 'account', '--attrs', attrs]))).uid as string;
  cli.api.clearLog();

  const change = cli.writeJson('diff1.json', { manager: null, teams: [teamB] });
  const result = await cli.run('update', ['--class', 'account', '--uid', uid, '--attrs', change]);
  assert.is(result.code, 0, result.stderr);
  assert.equal(account(uid).manager, null);
  assert.equal(teamsOf(uid), [teamB]);
  assert.equal(writes().map((e) => `${e.method} ${e.path}`).sort(), [
    `DELETE /api/v2/teams/${teamA}/members/${uid}`,
    `PATCH /api/v2/accounts/${uid}`,
    `POST /api/v2/teams/${teamB}/members`,
  ]);
});

ops('update: a missing uid exits 1 with UnknownUid and writes nothing', async () => {
  const attrs = cli.writeJson('ghost.json', { title: 'Ghost' });
  const result = await cli.run('update', ['--class', 'account', '--uid', 'acc_missing00000', '--attrs', attrs]);
  assert.is(result.code, 1);
  assert.is(stderrJson(result).kind, 'UnknownUid');
  assert.equal(writes(), []);
});

ops('add-values: teams through the member endpoint, phones appended by one PATCH', async () => {
  const { other, teamA } = seedBasics();
  const attrs = cli.writeJson('add.json', { teams: [teamA], phones: ['+1-555-extra'] });
  const result = await cli.run('add-values', ['--class', 'account', '--uid', other, '--attrs', attrs]);
  assert.is(result.code, 0, result.stderr);
  assert.equal(teamsOf(other), [teamA]);
  assert.equal(account(other).phones, ['+1-555-00002', '+1-555-extra']);
  const sent = writes();
  assert.equal(sent.map((e) => `${e.method} ${e.path}`).sort(), [`PATCH /api/v2/accounts/${other}`, `POST /api/v2/teams/${teamA}/members`]);
  assert.equal(sent.find((e) => e.method === 'PATCH')?.bodyFields, ['phones']);
});

ops('remove-values: teams through DELETE members/{id}, phones filtered by one PATCH', async () => {
  const { other, teamA, teamB } = seedBasics();
  const add = cli.writeJson('add2.json', { teams: [teamA, teamB], phones: ['+1-555-extra'] });
  assert.is((await cli.run('add-values', ['--class', 'account', '--uid', other, '--attrs', add])).code, 0);
  cli.api.clearLog();

  const remove = cli.writeJson('remove.json', { teams: [teamA], phones: ['+1-555-00002'] });
  const result = await cli.run('remove-values', ['--class', 'account', '--uid', other, '--attrs', remove]);
  assert.is(result.code, 0, result.stderr);
  assert.equal(teamsOf(other), [teamB]);
  assert.equal(account(other).phones, ['+1-555-extra']);
  assert.equal(writes().map((e) => `${e.method} ${e.path}`).sort(), [`DELETE /api/v2/teams/${teamA}/members/${other}`, `PATCH /api/v2/accounts/${other}`]);
});

ops('disable and enable: the dedicated suspend and activate endpoints, no PATCH', async () => {
  const { other } = seedBasics();
  const disabled = await cli.run('disable', ['--class', 'account', '--uid', other]);
  assert.is(disabled.code, 0, disabled.stderr);
  assert.is(account(other).status, 'SUSPENDED');
  const enabled = await cli.run('enable', ['--class', 'account', '--uid', other]);
  assert.is(enabled.code, 0, enabled.stderr);
  assert.is(account(other).status, 'ACTIVE');
  assert.equal(writes().map((e) => `${e.method} ${e.path} ${JSON.stringify(e.bodyFields)}`), [
    `POST /api/v2/accounts/${other}/suspend null`,
    `POST /api/v2/accounts/${other}/activate null`,
  ]);
});

ops('set-password: PUT /password with newPassword; the new password works', async () => {
  const { other } = seedBasics();
  const attrs = cli.writeJson('pw.json', { __PASSWORD__: 'A-much-better-passw0rd' });
  const result = await cli.run('set-password', ['--class', 'account', '--uid', other, '--attrs', attrs]);
  assert.is(result.code, 0, result.stderr);
  assert.ok(cli.api.passwordMatches(other, 'A-much-better-passw0rd'));
  assert.equal(writes().map((e) => `${e.method} ${e.path} ${JSON.stringify(e.bodyFields)}`), [`PUT /api/v2/accounts/${other}/password ["newPassword"]`]);
});

ops('set-password: a weak password exits 1 with InvalidAttributeValue naming the field', async () => {
  const { other } = seedBasics();
  const attrs = cli.writeJson('weak.json', { __PASSWORD__: 'short' });
  const result = await cli.run('set-password', ['--class', 'account', '--uid', other, '--attrs', attrs]);
  assert.is(result.code, 1);
  assert.is(result.stdout, '');
  const error = stderrJson(result);
  assert.equal([error.kind, error.field, error.targetCode, error.uid], ['InvalidAttributeValue', 'password', 'WEAK_PASSWORD', other]);
  assert.match(String(error.message), /use at least 8 characters/);
  assert.ok(cli.api.passwordMatches(other, 'Seeded-password-00002'));
});

ops('delete: 204, the account is gone and listed as deleted', async () => {
  const { other } = seedBasics();
  const result = await cli.run('delete', ['--class', 'account', '--uid', other]);
  assert.is(result.code, 0, result.stderr);
  assert.equal(stdoutJson(result).steps, [{ id: 'delete', label: 'account.delete', status: 'done' }]);
  const state = cli.api.state();
  assert.equal(state.accounts.map((a) => a.login), ['user.00001']);
  assert.equal(state.deletedAccounts.map((d) => d.accountId), [other]);
});

ops('delete: a missing uid exits 1 with UnknownUid', async () => {
  const result = await cli.run('delete', ['--class', 'account', '--uid', 'acc_missing00000']);
  assert.is(result.code, 1);
  assert.equal([stderrJson(result).kind, stderrJson(result).uid], ['UnknownUid', 'acc_missing00000']);
});

ops('teams: the BATCH members attribute adds every account in one request', async () => {
  const { manager, other, teamA } = seedBasics();
  const attrs = cli.writeJson('members.json', { members: [manager, other] });
  const result = await cli.run('add-values', ['--class', 'team', '--uid', teamA, '--attrs', attrs]);
  assert.is(result.code, 0, result.stderr);
  assert.equal(writes().map((e) => `${e.method} ${e.path} ${JSON.stringify(e.bodyFields)}`), [`POST /api/v2/teams/${teamA}/members ["accountIds"]`]);
  const members = cli.api.state().memberships.filter((m) => m.teamId === teamA).map((m) => m.accountId);
  assert.equal(members, [manager, other]);
});

ops.run();
