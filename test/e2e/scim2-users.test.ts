// definitions/scim2 against a real SCIM 2.0 server (scimmy, fixtures/scim) through the CLI:
// every user operation, with what the server stored and received checked on its side.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { ScimRecord } from '../../fixtures/scim/index.js';
import { startScimCli, stderrJson, stdoutJson, type ScimCli } from '../support/scim-cli.js';

const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const patchOp = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

const users = suite('scim2: users through the CLI');
let cli: ScimCli;

users.before(async () => {
  cli = await startScimCli();
});
users.before.each(() => {
  cli.server.reset();
  cli.auth = 'bearer';
  cli.freshState();
});
users.after(() => cli.close());

interface WriteResult {
  uid: string;
  status: string;
  steps: Array<{ id: string; status: string }>;
}

function storedUser(uid: string): ScimRecord {
  const found = cli.server.state().users.find((u) => u.id === uid);
  if (!found) throw new Error(`no user ${uid} on the server`);
  return found;
}

/** "METHOD /path" of every request after the setup (the base path cut off). */
function requests(): string[] {
  return cli.server.log().map((e) => `${e.method} ${e.url.replace(/^\/scim\/v2/, '')}`);
}

async function create(attrs: Record<string, unknown>): Promise<WriteResult> {
  const result = await cli.run('create', ['--class', 'user', '--attrs', cli.writeJson('create.json', attrs)]);
  assert.is(result.code, 0, result.stderr);
  return stdoutJson<WriteResult>(result);
}

async function run(operation: string, uid: string, attrs?: Record<string, unknown>): Promise<WriteResult> {
  const args = ['--class', 'user', '--uid', uid, ...(attrs ? ['--attrs', cli.writeJson(`${operation}.json`, attrs)] : [])];
  const result = await cli.run(operation, args);
  assert.is(result.code, 0, result.stderr);
  return stdoutJson<WriteResult>(result);
}

users('create: core attributes in one POST, the work email, department and manager as PatchOps', async () => {
  const boss = await create({ __NAME__: 'boss', displayName: 'The Boss' });
  const created = await create({
    __NAME__: 'zoe.obrien',
    'name.givenName': 'Zoë',
    'name.familyName': "O'Brien",
    displayName: "Zoë O'Brien",
    title: 'Engineer',
    externalId: 'E-1001',
    __PASSWORD__: 'First-Passw0rd!',
    email: 'zoe@work.example',
    department: 'R&D',
    manager: boss.uid,
  });
  assert.equal(created.steps.map((s) => `${s.id} ${s.status}`), ['create done', 'email.set done', 'department.set done', 'manager.set done']);
  const stored = storedUser(created.uid);
  assert.is(stored['userName'], 'zoe.obrien');
  assert.equal(stored['name'], { givenName: 'Zoë', familyName: "O'Brien" });
  assert.is(stored['active'], true);
  assert.is(stored['password'], 'First-Passw0rd!');
  assert.equal(stored['emails'], [{ value: 'zoe@work.example', type: 'work', primary: true }]);
  assert.equal(stored[enterprise], { department: 'R&D', manager: { value: boss.uid } });
  const post = cli.server.log().find((e) => e.method === 'POST' && (e.body as Record<string, unknown>)['userName'] === 'zoe.obrien');
  assert.equal((post?.body as Record<string, unknown>)['schemas'], ['urn:ietf:params:scim:schemas:core:2.0:User']);
});

users('get: the connector object reads nested names, the work email and the enterprise extension; never the password', async () => {
  const boss = await create({ __NAME__: 'boss' });
  const created = await create({ __NAME__: 'ann', 'name.givenName': 'Ann', __PASSWORD__: 'Secret-1234', email: 'ann@work.example', department: 'Sales', manager: boss.uid });
  const result = await cli.run('get', ['--class', '__ACCOUNT__', '--uid', created.uid]);
  assert.is(result.code, 0, result.stderr);
  const object = stdoutJson(result);
  assert.is(object.__UID__, created.uid);
  assert.is(object.__NAME__, 'ann');
  assert.is(object.__ENABLE__, true);
  assert.is(object['name.givenName'], 'Ann');
  assert.is(object.email, 'ann@work.example');
  assert.is(object.department, 'Sales');
  assert.is(object.manager, boss.uid);
  assert.equal(object.groups, []);
  assert.type(object.lastModified, 'string');
  assert.not.ok('password' in object);
  assert.not.match(result.stdout, /Secret-1234/);
});

users('update: one PatchOp with a replace per changed attribute and a remove for a cleared one', async () => {
  const created = await create({ __NAME__: 'bob', title: 'Engineer', displayName: 'Bob', 'name.familyName': 'Builder' });
  const before = cli.server.log().length;
  const updated = await run('update', created.uid, { title: 'Lead', displayName: 'Bob', 'name.familyName': null, 'name.givenName': 'Robert' });
  assert.equal(updated.steps.map((s) => `${s.id} ${s.status}`), ['update done']);
  const patch = cli.server.log().slice(before).find((e) => e.method === 'PATCH');
  assert.equal(patch?.body, {
    schemas: [patchOp],
    Operations: [
      { op: 'replace', path: 'title', value: 'Lead' },
      { op: 'remove', path: 'name.familyName' },
      { op: 'replace', path: 'name.givenName', value: 'Robert' },
    ],
  });
  const stored = storedUser(created.uid);
  assert.is(stored['title'], 'Lead');
  assert.equal(stored['name'], { givenName: 'Robert' });
});

