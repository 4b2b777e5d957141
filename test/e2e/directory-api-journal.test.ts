// A create whose follow-up step fails: the object stays, the CLI says which step failed,
// and running the same command again (same --state) retries only that step, from the journal.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'jsonc-parser';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { openStateStore } from '../../runtime/state/index.js';
import { directoryDefinition, startDirectoryCli, stderrJson, stdoutJson, type DirectoryCli } from '../support/directory-cli.js';
import { runCli } from '../support/run-cli.js';

const journal = suite('directory-api: partial creates and the journal');
let cli: DirectoryCli;

journal.before(async () => {
  cli = await startDirectoryCli();
});
journal.before.each(() => {
  cli.api.reset();
  cli.api.setFaults({});
  cli.api.clearLog();
  cli.freshState();
});
journal.after(() => cli.close());

interface PartialError {
  kind: string;
  message: string;
  uid: string;
  failedSteps: Array<{ id: string; error: { kind: string } }>;
}

function apiRequests(): string[] {
  return cli.api.log().filter((e) => e.operation !== 'oauth.token').map((e) => `${e.method} ${e.path}`);
}

function teamsOf(uid: string): string[] {
  return cli.api.state().memberships.filter((m) => m.accountId === uid).map((m) => m.teamId);
}

function seedTeams(): [string, string] {
  const { teamIds } = cli.api.seed({ accounts: 0, teams: 2 });
  cli.api.clearLog();
  return teamIds as [string, string];
}

journal('a failed team add: exit 1, the uid on stdout, the step on stderr, the account kept', async () => {
  const [teamA] = seedTeams();
  const attrs = cli.writeJson('half.json', { __NAME__: 'half.done', fullName: 'Half Done', __PASSWORD__: 'Correct-horse-battery-6', teams: [teamA, 'team_doesnotexist'] });
  const result = await cli.run('create', ['--class', 'account', '--attrs', attrs]);
  assert.is(result.code, 1);
  const printed = stdoutJson<{ uid: string; status: string }>(result);
  assert.is(printed.status, 'partial');
  const error = stderrJson<PartialError>(result);
  assert.is(error.uid, printed.uid);
  assert.is(error.kind, 'UnknownUid');
  assert.equal(error.failedSteps.map((s) => s.id), ['teams.add:team_doesnotexist']);
  assert.match(error.message, /teams\.add:team_doesnotexist/);
  assert.match(error.message, /Run the same command again/);

  const accounts = cli.api.state().accounts;
  assert.equal(accounts.map((a) => [a.accountId, a.login]), [[printed.uid, 'half.done']]);
  assert.equal(teamsOf(printed.uid), [teamA]);
  assert.equal(cli.api.log().filter((e) => e.method === 'DELETE'), [], 'nothing is rolled back');
});

journal('rerunning the same command retries only the step that failed', async () => {
  const [teamA] = seedTeams();
  const attrs = cli.writeJson('again.json', { __NAME__: 'again', fullName: 'Again', __PASSWORD__: 'Correct-horse-battery-7', teams: [teamA, 'team_doesnotexist'] });
  const first = await cli.run('create', ['--class', 'account', '--attrs', attrs]);
  assert.is(first.code, 1);
  const uid = stdoutJson(first).uid as string;
  cli.api.clearLog();

  const second = await cli.run('create', ['--class', 'account', '--attrs', attrs]);
  assert.is(second.code, 1);
  assert.is(stdoutJson(second).uid, uid);
  assert.equal(apiRequests(), ['POST /api/v2/teams/team_doesnotexist/members']);
  assert.equal(cli.api.state().accounts.length, 1);
});

