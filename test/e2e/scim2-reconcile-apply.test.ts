// definitions/scim2 with the same CLI commands as Office 365 beyond run and search:
// `connector reconcile` (trusted and target mode, full and incremental by meta.lastModified,
// deletions by snapshot) and `connector apply` (a provisioning policy) against the SCIM server.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { ScimRecord } from '../../fixtures/scim/index.js';
import { startScimCli, stdoutLines, type ScimCli } from '../support/scim-cli.js';

const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

const flows = suite('scim2: reconcile and apply through the CLI');
let cli: ScimCli;

flows.before(async () => {
  cli = await startScimCli();
});
flows.before.each(() => {
  cli.server.reset();
  cli.freshState();
});
flows.after(() => cli.close());

interface ReconEvent {
  event: string;
  uid: string;
  name: string;
  attributes?: Record<string, unknown>;
}

async function reconcile(args: readonly string[]): Promise<ReconEvent[]> {
  const result = await cli.command('reconcile', ['--class', 'user', ...args]);
  assert.is(result.code, 0, result.stderr);
  return stdoutLines<ReconEvent>(result);
}

function storedUser(userName: string): ScimRecord {
  const found = cli.server.state().users.find((u) => u['userName'] === userName);
  if (!found) throw new Error(`no user ${userName} on the server`);
  return found;
}

async function seed(): Promise<{ ann: string; bob: string; staff: string }> {
  const ann = await cli.post('/Users', {
    userName: 'ann',
    name: { givenName: 'Ann', familyName: 'Smith' },
    emails: [{ type: 'work', value: 'ann@work.example' }],
    active: true,
    [enterprise]: { department: 'Sales' },
  });
  const bob = await cli.post('/Users', { userName: 'bob', active: false });
  const staff = await cli.post('/Groups', { displayName: 'Staff', members: [{ value: ann }] });
  return { ann, bob, staff };
}

flows('reconcile --trusted creates identities from the trusted map; a target run then links the accounts', async () => {
  const { ann, staff } = await seed();
  const trusted = await reconcile(['--trusted']);
  assert.equal(trusted.map((e) => `${e.event} ${e.name}`), ['create ann', 'create bob']);
  assert.equal(trusted[0]!.attributes, {
    'User Login': 'ann',
    Status: 'Active',
    'First Name': 'Ann',
    'Last Name': 'Smith',
    Email: 'ann@work.example',
    Title: null,
    Department: 'Sales',
    'Employee Number': null,
  });
  assert.is(trusted[1]!.attributes!.Status, 'Disabled');
  const target = await reconcile([]);
  assert.equal(target.map((e) => `${e.event} ${e.name}`), ['link ann', 'link bob']);
  assert.is(target[0]!.uid, ann);
  assert.equal(target[0]!.attributes!['Groups~Group Name[Lookup]'], [staff]);
});

flows('reconcile --mode incremental asks for meta.lastModified gt the watermark and reports only the change; a full run reports a deleted user', async () => {
  const { bob } = await seed();
  await reconcile(['--trusted']);
  await reconcile([]);
  const first = await reconcile(['--mode', 'incremental']);
  assert.equal(first, [], 'the first incremental round only sets the watermark');
  const update = await cli.run('update', ['--class', 'user', '--uid', storedUser('ann').id, '--attrs', cli.writeJson('title.json', { title: 'Lead' })]);
  assert.is(update.code, 0, update.stderr);
  const before = cli.server.log().length;
  const changes = await reconcile(['--mode', 'incremental']);
  assert.equal(changes.map((e) => [e.event, e.name, e.attributes]), [['update', 'ann', { Title: 'Lead' }]]);
  const filter = new URL(cli.server.log()[before]!.url, 'https://x').searchParams.get('filter');
  assert.match(filter ?? '', /^meta\.lastModified gt "\d{4}-\d\d-\d\dT[\d:.]+Z"$/);
  const removed = await cli.run('delete', ['--class', 'user', '--uid', bob]);
  assert.is(removed.code, 0, removed.stderr);
  const full = await reconcile([]);
  assert.equal(full.map((e) => `${e.event} ${e.name}`), ['delete bob']);
});

flows('apply: a policy creates, updates and disables SCIM users, with the work email, department and groups; a second run changes nothing', async () => {
  await seed();
  const policy = cli.writeJson('policy.json', {
    objectClass: 'user',
    identityKey: 'uid',
    name: { claim: 'username' },
    roleBased: { provisioningRoles: ['scimUser'], roleClaim: 'roles' },
    deprovision: { action: 'disable' },
    attributes: {
      displayName: { claim: 'displayName' },
      'name.givenName': { claim: 'givenName' },
      'name.familyName': { claim: 'sn' },
    },
    createOnly: { __PASSWORD__: { generate: 'password' } },
    specialAttributes: {
      email: { values: [{ claim: 'email' }] },
      department: { values: [{ claim: 'department' }] },
      groups: { values: [{ claim: 'groups', separator: ';' }], by: 'name' },
    },
  });
  const identities = (carolRoles: string) =>
    cli.writeJson('identities.json', [
      { uid: '1', username: 'carol', displayName: 'Carol C', givenName: 'Carol', sn: 'C', email: 'carol@work.example', department: 'R&D', groups: 'Staff', roles: carolRoles },
      { uid: '2', username: 'ann', displayName: 'Ann Smith', givenName: 'Ann', sn: 'Smith', email: 'ann@new.example', department: 'Sales', groups: '', roles: 'scimUser' },
    ]);
  const apply = (extra: readonly string[] = []) => cli.command('apply', ['--identities', identities('scimUser'), '--policy', policy, '--json', ...extra]);

  const dryRun = await apply(['--dry-run']);
  assert.is(dryRun.code, 0, dryRun.stderr);
  assert.equal(stdoutLines(dryRun).map((p) => p.action), ['create', 'update']);
  assert.equal(cli.server.state().users.map((u) => u['userName']), ['ann', 'bob']);

  const applied = await apply();
  assert.is(applied.code, 0, applied.stderr);
  const carol = storedUser('carol');
  assert.equal(carol['name'], { givenName: 'Carol', familyName: 'C' });
  assert.equal(carol['emails'], [{ value: 'carol@work.example', type: 'work', primary: true }]);
  assert.equal(carol[enterprise], { department: 'R&D' });
  assert.type(carol['password'], 'string');
  const staff = cli.server.state().groups[0]!;
  assert.equal((staff['members'] as Array<{ value: string }>).map((m) => m.value), [carol.id]);
  assert.equal(storedUser('ann')['emails'], [{ value: 'ann@new.example', type: 'work', primary: true }]);

  const again = await apply();
  assert.is(again.code, 0, again.stderr);
  assert.equal(stdoutLines(again).map((o) => o.outcome), ['unchanged', 'unchanged']);

  const revoked = await cli.command('apply', ['--identities', identities('other'), '--policy', policy, '--json']);
  assert.is(revoked.code, 0, revoked.stderr);
  assert.is(storedUser('carol')['active'], false);
});

flows.run();
