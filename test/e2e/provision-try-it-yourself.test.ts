// The seed's "Try it yourself" (WSO2 IS Office 365 outbound provisioning) through the CLI:
// a dynamic group "Engineer" with (user.department -eq "Engineering"); Alex and John get
// office365Role and Engineering and are provisioned (UPN with the domain, immutable ID,
// display name) into Engineer; removing office365Role deletes them (soft delete), giving it
// back restores them. Then on-demand events and the audit log.
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { claim, ndjson, seedIdentity, startProvisionGraph, wso2Domain, wso2Policy, type ProvisionGraph } from '../support/provision-graph.js';

const tryIt = suite('provisioning: the WSO2 "Try it yourself" against the Graph fake');
let graph: ProvisionGraph;
let engineer: string;

const lines = <T = Record<string, unknown>>(stdout: string): T[] => stdout.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as T);

function identitiesCsv(alexRoles: string, johnRoles: string): string {
  const header = [claim.username, claim.displayName, claim.userId, claim.scimId, claim.role];
  const row = (username: string, roles: string) => {
    const identity = seedIdentity(username, roles.split(','));
    return header.map((name) => `"${identity[name]}"`).join(',');
  };
  return graph.file('identities.csv', [header.join(','), row('Alex', alexRoles), row('John', johnRoles)].join('\n') + '\n');
}

const apply = (file: string, extra: readonly string[] = []) => graph.cli('apply', ['--identities', file, '--policy', wso2Policy, ...extra]);

tryIt.before(async () => {
  graph = await startProvisionGraph();
  const attrs = graph.file('engineer.json', JSON.stringify({
    __NAME__: 'Engineer', mailEnabled: false, securityEnabled: true, mailNickname: 'engineer',
    groupTypes: ['DynamicMembership'], membershipRule: '(user.department -eq "Engineering")', membershipRuleProcessingState: 'On',
  }));
  const created = await graph.cli('run', ['create', '--class', 'group', '--attrs', attrs, '--json']);
  assert.is(created.code, 0, created.stderr);
  engineer = (JSON.parse(created.stdout) as { uid: string }).uid;
});
tryIt.after(() => graph.close());

tryIt('--dry-run prints the plan as a table and writes nothing', async () => {
  graph.fake.resetCounters();
  const result = await apply(identitiesCsv('office365Role,Engineering', 'Engineering,office365Role'), ['--dry-run']);
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stdout, /^IDENTITY\s+ACCOUNT\s+ACTION\s+CHANGES/);
  assert.match(result.stdout, /uid-alex\s+Alex@wso2\.ml\s+create\s+userPrincipalName, displayName, mailNickname, onPremisesImmutableId, department/);
  assert.match(result.stdout, /2 identities: 2 create \(dry run: nothing written\)/);
  assert.is(graph.fake.counters().writes, 0);
  assert.is(graph.fake.user(`Alex@${wso2Domain}`), undefined);
});

tryIt('Alex and John get office365Role and Engineering: created with UPN, immutable ID, display name, and in Engineer', async () => {
  const result = await apply(identitiesCsv('office365Role,Engineering', 'Engineering,office365Role'), ['--json']);
  assert.is(result.code, 0, result.stderr);
  assert.equal(lines<{ key: string; action: string; outcome: string }>(result.stdout).map((o) => `${o.key} ${o.action} ${o.outcome}`), ['uid-alex create success', 'uid-john create success']);
  for (const name of ['Alex', 'John']) {
    const user = graph.fake.user(`${name}@${wso2Domain}`)!;
    assert.ok(user, `${name} exists`);
    assert.is(user.userPrincipalName, `${name}@${wso2Domain}`);
    assert.is(user.displayName, `${name} Doe`);
    assert.is(user.mailNickname, name);
    assert.is(user.onPremisesImmutableId, Buffer.from(`scim-${name}`).toString('base64'));
    assert.is(user.department, 'Engineering');
    assert.ok(graph.fake.memberships(user.id).groups.includes(engineer), `${name} is a member of Engineer`);
  }
});

tryIt('a second apply with the same input (as NDJSON on stdin) performs zero writes; --report has the counts', async () => {
  graph.fake.resetCounters();
  const input = ndjson([seedIdentity('Alex', ['office365Role', 'Engineering']), seedIdentity('John', ['Engineering', 'office365Role'])]);
  const reportFile = `${graph.dir}/report.json`;
  const result = await graph.cli('apply', ['--identities', '-', '--policy', wso2Policy, '--report', reportFile], { input });
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stdout, /2 identities: 2 none -> 2 unchanged/);
  assert.is(graph.fake.counters().writes, 0);
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as { dryRun: boolean; counts: { outcomes: Record<string, number> }; identities: Array<{ key: string; outcome: string }> };
  assert.is(report.dryRun, false);
  assert.equal(report.counts.outcomes, { success: 0, partial: 0, failed: 0, unchanged: 2 });
  assert.equal(report.identities.map((o) => o.key), ['uid-alex', 'uid-john']);
});

tryIt('removing office365Role from Alex deletes his account (soft delete, visible in deleted items); John stays', async () => {
  const alexId = graph.fake.user(`Alex@${wso2Domain}`)!.id;
  const result = await apply(identitiesCsv('Engineering', 'Engineering,office365Role'), ['--json']);
  assert.is(result.code, 0, result.stderr);
  assert.equal(lines<{ key: string; action: string; outcome: string }>(result.stdout).map((o) => `${o.key} ${o.action} ${o.outcome}`), ['uid-alex delete success', 'uid-john none unchanged']);
  assert.is(graph.fake.user(`Alex@${wso2Domain}`), undefined);
  const deleted = graph.fake.deletedItems().find((item) => item.id === alexId);
  assert.ok(deleted, 'Alex is in deleted items');
  assert.is(deleted!.userPrincipalName, `Alex@${wso2Domain}`);
  assert.ok(graph.fake.user(`John@${wso2Domain}`));
});

