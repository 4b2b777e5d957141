import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { openFileSink, type EventSink } from '../../../runtime/reconcile/event-sink.js';
import { byEvent, readEvents, startReconHarness, type ReconHarness } from './reconcile-support.js';

const incremental = suite('reconcile: incremental rounds by delta query, checkpoints and resume');
let h: ReconHarness;

incremental.before.each(async () => {
  h = await startReconHarness({ users: 60 });
});
incremental.after.each(() => h.close());

const deltaKey = { definition: 'office365', objectClass: 'user', kind: 'delta' as const };

incremental('the first round lists everything and stores the delta link at the end; later rounds report exactly the changes', async () => {
  await h.reconcile({});
  const first = await h.reconcile({ mode: 'incremental' });
  assert.is(first.summary.source, 'delta first round');
  assert.is(first.summary.objects, 60);
  assert.equal(first.events, [], 'the first round after a full run finds nothing new');
  assert.is(first.summary.advanced, 'delta');
  assert.match(h.state.getToken(deltaKey)!.value, /\/users\/delta\?\$deltatoken=/);

  const { updated, deleted } = h.fake.mutateUsers({ update: 3, delete: 2 });
  const changes = await h.reconcile({ mode: 'incremental' });
  assert.is(changes.summary.source, 'delta changes round');
  assert.equal(byEvent(changes.events), { unmatched: [...updated].sort(), delete: [...deleted].sort() });
  assert.ok(changes.events.filter((e) => e.event === 'unmatched').every((e) => String(e.attributes!['Job Title']).startsWith('Updated title')));
  assert.equal((await h.reconcile({ mode: 'incremental' })).events, []);
});

incremental('deletions found by the first round of a fresh state come from the comparison with known accounts', async () => {
  await h.reconcile({});
  const { updated, deleted } = h.fake.mutateUsers({ update: 4, delete: 3 });
  const round = await h.reconcile({ mode: 'incremental' });
  assert.equal(byEvent(round.events), { unmatched: [...updated].sort(), delete: [...deleted].sort() });
});

incremental('a round that fails keeps the old delta link: the rerun reports the same changes', async () => {
  await h.reconcile({ mode: 'incremental' });
  const before = h.state.getToken(deltaKey)!.value;
  const { updated } = h.fake.mutateUsers({ update: 2 });
  const failing = (at: number | undefined, file: string): EventSink => {
    const sink = openFileSink(file, at).sink;
    return { ...sink, get position() { return sink.position; }, write: () => { throw new Error('disk full'); } };
  };
  await h.reconcile({ mode: 'incremental', sink: failing }).then(() => assert.unreachable('should fail'), (error: Error) => assert.match(error.message, /disk full/));
  assert.is(h.state.getToken(deltaKey)!.value, before);
  const rerun = await h.reconcile({ mode: 'incremental' });
  assert.equal(byEvent(rerun.events), { unmatched: [...updated].sort() });
});

incremental('an object repeated within a round counts once, with its last state', async () => {
  await h.close();
  h = await startReconHarness({ users: 30, deltaReplay: true });
  await h.reconcile({ mode: 'incremental' });
  const { updated } = h.fake.mutateUsers({ update: 5 });
  const round = await h.reconcile({ mode: 'incremental' });
  assert.equal(round.events.map((e) => e.uid).sort(), [...updated].sort());
});

incremental('a changes round larger than memory allows moves to the state store and reports the same changes', async () => {
  await h.reconcile({ mode: 'incremental' });
  const { updated, deleted } = h.fake.mutateUsers({ update: 20, delete: 5 });
  let stored = 0;
  const put = h.state.putRoundChanges.bind(h.state);
  h.state.putRoundChanges = (key, changes) => {
    stored += changes.length;
    put(key, changes);
  };
  const round = await h.reconcile({ mode: 'incremental', roundInMemory: 5, batchSize: 7 });
  assert.ok(stored >= 25, `${stored} changes went to the store`);
  assert.is(round.summary.source, 'delta changes round');
  assert.equal(byEvent(round.events), { unmatched: [...updated].sort(), delete: [...deleted].sort() });
  assert.equal([...h.state.roundChanges('reconcile office365 user')], [], 'nothing left in the store');
  assert.equal((await h.reconcile({ mode: 'incremental', roundInMemory: 5 })).events, []);
});

