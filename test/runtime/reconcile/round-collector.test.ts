import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { RoundCollector, type ChangeBatch } from '../../../runtime/reconcile/change-source.js';
import { openStateStore } from '../../../runtime/state/index.js';
import type { StateStore } from '../../../runtime/state/types.js';

const round = suite('reconcile: an incremental round collected by uid, in memory or in the state store');
let state: StateStore;

round.before.each(() => {
  state = openStateStore(':memory:');
});
round.after.each(() => state.close());

type Step = ['upsert', string, number] | ['delete', string];

// The same round, told in the order a target might report it: repeats, a deletion, an object
// changed again after it was deleted, and more objects after the collector has spilled.
const steps: Step[] = [
  ['upsert', 'a', 1], ['upsert', 'b', 1], ['delete', 'c'], ['upsert', 'a', 2], ['upsert', 'd', 1],
  ['upsert', 'e', 1], ['upsert', 'b', 2], ['delete', 'a'], ['upsert', 'c', 3], ['upsert', 'f', 1],
];

function collect(collector: RoundCollector): ChangeBatch[] {
  for (const step of steps) {
    if (step[0] === 'upsert') collector.upsert(step[1], { id: step[1], v: step[2] });
    else collector.delete(step[1]);
  }
  return [...collector.batches(2)];
}

const flat = (batches: ChangeBatch[]) => batches.flatMap((b) => [...b.upserts.map((u) => JSON.stringify(u)), ...b.deletions.map((d) => `-${d}`)]);

round('past its limit the round moves to the store and reads back exactly as from memory', () => {
  const inMemory = collect(new RoundCollector());
  const spilled = collect(new RoundCollector({ state, key: 'test round', after: 3 }));
  // Last state per uid, in the order last seen (d, e, b(2), a deleted, c(3), f), two per batch.
  assert.equal(flat(inMemory), ['{"id":"d","v":1}', '{"id":"e","v":1}', '{"id":"b","v":2}', '-a', '{"id":"c","v":3}', '{"id":"f","v":1}']);
  assert.equal(flat(spilled).sort(), flat(inMemory).sort());
  assert.equal(spilled.flatMap((b) => [...b.upserts.map((u) => (u as { id: string }).id), ...b.deletions]), inMemory.flatMap((b) => [...b.upserts.map((u) => (u as { id: string }).id), ...b.deletions]));
  assert.ok(spilled.every((b) => b.upserts.length + b.deletions.length <= 2), 'batches keep their size');
  assert.equal([...state.roundChanges('test round')], [], 'the store forgets the round once it has been read');
});

round('a round under its limit never touches the store; a new round clears what an interrupted one left', () => {
  state.putRoundChanges('test round', [{ uid: 'stale', raw: '{"id":"stale"}' }]);
  const small = new RoundCollector({ state, key: 'test round', after: 100 });
  small.upsert('x', { id: 'x' });
  assert.equal(flat([...small.batches(10)]), ['{"id":"x"}']);
  assert.equal([...state.roundChanges('test round')].map((c) => c.uid), ['stale'], 'untouched');
  const spilled = collect(new RoundCollector({ state, key: 'test round', after: 1 }));
  assert.not.ok(flat(spilled).some((line) => line.includes('stale')));
});

round('the store keeps the last change per uid and moves it to the end', () => {
  state.putRoundChanges('r', [{ uid: 'a', raw: '1' }, { uid: 'b', raw: '1' }]);
  state.putRoundChanges('r', [{ uid: 'a', raw: null }]);
  state.putRoundChanges('other', [{ uid: 'a', raw: '9' }]);
  assert.equal([...state.roundChanges('r')], [{ uid: 'b', raw: '1' }, { uid: 'a', raw: null }]);
  state.clearRoundChanges('r');
  assert.equal([...state.roundChanges('r')], []);
  assert.equal([...state.roundChanges('other')], [{ uid: 'a', raw: '9' }]);
});

round.run();
