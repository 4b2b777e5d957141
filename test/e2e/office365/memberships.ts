// OIM child-table and manager functions through the CLI: create with manager, groups, a role
// and a license in one command; set, change and clear the manager; add, update and remove
// group, role and license rows (a role activated from its template; a license with disabled
// plans); dynamic groups left alone; many members in one command go through $batch.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { roleTemplateIds, skuCatalog, type AdminGroup } from '../../../fixtures/graph/index.js';
import { graphFaultMode, ok, startGraphCli, type GraphCli, type GraphFaultMode } from '../../support/graph-cli.js';
import { assertConformingTraffic } from '../../support/graph-traffic.js';

interface Context {
  cli: GraphCli;
  uid: string;
  managers: string[];
  groups: string[];
  engineers: string;
  userAdministrator: string;
}

const teams = skuCatalog.enterprisePack.servicePlans.find((plan) => plan.servicePlanName === 'TEAMS1')!.servicePlanId;
/** Groups Administrator: a built-in role the seeded tenant has not activated. */
const groupsAdministratorTemplate = 'fdd7a751-b60b-444a-984c-02652fe8fa1c';

const isStatic = (group: AdminGroup): boolean => Array.isArray(group['groupTypes']) && (group['groupTypes'] as string[]).length === 0;
const licensesOf = (cli: GraphCli, uid: string): unknown => cli.fake.user(uid)!['assignedLicenses'];
const batchEnvelopes = (cli: GraphCli) => cli.fake.requestLog().filter((e) => e.kind === 'graph' && e.method === 'POST' && e.url.endsWith('/$batch'));

