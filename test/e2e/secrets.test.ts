// No secret ever leaves the runtime: every CLI command, in success and in failure, with
// --verbose where the command takes it, against the directory fake with a known client
// secret, known passwords in --attrs, and the OAuth tokens the fake issued. None of them may
// appear on stdout, on stderr, in the state database file (and its WAL) or in the audit log.
import { existsSync, readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { openStateStore } from '../../runtime/state/index.js';
import { directoryDefinition, startDirectoryCli, stdoutJson, type DirectoryCli } from '../support/directory-cli.js';
import { runCli, type CliResult } from '../support/run-cli.js';

const clientSecret = 'Client-Secret-Known-4f9a2b';
const wrongSecret = 'Wrong-Client-Secret-88aa01';
const password = 'Known-Passw0rd-7c1e9d';
const newPassword = 'Changed-Passw0rd-3b5f0e';
const weakPassword = 'Wk7!q';

const secrets = suite('secrets stay out of every output');
let cli: DirectoryCli;
let teamId: string;
let seededUid: string;
let createdUid: string;
let createFile: string;
/** Tokens the fake has issued so far (collected after every command, before any revoke). */
const tokens = new Set<string>();
let commands = 0;

secrets.before(async () => {
  cli = await startDirectoryCli({ clientSecret, seed: 11 });
  const seeded = cli.api.seed({ accounts: 3, teams: 1, membersPerTeam: 0 });
  teamId = seeded.teamIds[0]!;
  seededUid = seeded.accountIds[2]!;
  createFile = cli.writeJson('create.json', { __NAME__: 'secret.keeper', fullName: 'Secret Keeper', __PASSWORD__: password, teams: [teamId] });
});
secrets.after(() => cli.close());

function knownSecrets(): string[] {
  return [clientSecret, wrongSecret, password, newPassword, weakPassword, ...tokens];
}

function leaksIn(text: string): string[] {
  return knownSecrets().filter((secret) => text.includes(secret) || text.includes(encodeURIComponent(secret)) || text.includes(Buffer.from(secret).toString('base64')));
}

/** Runs a command, records the tokens it made the fake issue, and checks its output. */
async function checked(label: string, run: () => Promise<CliResult>, expectedCode: number): Promise<CliResult> {
  const result = await run();
  commands++;
  for (const token of cli.api.issuedTokens()) tokens.add(token);
  assert.is(result.code, expectedCode, `${label}: exit ${String(result.code)}\n${result.stderr}`);
  assert.equal(leaksIn(result.stdout), [], `${label}: stdout leaks`);
  assert.equal(leaksIn(result.stderr), [], `${label}: stderr leaks`);
  return result;
}

const v = ['--verbose'];

secrets('validate: a valid and a broken definition', async () => {
  await checked('validate', () => cli.command('validate', ['--json']), 0);
  await checked('validate broken', () => runCli(['validate', 'fixtures/definitions/invalid/twenty-mistakes']), 1);
});

secrets('plan: create and set-password show <redacted>, settings included', async () => {
  const plan = await checked('plan create', () => cli.command('plan', ['create', '--class', 'account', '--attrs', createFile, '--config', cli.settingsFile, '--json', ...v]), 0);
  assert.match(plan.stdout, /<redacted>/);
  assert.match(plan.stderr, /"clientSecret":"<redacted>"/);
  const passwordFile = cli.writeJson('plan-password.json', { __PASSWORD__: newPassword });
  await checked('plan set-password', () => cli.command('plan', ['set-password', '--class', 'account', '--uid', seededUid, '--attrs', passwordFile, '--config', cli.settingsFile, ...v]), 0);
  await checked('plan with an unknown attribute', () => cli.command('plan', ['create', '--class', 'account', '--attrs', cli.writeJson('bad-plan.json', { __PASSWORD__: password, nope: 1 }), '--config', cli.settingsFile, ...v]), 1);
});

secrets('test: success, a wrong secret, and the secret read from the environment', async () => {
  await checked('test', () => cli.command('test', ['--config', cli.settingsFile, '--state', cli.stateFile, ...v]), 0);
  await checked('test wrong secret', () => cli.command('test', ['--config', cli.settingsFile, '--set', `clientSecret=${wrongSecret}`, '--state', cli.stateFile, '--json', ...v]), 1);
  const envConfig = cli.writeJson('env-settings.json', { ...JSON.parse(readFileSync(cli.settingsFile, 'utf8')), clientSecret: { env: 'DIRECTORY_SECRET' } });
  await checked('test env secret', () => runCli(['test', directoryDefinition, '--config', envConfig, '--state', cli.stateFile, ...v], { env: { DIRECTORY_SECRET: clientSecret, ...(cli.api.caFile && { NODE_EXTRA_CA_CERTS: cli.api.caFile }) } }), 0);
});

secrets('run create: success, duplicate, and a partial create with a failed step', async () => {
  const created = await checked('create', () => cli.run('create', ['--class', 'account', '--attrs', createFile], v), 0);
  createdUid = stdoutJson(created).uid as string;
  assert.ok(cli.api.passwordMatches(createdUid, password));
  await checked('create duplicate', () => cli.run('create', ['--class', 'account', '--attrs', createFile], v), 1);
  const partial = cli.writeJson('partial.json', { __NAME__: 'half.secret', fullName: 'Half', __PASSWORD__: password, teams: ['team_doesnotexist'] });
  await checked('create partial', () => cli.run('create', ['--class', 'account', '--attrs', partial], v), 1);
  await checked('create weak password', () => cli.run('create', ['--class', 'account', '--attrs', cli.writeJson('weak-create.json', { __NAME__: 'weak', fullName: 'Weak', __PASSWORD__: weakPassword })], v), 1);
});

secrets('run get, update, add-values, remove-values: success and failure', async () => {
  await checked('get', () => cli.run('get', ['--class', 'account', '--uid', createdUid], v), 0);
  await checked('get missing', () => cli.run('get', ['--class', 'account', '--uid', 'acc_missing00000'], v), 1);
  const update = cli.writeJson('update.json', { title: 'Keeper of secrets', __PASSWORD__: newPassword });
  // __PASSWORD__ in an update goes to the dedicated password endpoint (ICF semantics).
  await checked('update with a password', () => cli.run('update', ['--class', 'account', '--uid', createdUid, '--attrs', update], v), 0);
  const weak = cli.writeJson('update-weak.json', { __PASSWORD__: weakPassword });
  await checked('update with a weak password', () => cli.run('update', ['--class', 'account', '--uid', createdUid, '--attrs', weak], v), 1);
  await checked('update', () => cli.run('update', ['--class', 'account', '--uid', createdUid, '--attrs', cli.writeJson('update2.json', { title: 'Keeper' })], v), 0);
  await checked('update missing', () => cli.run('update', ['--class', 'account', '--uid', 'acc_missing00000', '--attrs', update], v), 1);
  const values = cli.writeJson('values.json', { phones: ['+1 555 7777'] });
  await checked('add-values', () => cli.run('add-values', ['--class', 'account', '--uid', createdUid, '--attrs', values], v), 0);
  await checked('remove-values', () => cli.run('remove-values', ['--class', 'account', '--uid', createdUid, '--attrs', values], v), 0);
  await checked('add-values unknown team', () => cli.run('add-values', ['--class', 'account', '--uid', createdUid, '--attrs', cli.writeJson('bad-team.json', { teams: ['team_doesnotexist'] })], v), 1);
});

secrets('run enable, disable, set-password: success and failure', async () => {
  await checked('disable', () => cli.run('disable', ['--class', 'account', '--uid', createdUid], v), 0);
  await checked('enable', () => cli.run('enable', ['--class', 'account', '--uid', createdUid], v), 0);
  await checked('enable missing', () => cli.run('enable', ['--class', 'account', '--uid', 'acc_missing00000'], v), 1);
  const strong = cli.writeJson('password.json', { __PASSWORD__: newPassword });
  await checked('set-password', () => cli.run('set-password', ['--class', 'account', '--uid', createdUid, '--attrs', strong], v), 0);
  assert.ok(cli.api.passwordMatches(createdUid, newPassword));
  const weak = cli.writeJson('weak.json', { __PASSWORD__: weakPassword });
  await checked('set-password weak', () => cli.run('set-password', ['--class', 'account', '--uid', createdUid, '--attrs', weak], v), 1);
  await checked('set-password missing uid', () => cli.run('set-password', ['--class', 'account', '--uid', 'acc_missing00000', '--attrs', strong], v), 1);
  // Human-readable error output too, not only --json.
  await checked('set-password weak (text)', () => runCli(['run', directoryDefinition, 'set-password', '--class', 'account', '--uid', createdUid, '--attrs', weak, '--config', cli.settingsFile, '--state', cli.stateFile, ...v], { env: cli.api.caFile ? { NODE_EXTRA_CA_CERTS: cli.api.caFile } : {} }), 1);
});

secrets('search and run search: success and failure', async () => {
  await checked('search', () => cli.search('account', ['--filter', 'startsWith(login, "secret")', ...v]), 0);
  await checked('search bad raw filter', () => cli.search('account', ['--raw-filter', 'login:"x', '--json', ...v]), 1);
  await checked('run search', () => cli.run('search', ['--class', 'account', '--limit', '2'], v), 0);
});

secrets('a token revoked while the CLI runs: the 401 and refresh path', async () => {
  // The get is held 600 ms before the fake authenticates it; meanwhile its token is revoked.
  cli.api.setFaults({ rules: [{ kind: 'delay', when: 'before-handling', delayMs: 600, maxTimes: 1, match: { operations: ['accounts.get'] } }] });
  cli.api.clearLog();
  const running = checked('get with a revoked token', () => cli.run('get', ['--class', 'account', '--uid', createdUid], v), 0);
  while (!cli.api.log().some((e) => e.operation === 'accounts.get')) await new Promise((resolve) => setTimeout(resolve, 10));
  for (const token of cli.api.issuedTokens()) tokens.add(token);
  cli.api.revokeTokens();
  await running;
  cli.api.setFaults({});
  assert.equal(cli.api.log().map((e) => `${e.operation} ${e.status}`), ['oauth.token 200', 'accounts.get 401', 'oauth.token 200', 'accounts.get 200', `accounts.teams 200`]);
});

secrets('run delete: success and failure', async () => {
  await checked('delete', () => cli.run('delete', ['--class', 'account', '--uid', createdUid], v), 0);
  await checked('delete missing', () => cli.run('delete', ['--class', 'account', '--uid', createdUid], v), 1);
});

secrets('the state database file, its WAL and the audit log hold no secret', async () => {
  assert.ok(commands >= 30, `${commands} commands ran`);
  assert.ok(tokens.size >= 20, `${tokens.size} tokens collected`);
  for (const file of [cli.stateFile, `${cli.stateFile}-wal`, `${cli.stateFile}-journal`]) {
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file).toString('latin1');
    assert.equal(leaksIn(bytes), [], `${file} leaks`);
  }
  const state = openStateStore(cli.stateFile);
  try {
    const audit = state.listAudit({ limit: 1000 });
    assert.ok(audit.length >= 10, `${audit.length} audit records`);
    assert.equal(leaksIn(JSON.stringify(audit)), []);
    const journals = state.listJournals({ limit: 1000 });
    assert.ok(journals.length >= 2);
    assert.equal(leaksIn(JSON.stringify(journals)), []);
  } finally {
    state.close();
  }
  // Read again after the store was opened and closed (a checkpoint may have moved WAL pages).
  assert.equal(leaksIn(readFileSync(cli.stateFile).toString('latin1')), []);
});

secrets.run();
