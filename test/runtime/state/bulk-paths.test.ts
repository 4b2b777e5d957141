import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { tempStore, type TempStore } from './temp-store.js';

// Speed sanity for the paths a 100k-object full reconciliation takes. The bounds are loose
// (a loaded CI machine passes); a lost transaction or index makes them fail by far.
const bulk = suite('state: bulk paths at 100,000 rows');
let temp: TempStore;
const count = 100_000;
const uids = Array.from({ length: count }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

bulk.before.each(() => { temp = tempStore(); });
bulk.after.each(() => temp.dispose());

function timed(label: string, fn: () => void): number {
  const started = performance.now();
  fn();
  const ms = performance.now() - started;
  console.log(`    ${label}: ${ms.toFixed(0)} ms`);
  return ms;
}

bulk('markSeenMany, unseenSince, recordEmittedMany and wasEmitted', () => {
  const run = temp.store.beginRun('office365', 'User', 'full');
  assert.ok(timed('markSeenMany 100k', () => temp.store.markSeenMany('office365', 'User', uids, run.id)) < 15_000);
  const second = temp.store.beginRun('office365', 'User', 'full');
  temp.store.markSeenMany('office365', 'User', uids.filter((_, i) => i % 1000 !== 0), second.id);
  let unseen = 0;
  assert.ok(timed('unseenSince over 100k', () => { for (const _ of temp.store.unseenSince('office365', 'User', second.id)) unseen += 1; }) < 5_000);
  assert.is(unseen, count / 1000);
  assert.ok(timed('recordEmittedMany 100k', () => temp.store.recordEmittedMany(second.id, uids)) < 15_000);
  let emitted = 0;
  assert.ok(timed('wasEmitted 100k', () => { for (const uid of uids) if (temp.store.wasEmitted(second.id, uid)) emitted += 1; }) < 15_000);
  assert.is(emitted, count);
});

bulk('setAccountSnapshots and per-page transactions', () => {
  const snapshot = (i: number, title: string): string => JSON.stringify({ displayName: `User ${i}`, mail: `user${i}@contoso.com`, title, groups: [`g${i % 10}`] });
  assert.ok(timed('setAccountSnapshots 100k (new)', () => {
    assert.is(temp.store.setAccountSnapshots('office365', 'User', uids.map((uid, i) => ({ uid, attributesJson: snapshot(i, 'Engineer') }))).length, count);
  }) < 20_000);
  const changed: string[] = [];
  assert.ok(timed('setAccountSnapshots 100k (1% changed), pages of 1000', () => {
    for (let page = 0; page < count; page += 1000) {
      temp.store.transaction(() => {
        for (let i = page; i < page + 1000; i += 1) {
          const uid = uids[i] ?? '';
          if (temp.store.setAccountSnapshot('office365', 'User', uid, snapshot(i, i % 100 === 0 ? 'Manager' : 'Engineer'))) changed.push(uid);
        }
      });
    }
  }) < 20_000);
  assert.is(changed.length, count / 100);
});

bulk.run();
