// Graph's refusals through the CLI, classified into stable kinds that name the field:
// ObjectConflict -> AlreadyExists, Request_ResourceNotFound -> UnknownUid, a license without
// usageLocation -> InvalidAttributeValue naming usageLocation (and a rerun finishes the job),
// no free units, a bad UPN domain, a weak password, bad credentials; Retry-After honored.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { skuCatalog } from '../../../fixtures/graph/index.js';
import { graphFaultMode, ok, secretEnvName, startGraphCli, stderrJson, type GraphCli, type GraphFaultMode } from '../../support/graph-cli.js';
import { assertConformingTraffic } from '../../support/graph-traffic.js';
import { runCli } from '../../support/run-cli.js';
import { office365Definition } from '../../support/project-paths.js';

interface Context {
  cli: GraphCli;
}

interface ErrorJson {
  kind: string;
  message: string;
  field?: string;
  failedSteps?: Array<{ id: string; error: { kind: string; field?: string; message: string } }>;
  uid?: string;
}

const missingUid = '00000000-0000-4000-8000-00000000abcd';
const password = 'Pr0vision-Me!2024';

export function graphErrorsSuite(requested: GraphFaultMode): void {
  const mode = graphFaultMode(requested);
  const test = suite<Context>(`office365 errors (${mode})`, { cli: undefined as never });

  test.before(async (context) => {
    context.cli = await startGraphCli({ mode });
  });
  test.after(async ({ cli }) => {
    await cli.close();
  });

  test('a duplicate userPrincipalName (ObjectConflict) is AlreadyExists', async ({ cli }) => {
    const existing = cli.fake.users()[5]!;
    const result = await cli.run('create', ['--class', 'user', '--attrs', cli.writeJson('dup.json', { __NAME__: existing['userPrincipalName'], __PASSWORD__: password, displayName: 'Twin' })]);
    assert.is(result.code, 1);
    const error = stderrJson<ErrorJson>(result);
    assert.is(error.kind, 'AlreadyExists');
    assert.match(error.message, /userPrincipalName already exists/);
  });

  test('an unknown uid (Request_ResourceNotFound) is UnknownUid for get, update, delete and adds', async ({ cli }) => {
    for (const args of [
      ['get', '--class', 'user', '--uid', missingUid],
      ['update', '--class', 'user', '--uid', missingUid, '--attrs', cli.writeJson('u.json', { jobTitle: 'x' })],
      ['delete', '--class', 'user', '--uid', missingUid],
      ['add-values', '--class', 'user', '--uid', missingUid, '--attrs', cli.writeJson('g.json', { groups: [cli.fake.groups()[0]!.id] })],
    ]) {
      const result = await cli.run(args[0]!, args.slice(1));
      assert.is(result.code, 1, args[0]);
      assert.is(stderrJson<ErrorJson>(result).kind, 'UnknownUid', args[0]);
    }
  });

  test('a license without usageLocation is InvalidAttributeValue naming usageLocation; fixing it and rerunning finishes the create', async ({ cli }) => {
    const attrs = cli.writeJson('nolocation.json', { __NAME__: `ines.moreau@${cli.fake.domain}`, __PASSWORD__: password, displayName: 'Inès Moreau', licenses: [skuCatalog.ems.skuId] });
    const first = await cli.run('create', ['--class', 'user', '--attrs', attrs]);
    assert.is(first.code, 1);
    const error = stderrJson<ErrorJson>(first);
    assert.is(error.failedSteps?.[0]?.error.kind, 'InvalidAttributeValue');
    assert.is(error.failedSteps?.[0]?.error.field, 'usageLocation');
    assert.match(error.failedSteps![0]!.error.message, /usageLocation/);
    const uid = error.uid!;
    assert.ok(cli.fake.user(uid), 'the user itself was created and kept');
    const direct = await cli.run('add-values', ['--class', 'user', '--uid', uid, '--attrs', cli.writeJson('lic.json', { licenses: [skuCatalog.ems.skuId] })]);
    assert.is(direct.code, 1);
    assert.equal([stderrJson<ErrorJson>(direct).kind, stderrJson<ErrorJson>(direct).field], ['InvalidAttributeValue', 'usageLocation']);
    ok(await cli.run('update', ['--class', 'user', '--uid', uid, '--attrs', cli.writeJson('loc.json', { usageLocation: 'FR' })]));
    const rerun = ok<{ uid: string; resumedFrom?: number; steps: Array<{ id: string; status: string }> }>(await cli.run('create', ['--class', 'user', '--attrs', attrs]));
    assert.is(rerun.uid, uid, 'the rerun continued the same user');
    assert.ok(rerun.resumedFrom !== undefined, 'resumed from the journal');
    assert.equal(cli.fake.user(uid)!['assignedLicenses'], [{ disabledPlans: [], skuId: skuCatalog.ems.skuId }]);
  });

  test('a SKU with no free units is InvalidAttributeValue naming licenses', async ({ cli }) => {
    const e5 = cli.fake.subscribedSkus().find((s) => s['skuId'] === skuCatalog.spe5.skuId)!;
    const free = Number(e5['enabledUnits']) - Number(e5['consumedUnits']);
    const candidates = cli.fake.users().filter((u) => typeof u['usageLocation'] === 'string' && !JSON.stringify(u['assignedLicenses'] ?? []).includes(skuCatalog.spe5.skuId));
    for (const user of candidates.slice(0, free)) ok(await cli.run('add-values', ['--class', 'user', '--uid', user.id, '--attrs', cli.writeJson('e5.json', { licenses: [skuCatalog.spe5.skuId] })]));
    const refused = await cli.run('add-values', ['--class', 'user', '--uid', candidates[free]!.id, '--attrs', cli.writeJson('e5.json', { licenses: [skuCatalog.spe5.skuId] })]);
    assert.is(refused.code, 1);
    const error = stderrJson<ErrorJson>(refused);
    assert.equal([error.kind, error.field], ['InvalidAttributeValue', 'licenses']);
    assert.match(error.message, /does not have any available licenses/);
  });

  test('an unverified UPN domain and a weak password name their fields', async ({ cli }) => {
    const domain = await cli.run('create', ['--class', 'user', '--attrs', cli.writeJson('d.json', { __NAME__: 'max@not-verified.example', __PASSWORD__: password, displayName: 'Max' })]);
    assert.equal([stderrJson<ErrorJson>(domain).kind, stderrJson<ErrorJson>(domain).field], ['InvalidAttributeValue', 'userPrincipalName']);
    const weak = await cli.run('create', ['--class', 'user', '--attrs', cli.writeJson('w.json', { __NAME__: `max@${cli.fake.domain}`, __PASSWORD__: 'abc', displayName: 'Max' })]);
    assert.equal([stderrJson<ErrorJson>(weak).kind, stderrJson<ErrorJson>(weak).field], ['InvalidAttributeValue', '__PASSWORD__']);
    assert.not.match(weak.stdout + weak.stderr, /"abc"/);
  });

  test('a wrong client secret is InvalidCredentials, and the secret is never printed', async ({ cli }) => {
    const wrong = 'Wr0ng~Secret.Value-123';
    const result = await runCli(['test', office365Definition, '--config', cli.settingsFile, '--json'], { env: { ...cli.env, [secretEnvName]: wrong } });
    assert.is(result.code, 1);
    assert.is(stderrJson<ErrorJson>(result).kind, 'InvalidCredentials');
    assert.not.match(result.stdout + result.stderr, wrong);
    const good = await cli.command('test', ['--json']);
    assert.is(good.code, 0, good.stderr);
  });

  test('429 and 503 with Retry-After are waited out, then the read succeeds', async ({ cli }) => {
    const user = cli.fake.users()[7]!;
    cli.fake.clearRequestLog();
    cli.fake.setFaults({ script: [{ match: `^GET /users/${user.id}`, status: 429, retryAfter: '1', times: 1 }, { match: `^GET /users/${user.id}`, status: 503, retryAfter: '0.5', times: 1 }] });
    const started = Date.now();
    const object = ok<Record<string, unknown>>(await cli.run('get', ['--class', 'user', '--uid', user.id]));
    assert.is(object['__UID__'], user.id);
    assert.ok(Date.now() - started >= 1500, 'waited 1 s and 0.5 s');
    const statuses = cli.fake.requestLog().filter((e) => e.url.includes(`/users/${user.id}?`)).map((e) => e.status);
    assert.equal([statuses.slice(0, 2), statuses[statuses.length - 1]], [[429, 503], 200]);
    assert.equal(cli.fake.earlyRetries(), []);
  });

  test('traffic: every request conforms to Graph v1.0 and honors Retry-After', ({ cli }) => {
    assertConformingTraffic(cli.fake, mode);
  });

  test.run();
}