incremental('an expired delta link (410) warns and resyncs with a first round', async () => {
  await h.reconcile({ mode: 'incremental' });
  const { updated } = h.fake.mutateUsers({ update: 2 });
  h.fake.expireDeltaTokens();
  const round = await h.reconcile({ mode: 'incremental' });
  assert.is(round.summary.source, 'delta first round');
  assert.match(h.warnings.join('\n'), /HTTP 410 \(expired\).*full resync/);
  assert.equal(byEvent(round.events), { unmatched: [...updated].sort() });
  assert.equal((await h.reconcile({ mode: 'incremental' })).events, [], 'the new link works');
});

incremental('a delta round that expires half-way resyncs and reports every account exactly once', async () => {
  await h.close();
  h = await startReconHarness({ users: 60, deltaPageSize: 10 });
  let expired = false;
  const round = await h.reconcile({
    mode: 'incremental',
    onProgress: () => {
      // After the first commit, the rest of this round's links stop working (410).
      if (!expired) h.fake.expireDeltaTokens();
      expired = true;
    },
  });
  assert.match(h.warnings.join('\n'), /full resync/);
  assert.is(round.summary.source, 'delta first round');
  assert.is(round.summary.events, 60);
  assert.is(round.events.length, 60);
  assert.is(new Set(round.events.map((e) => e.uid)).size, 60);
  assert.equal((await h.reconcile({ mode: 'incremental' })).events, [], 'the resync stored a working link');
});

incremental('a stored delta link on another origin is never followed', async () => {
  h.state.setToken(deltaKey, 'https://graph.evil.example/v1.0/users/delta?$deltatoken=x');
  await h.reconcile({ mode: 'incremental' }).then(() => assert.unreachable('should fail'), (error: Error) => {
    assert.is((error as { kind?: string }).kind, 'ConfigurationError');
    assert.match(error.message, /graph\.evil\.example.*not to the connection's origin/);
  });
});

incremental('a full run that stops half-way resumes after its last committed page without repeating a line', async () => {
  let writes = 0;
  const breaksOnThird = (at: number | undefined, file: string): EventSink => {
    const sink = openFileSink(file, at).sink;
    return {
      get position() { return sink.position; },
      rewindable: true,
      write(text) {
        // Half a batch reaches the file, ending inside a line, then the "process dies".
        if (++writes === 3) {
          const joined = typeof text === 'string' ? text : text.join('');
          sink.write(joined.slice(0, Math.floor(joined.length / 2) + 3));
          throw new Error('killed');
        }
        sink.write(text);
      },
      close: () => sink.close(),
    };
  };
  const file = `${h.dir}/resumed.ndjson`;
  // One page per commit (25 users), so that two pages are committed before the third breaks.
  await h.reconcile({ file, sink: breaksOnThird, commitEvery: 25 }).then(() => assert.unreachable('should fail'), (error: Error) => assert.match(error.message, /killed/));
  assert.ok(readFileSync(file, 'utf8').length > 0);
  const rerun = await h.reconcile({ file, commitEvery: 25 });
  assert.is(rerun.summary.resumed, true);
  assert.is(rerun.summary.events, 60, 'the summary counts the whole run');
  const events = readEvents(file);
  assert.is(events.length, 60);
  assert.is(new Set(events.map((e) => e.uid)).size, 60);
  assert.equal(new Set(events.map((e) => e.uid)), new Set(h.fake.users({ limit: 1000 }).map((u) => u.id)));
});

incremental('--restart ignores the checkpoint of an interrupted run', async () => {
  const failing = (at: number | undefined, file: string): EventSink => ({ ...openFileSink(file, at).sink, position: 0, rewindable: true, write: () => { throw new Error('stop'); } });
  await h.reconcile({ sink: failing }).catch(() => undefined);
  const fresh = await h.reconcile({ restart: true });
  assert.is(fresh.summary.resumed, false);
  assert.is(fresh.events.length, 60);
});

incremental.run();
