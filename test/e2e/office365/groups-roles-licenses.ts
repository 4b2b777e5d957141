// OIM group functions through the CLI (create, update, delete a group, with members and
// owners; restore a Microsoft 365 group) and the read-only role and license classes.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { roleTemplateIds, skuCatalog } from '../../../fixtures/graph/index.js';
import { graphFaultMode, ok, startGraphCli, stderrJson, stdoutLines, type GraphCli, type GraphFaultMode } from '../../support/graph-cli.js';
import { assertConformingTraffic } from '../../support/graph-traffic.js';

interface Context {
  cli: GraphCli;
  users: string[];
  groupUid: string;
  unifiedUid: string;
}

export function groupsRolesLicensesSuite(requested: GraphFaultMode): void {
  const mode = graphFaultMode(requested);
  const test = suite<Context>(`office365 groups, roles, licenses (${mode})`, { cli: undefined as never, users: [], groupUid: '', unifiedUid: '' });

  test.before(async (context) => {
    context.cli = await startGraphCli({ mode });
    context.users = context.cli.fake.users().slice(4, 9).map((u) => u.id);
  });
  test.after(async ({ cli }) => {
    await cli.close();
  });

  test('create: a security group with members and owners', async (context) => {
    const { cli, users } = context;
    const attrs = cli.writeJson('group.json', { __NAME__: 'Finance Approvers', description: 'Sign off payments', members: users.slice(0, 3), owners: [users[3]] });
    const created = ok<{ uid: string; status: string }>(await cli.run('create', ['--class', '__GROUP__', '--attrs', attrs]));
    assert.is(created.status, 'success');
    context.groupUid = created.uid;
    const group = cli.fake.group(created.uid)!;
    assert.is(group['displayName'], 'Finance Approvers');
    assert.is(group['mailNickname'], 'Finance-Approvers');
    assert.is(group['securityEnabled'], true);
    assert.is(group['mailEnabled'], false);
    assert.equal([...group.members].sort(), users.slice(0, 3).sort());
    assert.equal(group.owners, [users[3]]);
  });

  test('get: members and owners', async ({ cli, groupUid, users }) => {
    const object = ok<Record<string, unknown>>(await cli.run('get', ['--class', 'group', '--uid', groupUid]));
    assert.is(object['__NAME__'], 'Finance Approvers');
    assert.equal([...(object['members'] as string[])].sort(), users.slice(0, 3).sort());
    assert.equal(object['owners'], [users[3]]);
  });

  test('update: description, members replaced by a diff, an owner added', async ({ cli, groupUid, users }) => {
    const attrs = cli.writeJson('group-update.json', { description: 'Sign off payments over 10k', members: [users[1], users[2], users[4]], owners: [users[3], users[0]] });
    ok(await cli.run('update', ['--class', 'group', '--uid', groupUid, '--attrs', attrs]));
    const group = cli.fake.group(groupUid)!;
    assert.is(group['description'], 'Sign off payments over 10k');
    assert.equal([...group.members].sort(), [users[1], users[2], users[4]].sort());
    assert.equal([...group.owners].sort(), [users[3], users[0]].sort());
  });

  test('remove-values: an owner and a member', async ({ cli, groupUid, users }) => {
    ok(await cli.run('remove-values', ['--class', 'group', '--uid', groupUid, '--attrs', cli.writeJson('group-remove.json', { owners: [users[0]], members: [users[4]] })]));
    const group = cli.fake.group(groupUid)!;
    assert.equal(group.owners, [users[3]]);
    assert.equal([...group.members].sort(), [users[1], users[2]].sort());
  });

  test('search: by name and by description (an advanced query)', async ({ cli, groupUid }) => {
    const byName = stdoutLines(await cli.search('group', ['--filter', 'startsWith(displayName, "Finance A")']));
    assert.equal(byName.map((g) => g['__UID__']), [groupUid]);
    const byDescription = stdoutLines(await cli.search('group', ['--filter', 'description eq "Sign off payments over 10k"']));
    assert.equal(byDescription.map((g) => g['__UID__']), [groupUid]);
  });

  test('Microsoft 365 group: create, delete, restore', async (context) => {
    const { cli, users } = context;
    const attrs = cli.writeJson('unified.json', {
      __NAME__: 'Équipe Café', mailNickname: 'equipe-cafe', groupTypes: ['Unified'], mailEnabled: true, securityEnabled: false, visibility: 'Private', owners: [users[0]],
    });
    const { uid } = ok<{ uid: string }>(await cli.run('create', ['--class', 'group', '--attrs', attrs]));
    context.unifiedUid = uid;
    assert.equal(cli.fake.group(uid)!['groupTypes'], ['Unified']);
    ok(await cli.run('delete', ['--class', 'group', '--uid', uid]));
    assert.is(cli.fake.group(uid), undefined);
    ok(await cli.run('restore', ['--class', 'group', '--uid', uid]));
    assert.is(cli.fake.group(uid)!['displayName'], 'Équipe Café');
  });

  test('dynamic group: created with a membership rule, Graph computes its members', async ({ cli }) => {
    const attrs = cli.writeJson('dynamic.json', {
      __NAME__: 'Sales (dynamic)', mailNickname: 'sales-dynamic', groupTypes: ['DynamicMembership'], membershipRule: '(user.department -eq "Sales")', membershipRuleProcessingState: 'On',
    });
    const { uid } = ok<{ uid: string }>(await cli.run('create', ['--class', 'group', '--attrs', attrs]));
    const sales = cli.fake.users().filter((u) => u['department'] === 'Sales').map((u) => u.id);
    assert.ok(sales.length > 0);
    assert.equal([...cli.fake.group(uid)!.members].sort(), sales.sort());
  });

  test('delete: a security group is gone', async ({ cli, groupUid }) => {
    ok(await cli.run('delete', ['--class', 'group', '--uid', groupUid]));
    assert.is(cli.fake.group(groupUid), undefined);
    const again = await cli.run('delete', ['--class', 'group', '--uid', groupUid]);
    assert.is(again.code, 1);
    assert.is(stderrJson(again)['kind'], 'UnknownUid');
  });

  test('roles: activated directory roles are listed and read with their members', async ({ cli }) => {
    const roles = stdoutLines(await cli.search('__ROLE__'));
    assert.equal(roles.map((r) => r['roleTemplateId']).sort(), Object.values(roleTemplateIds).sort());
    const helpdesk = roles.find((r) => r['roleTemplateId'] === roleTemplateIds.helpdeskAdministrator)!;
    const object = ok<Record<string, unknown>>(await cli.run('get', ['--class', 'role', '--uid', String(helpdesk['__UID__'])]));
    assert.is(object['__NAME__'], 'Helpdesk Administrator');
    assert.equal([...(object['members'] as string[])].sort(), cli.fake.directoryRoles().find((r) => r.id === helpdesk['__UID__'])!.members.sort());
  });

  test('licenses: subscribed SKUs with their service plans; get by skuId', async ({ cli }) => {
    const skus = stdoutLines(await cli.search('license'));
    assert.equal(skus.map((s) => s['__NAME__']).sort(), ['EMS', 'ENTERPRISEPACK', 'SPE_E5']);
    const e3 = ok<Record<string, unknown>>(await cli.run('get', ['--class', '__LICENSE__', '--uid', skuCatalog.enterprisePack.skuId]));
    assert.is(e3['skuPartNumber'], 'ENTERPRISEPACK');
    assert.is((e3['servicePlans'] as unknown[]).length, skuCatalog.enterprisePack.servicePlans.length);
  });

  test('roles and licenses are read-only classes', async ({ cli }) => {
    const result = await cli.run('create', ['--class', 'role', '--attrs', cli.writeJson('role.json', { displayName: 'Made Up' })]);
    assert.is(result.code, 2);
    assert.match(stderrJson(result)['message'] as string, /no create operation/);
  });

  test('traffic: every request conforms to Graph v1.0 and honors Retry-After', ({ cli }) => {
    assertConformingTraffic(cli.fake, mode);
  });

  test.run();
}