journal('after a transient failure, the rerun sends only the failed member add and succeeds', async () => {
  const [teamA, teamB] = seedTeams();
  // Team B's member endpoint is down for the first run (every attempt answers 503).
  cli.api.setFaults({ rules: [{ kind: 'unavailable', retryAfter: { seconds: 0.02, format: 'fractional' }, match: { pathPrefix: `/api/v2/teams/${teamB}/members` } }] });
  const attrs = cli.writeJson('transient.json', { __NAME__: 'transient', fullName: 'Trans Ient', __PASSWORD__: 'Correct-horse-battery-8', teams: [teamA, teamB] });
  const first = await cli.run('create', ['--class', 'account', '--attrs', attrs]);
  assert.is(first.code, 1);
  const uid = stdoutJson(first).uid as string;
  assert.equal(stderrJson<PartialError>(first).failedSteps.map((s) => `${s.id} ${s.error.kind}`), [`teams.add:${teamB} ServiceUnavailable`]);
  assert.equal(teamsOf(uid), [teamA]);

  cli.api.setFaults({});
  cli.api.clearLog();
  const second = await cli.run('create', ['--class', 'account', '--attrs', attrs]);
  assert.is(second.code, 0, second.stderr);
  const result = stdoutJson<{ uid: string; status: string; resumedFrom: number; steps: Array<{ id: string; status: string }> }>(second);
  assert.equal([result.uid, result.status], [uid, 'success']);
  assert.equal(result.steps.map((s) => `${s.id} ${s.status}`), ['create done', `teams.add:${teamA} done`, `teams.add:${teamB} done`]);
  assert.equal(apiRequests(), [`POST /api/v2/teams/${teamB}/members`]);
  assert.equal(teamsOf(uid).sort(), [teamA, teamB].sort());

  const state = openStateStore(cli.stateFile);
  try {
    const entry = state.getJournal(result.resumedFrom);
    assert.equal([entry?.outcome, entry?.uid], ['succeeded', uid]);
    assert.equal(entry?.steps.map((s) => `${s.id} ${s.status} ${s.attempts}`), ['create done 1', `teams.add:${teamA} done 1`, `teams.add:${teamB} done 2`]);
  } finally {
    state.close();
  }
});

journal('a rerun with the team list corrected continues the create: no second POST, only the new add', async () => {
  const [teamA] = seedTeams();
  const wrong = cli.writeJson('typo.json', { __NAME__: 'typo', fullName: 'Ty Po', __PASSWORD__: 'Correct-horse-battery-5', teams: ['team_typo00000000'] });
  const first = await cli.run('create', ['--class', 'account', '--attrs', wrong]);
  assert.is(first.code, 1);
  const uid = stdoutJson(first).uid as string;
  cli.api.clearLog();

  const fixed = cli.writeJson('fixed.json', { __NAME__: 'typo', fullName: 'Ty Po', __PASSWORD__: 'Correct-horse-battery-5', teams: [teamA] });
  const second = await cli.run('create', ['--class', 'account', '--attrs', fixed]);
  assert.is(second.code, 0, second.stderr);
  assert.equal([stdoutJson(second).uid, stdoutJson(second).status], [uid, 'success']);
  assert.equal(apiRequests(), [`POST /api/v2/teams/${teamA}/members`]);
  assert.equal(teamsOf(uid), [teamA]);
});

journal('a different state file knows nothing: the rerun is a new create and meets AlreadyExists', async () => {
  const [teamA] = seedTeams();
  const attrs = cli.writeJson('elsewhere.json', { __NAME__: 'elsewhere', fullName: 'Else Where', __PASSWORD__: 'Correct-horse-battery-9', teams: [teamA, 'team_doesnotexist'] });
  assert.is((await cli.run('create', ['--class', 'account', '--attrs', attrs])).code, 1);
  cli.freshState();
  const second = await cli.run('create', ['--class', 'account', '--attrs', attrs]);
  assert.is(second.code, 1);
  assert.is(stderrJson(second).kind, 'AlreadyExists');
});

journal('a step retried for eventual consistency keeps the process alive until it gives up', async () => {
  // The same definition with a short consistency retry: an unknown team after a create is
  // retried for 600 ms. The CLI must wait for it and report, not exit silently meanwhile.
  const dir = join(cli.dir, 'consistency-definition');
  mkdirSync(dir, { recursive: true });
  const definition = parse(readFileSync(join(directoryDefinition, 'connector.json'), 'utf8')) as { $schema: string; connection: Record<string, unknown> };
  definition.$schema = join(directoryDefinition, definition.$schema);
  definition.connection.consistencyRetry = { maxElapsedMs: 600, baseDelayMs: 100 };
  writeFileSync(join(dir, 'connector.json'), JSON.stringify(definition));
  const attrs = cli.writeJson('lagging.json', { __NAME__: 'lagging', fullName: 'Lag Ging', __PASSWORD__: 'Correct-horse-battery-0', teams: ['team_doesnotexist'] });
  const started = Date.now();
  const result = await runCli(['run', dir, 'create', '--class', 'account', '--attrs', attrs, '--config', cli.settingsFile, '--state', cli.stateFile, '--json']);
  assert.is(result.code, 1, result.stderr);
  assert.ok(Date.now() - started >= 500);
  assert.is(stdoutJson(result).status, 'partial');
  assert.ok(cli.api.log().filter((e) => e.path === '/api/v2/teams/team_doesnotexist/members').length >= 3);
});

journal.run();