export function membershipSuite(requested: GraphFaultMode): void {
  const mode = graphFaultMode(requested);
  const test = suite<Context>(`office365 memberships (${mode})`, { cli: undefined as never, uid: '', managers: [], groups: [], engineers: '', userAdministrator: '' });

  test.before(async (context) => {
    const cli = await startGraphCli({ mode });
    context.cli = cli;
    const users = cli.fake.users();
    context.managers = [users[2]!.id, users[3]!.id];
    context.groups = cli.fake.groups().filter(isStatic).slice(0, 3).map((g) => g.id);
    context.engineers = cli.fake.groups().find((g) => g['displayName'] === 'Engineers')!.id;
    context.userAdministrator = cli.fake.directoryRoles().find((r) => r['roleTemplateId'] === roleTemplateIds.userAdministrator)!.id;
  });
  test.after(async ({ cli }) => {
    await cli.close();
  });

  test('create: manager, groups, a role and a license with a disabled plan in one command; follow-ups go through $batch', async (context) => {
    const { cli, managers, groups, userAdministrator } = context;
    cli.fake.clearRequestLog();
    const attrs = cli.writeJson('dana.json', {
      __NAME__: `dana.kowalczyk@${cli.fake.domain}`,
      __PASSWORD__: 'Pr0vision-Me!2024',
      displayName: 'Dana Kowalczyk',
      department: 'Engineering',
      usageLocation: 'DE',
      manager: managers[0],
      groups: [groups[0], groups[1]],
      roles: [userAdministrator],
      licenses: [{ skuId: skuCatalog.enterprisePack.skuId, disabledPlans: [teams] }],
    });
    const created = ok<{ uid: string; status: string; steps: Array<{ id: string; status: string }> }>(await cli.run('create', ['--class', 'user', '--attrs', attrs]));
    assert.is(created.status, 'success');
    assert.is(created.steps.length, 6, 'create + manager + 2 groups + role + license');
    context.uid = created.uid;
    const user = cli.fake.user(created.uid)!;
    assert.is(user.managerId, managers[0]);
    assert.equal(user['assignedLicenses'], [{ disabledPlans: [teams], skuId: skuCatalog.enterprisePack.skuId }]);
    const memberships = cli.fake.memberships(created.uid);
    assert.ok(groups.slice(0, 2).every((g) => memberships.groups.includes(g)), 'member of both groups');
    assert.ok(memberships.groups.includes(context.engineers), 'the dynamic group took the user in by department');
    assert.equal(memberships.directoryRoles, [userAdministrator]);
    const items = batchEnvelopes(cli).flatMap((e) => ((e.body as { requests: Array<{ method: string; url: string }> }).requests));
    assert.ok(items.some((i) => i.method === 'PUT' && i.url.endsWith('/manager/$ref')), 'the manager travelled in a $batch');
    assert.ok(items.some((i) => i.url.endsWith('/assignLicense')), 'the license travelled in a $batch');
  });

  test('get: manager, direct groups without the dynamic one, roles and licenses', async ({ cli, uid, managers, groups, engineers, userAdministrator }) => {
    const object = ok<Record<string, unknown>>(await cli.run('get', ['--class', 'user', '--uid', uid]));
    assert.is(object['manager'], managers[0]);
    assert.equal([...(object['groups'] as string[])].sort(), [groups[0], groups[1]].sort());
    assert.not.ok((object['groups'] as string[]).includes(engineers), 'dynamic memberships are not reported');
    assert.equal(object['roles'], [userAdministrator]);
    assert.equal(object['licenses'], [skuCatalog.enterprisePack.skuId]);
    assert.equal(object['assignedLicenses'], [{ disabledPlans: [teams], skuId: skuCatalog.enterprisePack.skuId }]);
  });

  test('roles: a template that is not activated yet is activated, then assigned', async ({ cli, uid }) => {
    assert.not.ok(cli.fake.directoryRoles().some((r) => r['roleTemplateId'] === groupsAdministratorTemplate), 'not activated before');
    const attrs = cli.writeJson('template.json', { roles: [groupsAdministratorTemplate] });
    const result = ok<{ steps: Array<{ status: string }> }>(await cli.run('add-values', ['--class', 'user', '--uid', uid, '--attrs', attrs]));
    assert.equal(result.steps.map((s) => s.status), ['done']);
    const role = cli.fake.directoryRoles().find((r) => r['roleTemplateId'] === groupsAdministratorTemplate);
    assert.ok(role, 'the role was activated from its template');
    assert.equal(role!.members, [uid]);
  });

  test('create, then at once add a group and set the manager in separate commands (replication lag)', async ({ cli, managers, groups }) => {
    const attrs = cli.writeJson('lee.json', { __NAME__: `lee.zhang@${cli.fake.domain}`, __PASSWORD__: 'Pr0vision-Me!2024', displayName: 'Lee Zhang' });
    const { uid } = ok<{ uid: string }>(await cli.run('create', ['--class', 'user', '--attrs', attrs]));
    ok(await cli.run('add-values', ['--class', 'user', '--uid', uid, '--attrs', cli.writeJson('lee-groups.json', { groups: [groups[2]] })]));
    ok(await cli.run('update', ['--class', 'user', '--uid', uid, '--attrs', cli.writeJson('lee-manager.json', { manager: managers[1] })]));
    assert.equal(cli.fake.memberships(uid).groups, [groups[2]]);
    assert.is(cli.fake.user(uid)!.managerId, managers[1]);
  });

  test('manager: change, clear, set again and remove (set/change/clear manager)', async ({ cli, uid, managers }) => {
    ok(await cli.run('update', ['--class', 'user', '--uid', uid, '--attrs', cli.writeJson('m1.json', { manager: managers[1] })]));
    assert.is(cli.fake.user(uid)!.managerId, managers[1]);
    ok(await cli.run('update', ['--class', 'user', '--uid', uid, '--attrs', cli.writeJson('m2.json', { manager: null })]));
    assert.is(cli.fake.user(uid)!.managerId, null);
    ok(await cli.run('add-values', ['--class', 'user', '--uid', uid, '--attrs', cli.writeJson('m3.json', { manager: managers[0] })]));
    assert.is(cli.fake.user(uid)!.managerId, managers[0]);
    ok(await cli.run('remove-values', ['--class', 'user', '--uid', uid, '--attrs', cli.writeJson('m4.json', { manager: managers[0] })]));
    assert.is(cli.fake.user(uid)!.managerId, null);
  });

  test('groups: an update replaces a row (remove one, add one) and never touches the dynamic group', async ({ cli, uid, groups, engineers }) => {
    cli.fake.clearRequestLog();
    ok(await cli.run('update', ['--class', 'user', '--uid', uid, '--attrs', cli.writeJson('g.json', { groups: [groups[1], groups[2]] })]));
    assert.equal([...cli.fake.memberships(uid).groups].sort(), [groups[1], groups[2], engineers].sort());
    const deletes = cli.fake.requestLog().filter((e) => e.method === 'DELETE');
    assert.equal(deletes.map((e) => new URL(e.url).pathname.split('/')[3]), [groups[0]], 'only the dropped group is removed');
    ok(await cli.run('remove-values', ['--class', 'user', '--uid', uid, '--attrs', cli.writeJson('g2.json', { groups: [groups[1]] })]));
    assert.equal([...cli.fake.memberships(uid).groups].sort(), [groups[2], engineers].sort());
  });

  test('licenses: add a second one, change the disabled plans of the first, remove the second', async ({ cli, uid }) => {
    ok(await cli.run('add-values', ['--class', 'user', '--uid', uid, '--attrs', cli.writeJson('l1.json', { licenses: [skuCatalog.ems.skuId] })]));
    assert.equal(licensesOf(cli, uid), [
      { disabledPlans: [teams], skuId: skuCatalog.enterprisePack.skuId },
      { disabledPlans: [], skuId: skuCatalog.ems.skuId },
    ]);
    ok(await cli.run('add-values', ['--class', 'user', '--uid', uid, '--attrs', cli.writeJson('l2.json', { licenses: [{ skuId: skuCatalog.enterprisePack.skuId, disabledPlans: [] }] })]));
    ok(await cli.run('remove-values', ['--class', 'user', '--uid', uid, '--attrs', cli.writeJson('l3.json', { licenses: [skuCatalog.ems.skuId] })]));
    assert.equal(licensesOf(cli, uid), [{ disabledPlans: [], skuId: skuCatalog.enterprisePack.skuId }]);
  });

  test('roles: an update that drops a role takes it away', async ({ cli, uid, userAdministrator }) => {
    const groupsAdministrator = cli.fake.directoryRoles().find((r) => r['roleTemplateId'] === groupsAdministratorTemplate)!.id;
    ok(await cli.run('update', ['--class', 'user', '--uid', uid, '--attrs', cli.writeJson('r.json', { roles: [groupsAdministrator] })]));
    assert.equal(cli.fake.memberships(uid).directoryRoles, [groupsAdministrator]);
    assert.not.ok(cli.fake.directoryRoles().find((r) => r.id === userAdministrator)!.members.includes(uid));
  });

  test('many members in one command: the adds travel in $batch envelopes of at most 20', async ({ cli, groups }) => {
    const group = groups[2]!;
    const before = cli.fake.group(group)!.members;
    const newcomers = cli.fake.users().map((u) => u.id).filter((id) => !before.includes(id)).slice(0, 30);
    cli.fake.clearRequestLog();
    const result = ok<{ steps: unknown[] }>(await cli.run('add-values', ['--class', 'group', '--uid', group, '--attrs', cli.writeJson('members.json', { members: newcomers }), '--concurrency', '32']));
    assert.is(result.steps.length, 30);
    const members = cli.fake.group(group)!.members;
    assert.ok(newcomers.every((id) => members.includes(id)), 'all 30 are members');
    const sizes = batchEnvelopes(cli).map((e) => (e.body as { requests: unknown[] }).requests.length);
    assert.ok(sizes.length >= 2 && sizes.every((n) => n <= 20), `batches of at most 20: ${JSON.stringify(sizes)}`);
    assert.ok(sizes.reduce((a, b) => a + b, 0) >= 30, 'every add went through $batch');
  });

  test('traffic: every request conforms to Graph v1.0 and honors Retry-After', ({ cli }) => {
    assertConformingTraffic(cli.fake, mode);
  });

  test.run();
}
