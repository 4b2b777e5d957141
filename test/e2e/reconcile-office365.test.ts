// `connector reconcile` against the Graph fake with 10,000 users, through the CLI: a full target
// run, an incremental run after the fake changed 100 users and deleted 20, a trusted run that
// creates every identity with the trusted defaults, and a run killed with SIGKILL and rerun.
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { office365Definition, cliPath } from '../support/project-paths.js';
import { startGraphCli, stdoutLines, type GraphCli } from '../support/graph-cli.js';
import type { CliResult } from '../support/run-cli.js';
import { runCli } from '../support/run-cli.js';

interface ReconEvent {
  event: string;
  uid: string;
  name?: string;
  attributes?: Record<string, unknown>;
  identity?: number;
}

const recon = suite('e2e: connector reconcile, Office 365 with 10,000 users');
let cli: GraphCli;

recon.before(async () => {
  cli = await startGraphCli({ users: 10_000, seed: 3, mode: 'clean' });
});
recon.after(() => cli.close());

/** reconcile with its own state file; events from stdout, the --json summary from stderr. */
async function reconcile(state: string, args: readonly string[]): Promise<{ events: ReconEvent[]; summary: Record<string, unknown>; result: CliResult }> {
  const result = await runCli(['reconcile', office365Definition, '--class', 'user', '--config', cli.settingsFile, '--state', state, '--json', ...args], { env: cli.env, timeoutMs: 300_000 });
  assert.is(result.code, 0, result.stderr);
  const summary = JSON.parse(result.stderr.trim().split('\n').at(-1)!) as Record<string, unknown>;
  return { events: stdoutLines<ReconEvent>(result), summary, result };
}

/** What the checkpoint of the running reconciliation says, read beside the running process. */
function checkpoint(file: string): { objects: number; bytes: number } {
  if (!existsSync(file)) return { objects: 0, bytes: 0 };
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare("SELECT value FROM sync_tokens WHERE object_class = 'user' AND kind = 'checkpoint'").get() as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as { objects: number; bytes: number }) : { objects: 0, bytes: 0 };
  } catch {
    return { objects: 0, bytes: 0 };
  } finally {
    db.close();
  }
}
const committedObjects = (file: string): number => checkpoint(file).objects;
const committedBytes = (file: string): number => checkpoint(file).bytes;

const userIds = (): string[] => cli.fake.users({ limit: 20_000 }).map((user) => user.id);
const state = (name: string): string => join(cli.dir, `${name}.db`);

recon('trusted mode creates 10,000 identities with the trusted defaults and the mapped status', async () => {
  const { events, summary } = await reconcile(state('trusted'), ['--trusted']);
  assert.is(summary['events'], 10_000);
  assert.equal(summary['counts'], { create: 10_000, update: 0, link: 0, delete: 0, disable: 0, unmatched: 0, conflict: 0 });
  assert.is(events.length, 10_000);
  const exported = await runCli(['identities', 'export', '--state', state('trusted')], { env: cli.env });
  assert.is(exported.code, 0, exported.stderr);
  const identities = stdoutLines<Record<string, unknown>>(exported);
  assert.is(identities.length, 10_000);
  const byGuid = new Map(identities.map((identity) => [identity['Office365 GUID'], identity]));
  for (const user of cli.fake.users({ limit: 20_000 })) {
    const identity = byGuid.get(user.id);
    assert.ok(identity, `an identity for ${user.id}`);
    assert.is(identity!['User Login'], user['userPrincipalName']);
    assert.is(identity!['Employee Type'], 'Full-Time');
    assert.is(identity!['Organization'], 'Xellerate Users');
    assert.is(identity!['User Type'], 'End-User');
    assert.is(identity!['Status'], user['accountEnabled'] === false ? 'Disabled' : 'Active');
  }
});

