// Incremental reconciliation of a target without delta queries: the Acme Directory fake, by
// the greatest updatedAt seen (updatedAfter={{watermark}}) and its /accounts/deleted listing,
// through the CLI - reconcile and search --incremental.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { directoryDefinition, startDirectoryCli, stdoutLines, type DirectoryCli } from '../support/directory-cli.js';
import { runCli } from '../support/run-cli.js';

interface ReconEvent {
  event: string;
  uid: string;
  name?: string;
  attributes?: Record<string, unknown>;
}

const watermark = suite('e2e: timestamp-watermark reconciliation against the directory fake');
let cli: DirectoryCli;
let accounts: string[];

watermark.before(async () => {
  cli = await startDirectoryCli();
  accounts = cli.api.seed({ accounts: 120, teams: 3 }).accountIds;
});
watermark.after(() => cli.close());

async function reconcile(args: readonly string[]): Promise<{ events: ReconEvent[]; summary: Record<string, unknown> }> {
  const result = await runCli(['reconcile', directoryDefinition, '--class', 'account', '--config', cli.settingsFile, '--state', cli.stateFile, '--json', ...args], {
    env: cli.api.caFile ? { NODE_EXTRA_CA_CERTS: cli.api.caFile } : {},
  });
  assert.is(result.code, 0, result.stderr);
  return { events: stdoutLines<ReconEvent>({ ...result }), summary: JSON.parse(result.stderr.trim().split('\n').at(-1)!) as Record<string, unknown> };
}

watermark('full run, a first incremental round that sets the watermark, then only what changed after it', async () => {
  const logins = cli.api.state().accounts.map((account) => account.login);
  const identities = join(cli.dir, 'identities.csv');
  writeFileSync(identities, `User Login,Source\n${logins.map((login) => `${login},hr`).join('\n')}\n`);
  assert.is((await runCli(['identities', 'import', identities, '--state', cli.stateFile])).code, 0);

  const full = await reconcile([]);
  assert.is(full.events.length, 120);
  assert.ok(full.events.every((e) => e.event === 'link'));

  const first = await reconcile(['--mode', 'incremental']);
  assert.is(first.summary['source'], 'timestamp first round');
  assert.is(first.summary['advanced'], 'watermark');
  assert.equal(first.events, []);

  const mutation = cli.api.mutate({ update: 10, delete: 4, seed: 3 });
  const renamed = accounts.find((id) => !mutation.deleted.includes(id) && !mutation.updated.includes(id))!;
  const update = await cli.run('update', ['--class', 'account', '--uid', renamed, '--attrs', cli.writeJson('dept.json', { department: 'Research' })]);
  assert.is(update.code, 0, update.stderr);
  cli.api.clearLog();

  const changes = await reconcile(['--mode', 'incremental']);
  assert.equal(changes.events.filter((e) => e.event === 'update').map((e) => [e.uid, e.attributes]), [[renamed, { Department: 'Research' }]]);
  assert.equal(new Set(changes.events.filter((e) => e.event === 'delete').map((e) => e.uid)), new Set(mutation.deleted));
  assert.is(changes.events.length, 5);
  const touched = new Set([...mutation.updated, ...mutation.alsoTouched, renamed]);
  assert.is(changes.summary['objects'], touched.size, 'the round read only the accounts changed after the watermark');
  const paths = cli.api.log().map((entry) => entry.path);
  assert.ok(paths.some((path) => /^\/api\/v2\/accounts\?.*updatedAfter=\d{4}-\d\d-\d\dT[\d:.]+Z/.test(path)), paths.join('\n'));
  assert.ok(paths.some((path) => /^\/api\/v2\/accounts\/deleted\?.*since=\d{4}-/.test(path)), paths.join('\n'));

  const quiet = await reconcile(['--mode', 'incremental']);
  assert.equal(quiet.events, [], 'the watermark moved past the changes');
});

watermark('search --incremental prints changed accounts and deletions with its own watermark', async () => {
  const search = async (): Promise<Array<Record<string, unknown>>> => {
    const result = await cli.search('account', ['--incremental']);
    assert.is(result.code, 0, result.stderr);
    return stdoutLines(result);
  };
  const all = await search();
  assert.is(all.length, cli.api.state().accounts.length, 'the first round lists every account');
  assert.equal(await search(), []);
  const mutation = cli.api.mutate({ update: 2, delete: 1, seed: 9 });
  const changed = await search();
  const deleted = changed.filter((o) => o['__DELETED__'] === true).map((o) => o['__UID__']);
  assert.equal(deleted, mutation.deleted);
  const upserts = new Set(changed.filter((o) => o['__DELETED__'] === undefined).map((o) => o['__UID__']));
  assert.equal(upserts, new Set([...mutation.updated, ...mutation.alsoTouched]));
});

watermark.run();
