// ICF update semantics on a target with dedicated endpoints: __ENABLE__ and __PASSWORD__
// given to `run update` go to the enable/disable and setPassword operations.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { startDirectoryCli, stdoutJson, type DirectoryCli } from '../support/directory-cli.js';

const update = suite('directory-api: update routes status and password to their endpoints');
let cli: DirectoryCli;

update.before(async () => {
  cli = await startDirectoryCli();
});
update.after(() => cli.close());

update('one update changes an attribute, suspends the account and sets its password', async () => {
  const [uid] = cli.api.seed({ accounts: 1, teams: 0 }).accountIds as [string];
  cli.api.clearLog();
  const attrs = cli.writeJson('u.json', { title: 'Lead', __ENABLE__: false, __PASSWORD__: 'a-much-longer-password' });
  const result = await cli.run('update', ['--class', 'account', '--uid', uid, '--attrs', attrs]);
  assert.is(result.code, 0, result.stderr);
  assert.equal(stdoutJson<{ steps: Array<{ id: string }> }>(result).steps.map((s) => s.id).sort(), ['disable', 'setPassword', 'update']);
  const writes = cli.api.log().filter((e) => e.method !== 'GET' && e.operation !== 'oauth.token').map((e) => e.operation).sort();
  assert.equal(writes, ['accounts.password', 'accounts.suspend', 'accounts.update']);
  const account = cli.api.state().accounts.find((a) => a.accountId === uid)!;
  assert.is(account.status, 'SUSPENDED');
  assert.is(account.title, 'Lead');
  assert.ok(cli.api.passwordMatches(uid, 'a-much-longer-password'));
});

update('a status that already holds sends nothing', async () => {
  const [uid] = cli.api.seed({ accounts: 1, teams: 0 }).accountIds as [string];
  cli.api.clearLog();
  const attrs = cli.writeJson('same.json', { __ENABLE__: true });
  const result = await cli.run('update', ['--class', 'account', '--uid', uid, '--attrs', attrs]);
  assert.is(result.code, 0, result.stderr);
  assert.equal(stdoutJson<{ steps: unknown[] }>(result).steps, []);
  assert.equal(cli.api.log().filter((e) => e.method !== 'GET' && e.operation !== 'oauth.token'), []);
});

update.run();
