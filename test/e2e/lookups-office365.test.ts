// `connector lookups --sync` against the Graph fake (Groups, Roles, Licenses with code
// Office365~<id> and decode Office365~<name>; static Countries, UsageLocation, BooleanValues),
// and the provisioning check that uses them: an unknown group fails before anything is written.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { startGraphCli, stderrJson, stdoutJson, stdoutLines, type GraphCli } from '../support/graph-cli.js';

interface LookupLine {
  lookup: string;
  code: string;
  decode: string;
  id: string;
  synced: boolean;
}

const lookups = suite('e2e: lookups sync and provisioning input check, Office 365');
let cli: GraphCli;

lookups.before(async () => {
  cli = await startGraphCli({ users: 30, seed: 21, mode: 'clean' });
});
lookups.after(() => cli.close());

const list = async (name?: string): Promise<LookupLine[]> => {
  const result = await cli.command('lookups', ['--json', ...(name ? ['--name', name] : [])]);
  assert.is(result.code, 0, result.stderr);
  return stdoutLines<LookupLine>(result);
};

lookups('before a sync only the static lookups list values', async () => {
  const values = await list();
  assert.equal([...new Set(values.map((v) => v.lookup))], ['Countries', 'UsageLocation', 'BooleanValues']);
  assert.ok(values.every((v) => !v.synced));
  const text = await cli.command('lookups', ['--name', 'Groups']);
  assert.match(text.stdout, /Groups \(class group; never synced: run with --sync; 0 values\)/);
});

lookups('--sync fills Groups, Roles and Licenses from the tenant as Office365~<id> / Office365~<name>, and stores the static ones', async () => {
  const result = await cli.command('lookups', ['--sync', '--json']);
  assert.is(result.code, 0, result.stderr);
  const synced = stdoutLines<{ lookup: string; count: number; source: string }>(result);
  const groups = cli.fake.groups();
  const roles = cli.fake.directoryRoles();
  const skus = cli.fake.subscribedSkus();
  assert.equal(synced.map((s) => [s.lookup, s.count, s.source]), [
    ['Groups', groups.length, 'objectClass'],
    ['Roles', roles.length, 'objectClass'],
    ['Licenses', skus.length, 'objectClass'],
    ['Countries', 7, 'static'],
    ['UsageLocation', 10, 'static'],
    ['BooleanValues', 2, 'static'],
  ]);
  const groupValues = await list('Groups');
  assert.equal(
    groupValues.map((v) => [v.code, v.decode, v.id]).sort(),
    groups.map((g) => [`Office365~${g.id}`, `Office365~${String(g['displayName'])}`, g.id]).sort(),
  );
  const licenses = await list('Licenses');
  assert.equal(licenses.map((v) => v.decode).sort(), skus.map((s) => `Office365~${String(s['skuPartNumber'])}`).sort());
  assert.equal((await list('Roles')).map((v) => v.decode).sort(), roles.map((r) => `Office365~${String(r['displayName'])}`).sort());
  assert.ok((await list('UsageLocation')).every((v) => v.synced && v.id === v.code));
});

lookups('create with an unknown group name fails with InvalidAttributeValue naming the lookup; nothing is written', async () => {
  cli.fake.resetCounters();
  cli.fake.clearRequestLog();
  const attrs = cli.writeJson('unknown-group.json', {
    __NAME__: `lookup.check@${cli.fake.domain}`,
    displayName: 'Lookup Check',
    __PASSWORD__: 'Lookup-Check-Passw0rd!',
    groups: ['Office365~No Such Group'],
  });
  const result = await cli.run('create', ['--class', 'user', '--attrs', attrs]);
  assert.is(result.code, 1, result.stderr);
  const error = stderrJson<{ kind: string; message: string; field?: string }>(result);
  assert.is(error.kind, 'InvalidAttributeValue');
  assert.match(error.message, /value "Office365~No Such Group" is not in lookup Groups/);
  assert.is(error.field, 'groups');
  assert.is(cli.fake.counters().writes, 0);
  assert.equal(cli.fake.requestLog().filter((entry) => entry.kind !== 'token' && entry.method !== 'GET'), []);
  assert.is(cli.fake.user(`lookup.check@${cli.fake.domain}`), undefined);
});

lookups('a group given by its decode (display name) is resolved to its id and assigned', async () => {
  const group = cli.fake.groups().find((g) => !(g['groupTypes'] as string[] | undefined)?.includes('DynamicMembership') && (cli.fake.groups().filter((o) => o['displayName'] === g['displayName']).length === 1))!;
  const attrs = cli.writeJson('known-group.json', {
    __NAME__: `lookup.ok@${cli.fake.domain}`,
    displayName: 'Lookup Ok',
    __PASSWORD__: 'Lookup-Ok-Passw0rd!',
    usageLocation: 'us',
    groups: [`Office365~${String(group['displayName'])}`],
  });
  const created = stdoutJson<{ uid: string }>(await cli.run('create', ['--class', 'user', '--attrs', attrs]));
  assert.ok(cli.fake.memberships(created.uid).groups.includes(group.id));
  assert.is(cli.fake.user(created.uid)?.['usageLocation'], 'US', 'a static lookup value resolves to its code');
});

lookups.run();
