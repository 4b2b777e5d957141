// definitions/scim2 groups and memberships against the SCIM fixture server through the CLI:
// members written with PatchOps from the group side and from the user side.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { startScimCli, stderrJson, stdoutJson, type ScimCli } from '../support/scim-cli.js';

const patchOp = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

const groups = suite('scim2: groups and memberships through the CLI');
let cli: ScimCli;

groups.before(async () => {
  cli = await startScimCli();
});
groups.before.each(() => {
  cli.server.reset();
  cli.auth = 'bearer';
  cli.freshState();
});
groups.after(() => cli.close());

interface WriteResult {
  uid: string;
  steps: Array<{ id: string; status: string }>;
}

async function create(objectClass: string, attrs: Record<string, unknown>): Promise<string> {
  const result = await cli.run('create', ['--class', objectClass, '--attrs', cli.writeJson('create.json', attrs)]);
  assert.is(result.code, 0, result.stderr);
  return stdoutJson<WriteResult>(result).uid;
}

async function run(operation: string, objectClass: string, uid: string, attrs?: Record<string, unknown>): Promise<WriteResult> {
  const args = ['--class', objectClass, '--uid', uid, ...(attrs ? ['--attrs', cli.writeJson(`${operation}.json`, attrs)] : [])];
  const result = await cli.run(operation, args);
  assert.is(result.code, 0, result.stderr);
  return stdoutJson<WriteResult>(result);
}

function membersOf(groupId: string): string[] {
  const group = cli.server.state().groups.find((g) => g.id === groupId);
  const members = (group?.['members'] ?? []) as Array<{ value: string }>;
  return members.map((m) => m.value).sort();
}

function patches(): unknown[] {
  return cli.server.log().filter((e) => e.method === 'PATCH').map((e) => e.body);
}

groups('create: a group with members is a POST and one PatchOp add with every member', async () => {
  const ann = await create('user', { __NAME__: 'ann' });
  const bob = await create('user', { __NAME__: 'bob' });
  const before = cli.server.log().length;
  const result = await cli.run('create', ['--class', '__GROUP__', '--attrs', cli.writeJson('g.json', { __NAME__: 'Engineering', externalId: 'ENG', members: [ann, bob] })]);
  assert.is(result.code, 0, result.stderr);
  const created = stdoutJson<WriteResult>(result);
  assert.equal(created.steps.map((s) => `${s.id} ${s.status}`), ['create done', 'members.add done']);
  assert.equal(membersOf(created.uid), [ann, bob].sort());
  const sent = cli.server.log().slice(before);
  assert.equal(sent.map((e) => `${e.method} ${e.status}`), ['POST 201', 'PATCH 200']);
  assert.equal(sent[1]!.body, { schemas: [patchOp], Operations: [{ op: 'add', path: 'members', value: [{ value: ann }, { value: bob }] }] });
});

groups('get: members are read from the group; a user lists its groups', async () => {
  const ann = await create('user', { __NAME__: 'ann' });
  const group = await create('group', { __NAME__: 'Ops', members: [ann] });
  const readGroup = await cli.run('get', ['--class', 'group', '--uid', group]);
  assert.is(readGroup.code, 0, readGroup.stderr);
  assert.equal(stdoutJson(readGroup).members, [ann]);
  assert.is(stdoutJson(readGroup).__NAME__, 'Ops');
  const readUser = await cli.run('get', ['--class', 'user', '--uid', ann]);
  assert.equal(stdoutJson(readUser).groups, [group]);
  // Both reads are one GET each: the values come from the objects themselves.
  assert.equal(cli.server.log().slice(-2).map((e) => e.method), ['GET', 'GET']);
});

groups('add-values and remove-values on a group: one PatchOp add, then one remove per member', async () => {
  const [ann, bob, cyd] = [await create('user', { __NAME__: 'ann' }), await create('user', { __NAME__: 'bob' }), await create('user', { __NAME__: 'cyd' })];
  const group = await create('group', { __NAME__: 'Sales' });
  await run('add-values', 'group', group, { members: [ann, bob, cyd] });
  assert.equal(membersOf(group), [ann, bob, cyd].sort());
  const before = patches().length;
  await run('remove-values', 'group', group, { members: [ann, cyd] });
  assert.equal(membersOf(group), [bob]);
  assert.equal(patches().slice(before), [
    { schemas: [patchOp], Operations: [{ op: 'remove', path: `members[value eq "${ann}"]` }] },
    { schemas: [patchOp], Operations: [{ op: 'remove', path: `members[value eq "${cyd}"]` }] },
  ]);
  // Removing a member that is not one (the server answers 204) and re-adding one (204) both succeed.
  await run('remove-values', 'group', group, { members: [ann] });
  await run('add-values', 'group', group, { members: [bob] });
  assert.equal(membersOf(group), [bob]);
});

groups('add-values and remove-values on a user: the groups attribute is written on each group', async () => {
  const ann = await create('user', { __NAME__: 'ann' });
  const [red, blue] = [await create('group', { __NAME__: 'Red' }), await create('group', { __NAME__: 'Blue' })];
  const added = await run('add-values', '__ACCOUNT__', ann, { groups: [red, blue] });
  assert.equal(added.steps.map((s) => s.status), ['done', 'done']);
  assert.equal([membersOf(red), membersOf(blue)], [[ann], [ann]]);
  await run('remove-values', 'user', ann, { groups: [red] });
  assert.equal([membersOf(red), membersOf(blue)], [[], [ann]]);
});

groups('update: the desired groups of a user become adds and removes against what the user has', async () => {
  const ann = await create('user', { __NAME__: 'ann' });
  const [red, blue, green] = [await create('group', { __NAME__: 'Red' }), await create('group', { __NAME__: 'Blue' }), await create('group', { __NAME__: 'Green' })];
  await run('add-values', 'user', ann, { groups: [red, blue] });
  const updated = await run('update', 'user', ann, { groups: [blue, green] });
  assert.equal(updated.steps.map((s) => s.id).sort(), [`groups.add:${green}`, `groups.remove:${red}`].sort());
  assert.equal([membersOf(red), membersOf(blue), membersOf(green)], [[], [ann], [ann]]);
});

groups('update and delete a group; nested group members are neither shown nor removed', async () => {
  const ann = await create('user', { __NAME__: 'ann' });
  const inner = await create('group', { __NAME__: 'Inner' });
  const outer = await create('group', { __NAME__: 'Outer', members: [ann] });
  await run('add-values', 'group', outer, { members: [inner] });
  const read = await cli.run('get', ['--class', 'group', '--uid', outer]);
  assert.equal(stdoutJson(read).members, [ann]);
  await run('update', 'group', outer, { displayName: 'Outer Ring', members: [] });
  const stored = cli.server.state().groups.find((g) => g.id === outer)!;
  assert.is(stored['displayName'], 'Outer Ring');
  assert.equal(membersOf(outer), [inner]);
  await run('delete', 'group', outer);
  assert.equal(cli.server.state().groups.map((g) => g.id), [inner]);
});

groups('errors: adding a member that does not exist is InvalidAttributeValue (400 invalidValue)', async () => {
  const group = await create('group', { __NAME__: 'Empty' });
  const result = await cli.run('add-values', ['--class', 'group', '--uid', group, '--attrs', cli.writeJson('bad.json', { members: ['no-such-user'] })]);
  assert.is(result.code, 1);
  const error = stderrJson(result);
  assert.is(error.kind, 'InvalidAttributeValue');
  assert.match(String(error.message), /neither a User nor a Group/);
});

groups.run();