recon('a full target run yields exactly one event per user: links for known identities, unmatched for the rest', async () => {
  const ids = userIds();
  const known = cli.fake.users({ limit: 2_500 });
  const file = join(cli.dir, 'identities.ndjson');
  writeFileSync(file, known.map((user) => JSON.stringify({ 'User Login': user['userPrincipalName'], 'Employee Number': user.id })).join('\n') + '\n');
  const imported = await runCli(['identities', 'import', file, '--state', state('target'), '--json'], { env: cli.env });
  assert.is(imported.code, 0, imported.stderr);
  assert.is((JSON.parse(imported.stdout) as { created: number }).created, 2_500);

  const { events, summary } = await reconcile(state('target'), []);
  assert.is(events.length, 10_000);
  assert.equal(new Set(events.map((e) => e.uid)), new Set(ids));
  assert.is(events.filter((e) => e.event === 'link').length, 2_500);
  assert.is(events.filter((e) => e.event === 'unmatched').length, 7_500);
  assert.is(summary['pages'], 11, '$top=999');
  const again = await reconcile(state('target'), []);
  assert.is(again.events.length, 0, 'a second full run over unchanged users reports nothing');
});

recon('after 100 users change and 20 are deleted, an incremental run yields exactly those 120 changes; the next round only the next ones', async () => {
  const { updated, deleted } = cli.fake.mutateUsers({ update: 100, delete: 20 });
  const first = await reconcile(state('target'), ['--mode', 'incremental']);
  assert.is(first.events.length, 120);
  assert.equal(new Set(first.events.filter((e) => e.event !== 'delete').map((e) => e.uid)), new Set(updated));
  assert.equal(new Set(first.events.filter((e) => e.event === 'delete').map((e) => e.uid)), new Set(deleted));
  for (const event of first.events.filter((e) => e.event === 'update')) assert.equal(Object.keys(event.attributes!).sort(), ['Job Title', 'Office Location']);
  assert.is(first.summary['advanced'], 'delta');

  const next = cli.fake.mutateUsers({ update: 30, delete: 5 });
  const second = await reconcile(state('target'), ['--mode', 'incremental']);
  assert.is(second.summary['source'], 'delta changes round');
  assert.equal(new Set(second.events.filter((e) => e.event !== 'delete').map((e) => e.uid)), new Set(next.updated));
  assert.equal(new Set(second.events.filter((e) => e.event === 'delete').map((e) => e.uid)), new Set(next.deleted));
  assert.is(second.events.length, 35);
});

recon('a run killed with SIGKILL resumes from its checkpoint: no event twice, none missing', async () => {
  cli.fake.setFaults({ latencyMs: 25 });
  const out = join(cli.dir, 'killed.ndjson');
  const args = ['reconcile', office365Definition, '--class', 'user', '--config', cli.settingsFile, '--state', state('killed'), '--set', 'pageSize=100', '--out', out];
  const child = spawn(process.execPath, [cliPath, ...args], { env: { ...process.env, ...cli.env }, stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // Killed once a checkpoint says a good part, but not all, of the run is committed (and the
  // next group is being written: lines past the checkpoint, maybe half of one).
  for (let waited = 0; waited < 120_000 && committedObjects(state('killed')) < 2_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
  while (existsSync(out) && statSync(out).size <= committedBytes(state('killed'))) await new Promise((resolve) => setTimeout(resolve, 5));
  child.kill('SIGKILL');
  assert.is(await exited, null, 'the first run was killed');
  const before = readFileSync(out, 'utf8').split('\n').filter(Boolean).length;
  cli.fake.setFaults({ latencyMs: 0 });
  const ids = userIds();
  assert.ok(before > 0 && before < ids.length, `killed half-way (${before} lines)`);

  const rerun = await runCli([...args, '--json'], { env: cli.env, timeoutMs: 300_000 });
  assert.is(rerun.code, 0, rerun.stderr);
  const summary = JSON.parse(rerun.stdout) as { resumed: boolean; events: number };
  assert.is(summary.resumed, true);
  const lines = readFileSync(out, 'utf8').split('\n').filter(Boolean);
  const uids = lines.map((line) => (JSON.parse(line) as ReconEvent).uid);
  assert.is(uids.length, ids.length, 'one line per user');
  assert.equal(new Set(uids), new Set(ids), 'every user, none twice');
  assert.is(summary.events, ids.length);
});

recon.run();