users('update: the work email is replaced without touching other emails; department and manager change and clear', async () => {
  const boss = await create({ __NAME__: 'boss' });
  const created = await create({ __NAME__: 'cyd', emails: [{ value: 'cyd@home.example', type: 'home' }], email: 'cyd@old.example', department: 'Ops', manager: boss.uid });
  await run('update', created.uid, { email: 'cyd@new.example', department: 'Platform', manager: null });
  const stored = storedUser(created.uid);
  assert.equal(stored['emails'], [
    { value: 'cyd@home.example', type: 'home' },
    { value: 'cyd@new.example', type: 'work', primary: true },
  ]);
  assert.equal(stored[enterprise], { department: 'Platform' });
  await run('update', created.uid, { email: null, department: null });
  assert.equal(storedUser(created.uid)['emails'], [{ value: 'cyd@home.example', type: 'home' }]);
  assert.is((storedUser(created.uid)[enterprise] as Record<string, unknown> | undefined)?.['department'], undefined);
});

users('update: nothing changed sends no write at all', async () => {
  const created = await create({ __NAME__: 'dee', title: 'Engineer', department: 'Ops' });
  const before = cli.server.log().length;
  const updated = await run('update', created.uid, { title: 'Engineer', department: 'Ops' });
  assert.equal(updated.steps, []);
  assert.equal(requests().slice(before), [`GET /Users/${created.uid}`]);
});

users('disable and enable: PatchOp replace of active with a JSON boolean', async () => {
  const created = await create({ __NAME__: 'eve' });
  await run('disable', created.uid);
  assert.is(storedUser(created.uid)['active'], false);
  const disable = cli.server.log().filter((e) => e.method === 'PATCH').pop();
  assert.equal(disable?.body, { schemas: [patchOp], Operations: [{ op: 'replace', path: 'active', value: false }] });
  await run('enable', created.uid);
  assert.is(storedUser(created.uid)['active'], true);
  const created2 = await create({ __NAME__: 'eve2', __ENABLE__: false });
  assert.is(storedUser(created2.uid)['active'], false);
});

users('set-password: a PatchOp the server answers 204 without a body; the password never shows', async () => {
  const created = await create({ __NAME__: 'fay', __PASSWORD__: 'Old-Passw0rd!' });
  const result = await cli.run('set-password', ['--class', 'user', '--uid', created.uid, '--attrs', cli.writeJson('pw.json', { __PASSWORD__: 'New-Passw0rd!' })]);
  assert.is(result.code, 0, result.stderr);
  assert.is(storedUser(created.uid)['password'], 'New-Passw0rd!');
  const patch = cli.server.log().filter((e) => e.method === 'PATCH').pop();
  assert.is(patch?.status, 204);
  assert.not.match(result.stdout + result.stderr, /New-Passw0rd!/);
});

users('delete: DELETE answers 204 and the user is gone; a second delete is UnknownUid', async () => {
  const created = await create({ __NAME__: 'gus' });
  await run('delete', created.uid);
  assert.equal(cli.server.state().users, []);
  const again = await cli.run('delete', ['--class', 'user', '--uid', created.uid]);
  assert.is(again.code, 1);
  assert.is(stderrJson(again).kind, 'UnknownUid');
});

users('errors: a taken userName (any case) is AlreadyExists, an unknown uid UnknownUid, a bad value InvalidAttributeValue', async () => {
  await create({ __NAME__: 'hal' });
  const taken = await cli.run('create', ['--class', 'user', '--attrs', cli.writeJson('taken.json', { __NAME__: 'HAL' })]);
  assert.is(taken.code, 1);
  const takenError = stderrJson(taken);
  assert.is(takenError.kind, 'AlreadyExists');
  assert.match(String(takenError.message), /already in use/);
  const missing = await cli.run('get', ['--class', 'user', '--uid', 'no-such-user']);
  assert.is(missing.code, 1);
  assert.is(stderrJson(missing).kind, 'UnknownUid');
  const hal = cli.server.state().users[0]!;
  const unknownGroup = await cli.run('update', ['--class', 'user', '--uid', hal.id, '--attrs', cli.writeJson('bad.json', { groups: ['no-such-group'] })]);
  assert.is(unknownGroup.code, 1);
  assert.is(stderrJson(unknownGroup).kind, 'UnknownUid');
  const badFilter = await cli.search('user', ['--raw-filter', 'userName xx "hal"', '--json']);
  assert.is(badFilter.code, 1);
  const filterError = stderrJson(badFilter);
  assert.is(filterError.kind, 'InvalidAttributeValue');
  assert.is(filterError.field, 'filter');
});

users('basic auth: the same definition with username and password settings', async () => {
  cli.auth = 'basic';
  const created = await create({ __NAME__: 'ivy', email: 'ivy@work.example' });
  await run('disable', created.uid);
  const result = await cli.run('get', ['--class', 'user', '--uid', created.uid]);
  assert.is(result.code, 0, result.stderr);
  assert.is(stdoutJson(result).__ENABLE__, false);
  const kinds = new Set(cli.server.log().map((e) => e.authorization));
  assert.equal([...kinds], ['basic']);
});

users.run();
