import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { openStateStore } from '../../../runtime/state/index.js';
import { tempStore, type TempStore } from './temp-store.js';

const crash = suite('state: journal survives kill -9');
let temp: TempStore;
const child = fileURLToPath(new URL('./journal-crash-child.ts', import.meta.url));

crash.before.each(() => {
  temp = tempStore();
  temp.store.close();
});
crash.after.each(() => temp.dispose());

/** Runs the child until its output has `lines` progress lines, then SIGKILLs it mid-write. */
function runAndKill(mode: string, file: string, lines: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, mode, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let killed = false;
    proc.stdout.on('data', (data: Buffer) => {
      out += data.toString();
      if (!killed && out.split('\n').length > lines) {
        killed = true;
        proc.kill('SIGKILL');
      }
    });
    proc.stderr.on('data', (data: Buffer) => { err += data.toString(); });
    proc.on('error', reject);
    proc.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child ended without being killed: ${err}`));
      else resolve(out.split('\n').filter((line) => line !== ''));
    });
  });
}

crash('steps reported done before the kill are done; the entry is open and resumable', async () => {
  const lines = await runAndKill('steps', temp.file, 300);
  const reported = lines.filter((line) => line.startsWith('done ')).length;
  const store = openStateStore(temp.file);
  temp.store = store;
  const entry = store.findOpenJournal('office365', 'User', 'create', { name: 'crash@contoso.com' });
  assert.ok(entry, 'the entry is found by name');
  assert.is(entry.outcome, undefined);
  const statuses = entry.steps.map((s) => s.status);
  const done = statuses.filter((s) => s === 'done').length;
  assert.ok(done >= reported, `at least the ${reported} reported steps are done (found ${done})`);
  // A prefix of done steps, at most one step caught between running and done, then pending only.
  const firstNotDone = statuses.findIndex((s) => s !== 'done');
  assert.ok(statuses.slice(0, firstNotDone).every((s) => s === 'done'));
  assert.ok(['running', 'pending'].includes(statuses[firstNotDone] ?? ''), `step after the done ones is ${statuses[firstNotDone]}`);
  assert.ok(statuses.slice(firstNotDone + 1).every((s) => s === 'pending'));
  assert.ok(entry.steps.slice(0, firstNotDone).every((s, i) => s.attempts === 1 && (s.detail as { index: number }).index === i));
  // The rerun can carry on where the killed process stopped.
  store.markStep(entry.id, `step-${firstNotDone}`, 'done');
  store.finishJournal(entry.id, 'partial');
  assert.is(store.getJournal(entry.id)?.outcome, 'partial');
});

crash('an entry begun before the kill has all its steps, none half-written', async () => {
  const lines = await runAndKill('begins', temp.file, 100);
  const reported = lines.filter((line) => line.startsWith('begun ')).length;
  temp.store = openStateStore(temp.file);
  const db = new Database(temp.file, { readonly: true });
  const counts = db.prepare('SELECT j.id, count(s.step_id) AS steps FROM journal j LEFT JOIN journal_steps s ON s.journal_id = j.id GROUP BY j.id').all() as { id: number; steps: number }[];
  assert.ok(counts.length >= reported, `${counts.length} entries, ${reported} reported`);
  assert.ok(counts.every((c) => c.steps === 50), 'every entry has its 50 steps');
  assert.is(db.pragma('integrity_check', { simple: true }), 'ok');
  db.close();
});

crash.run();