tryIt('giving office365Role back restores the deleted account (same object id), still in Engineer', async () => {
  const alexId = graph.fake.deletedItems().find((item) => item.userPrincipalName === `Alex@${wso2Domain}`)!.id as string;
  const result = await apply(identitiesCsv('office365Role,Engineering', 'Engineering,office365Role'), ['--json']);
  assert.is(result.code, 0, result.stderr);
  const [alex] = lines<{ action: string; uid: string; outcome: string }>(result.stdout);
  assert.equal([alex!.action, alex!.uid, alex!.outcome], ['restore', alexId, 'success']);
  assert.is(graph.fake.user(`Alex@${wso2Domain}`)!.id, alexId);
  assert.ok(graph.fake.memberships(alexId).groups.includes(engineer));
});

tryIt('John loses Engineering but keeps office365Role: his department is cleared and Engineer drops him; back again', async () => {
  const john = graph.fake.user(`John@${wso2Domain}`)!.id;
  const dropped = await apply(identitiesCsv('office365Role,Engineering', 'office365Role'), ['--json']);
  assert.is(dropped.code, 0, dropped.stderr);
  assert.equal(lines<{ action: string; attributes?: Record<string, unknown> }>(dropped.stdout)[1], { key: 'uid-john', name: `John@${wso2Domain}`, source: `${graph.dir}/identities.csv:3`, action: 'update', uid: john, outcome: 'success', steps: [{ id: 'update', status: 'done' }] } as never);
  assert.is(graph.fake.user(john)!.department, undefined);
  assert.not.ok(graph.fake.memberships(john).groups.includes(engineer));
  const back = await apply(identitiesCsv('office365Role,Engineering', 'Engineering,office365Role'));
  assert.is(back.code, 0, back.stderr);
  assert.ok(graph.fake.memberships(john).groups.includes(engineer));
});

tryIt('provision-event applies each event at once and prints one result line per event', async () => {
  const john = seedIdentity('John', ['Engineering', 'office365Role']);
  const events = ndjson([
    { type: 'role-removed', claims: john, roles: ['office365Role'] },
    { type: 'role-assigned', claims: { ...john, [claim.role]: 'Engineering' }, role: 'office365Role' },
    { type: 'user-added', claims: seedIdentity('Maria', ['office365Role', 'Sales']) },
    { type: 'user-added', claims: { [claim.username]: 'Nobody', [claim.role]: 'office365Role' } },
    { type: 'user-deleted', claims: seedIdentity('Maria', ['office365Role']) },
    { type: 'promoted', claims: {} },
    'not json',
  ]).replace('"not json"', '{not json');
  const result = await graph.cli('provision-event', ['--policy', wso2Policy], { input: events });
  assert.is(result.code, 1, 'two events failed');
  const results = lines<{ event: number; type?: string; action?: string; outcome: string; error?: { kind: string; message: string } }>(result.stdout);
  assert.equal(results.map((r) => `${r.event} ${r.action ?? '-'} ${r.outcome}`), [
    '1 delete success',
    '2 restore success',
    '3 create success',
    '4 error failed',
    '5 delete success',
    '6 - failed',
    '7 - failed',
  ]);
  assert.match(results[3]!.error!.message, /missing mandatory claims http:\/\/wso2\.org\/claims\/displayName, http:\/\/wso2\.org\/claims\/userid/);
  assert.is(results[5]!.error!.kind, 'InvalidEvent');
  assert.ok(graph.fake.user(`John@${wso2Domain}`));
  assert.is(graph.fake.user(`Maria@${wso2Domain}`), undefined);
  assert.is(graph.fake.user(`Nobody@${wso2Domain}`), undefined);
});

tryIt('audit lists every write with who, what, when and the outcome', async () => {
  const result = await graph.cli('audit', ['--json', '--limit', '50'], { settings: false });
  assert.is(result.code, 0, result.stderr);
  const records = lines<{ operation: string; objectClass: string; name?: string; uid?: string; outcome: string; actor?: string; at: string }>(result.stdout);
  const created = records.filter((r) => r.operation === 'create' && r.objectClass === 'user').map((r) => r.name).sort();
  assert.equal(created, ['Alex@wso2.ml', 'John@wso2.ml', 'Maria@wso2.ml']);
  assert.is(records.filter((r) => r.operation === 'delete').length, 3);
  assert.is(records.filter((r) => r.operation === 'restore').length, 2);
  for (const record of records) {
    assert.ok(record.actor, 'every record names its actor');
    assert.ok(!Number.isNaN(Date.parse(record.at)));
    assert.is(record.outcome, 'success');
  }
  const table = await graph.cli('audit', ['--since', '1h', '--outcome', 'success', '--class', '__ACCOUNT__'], { settings: false });
  assert.is(table.code, 0, table.stderr);
  assert.match(table.stdout, /^AT\s+ACTOR\s+OPERATION\s+CLASS\s+OBJECT\s+OUTCOME/);
  assert.match(table.stdout, /create\s+user\s+Alex@wso2\.ml \([0-9a-f-]{36}\)\s+success/);
  assert.not.match(table.stdout, /group/);
});

tryIt.run();
