import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { steppingClock, tempStore, type TempStore } from './temp-store.js';

const lookups = suite('state: lookup values');
let temp: TempStore;

lookups.before.each(() => { temp = tempStore({ now: steppingClock() }); });
lookups.after.each(() => temp.dispose());

const groups = [
  { code: 'Office365~9b3b3faf', decode: 'Office365~Finance', id: '9b3b3faf' },
  { code: 'Office365~eb1b204e', decode: 'Office365~HR', id: 'eb1b204e' },
];

lookups('a lookup never synced has no sync record and no values', () => {
  assert.is(temp.store.getLookupSync('office365', 'Groups'), undefined);
  assert.equal(temp.store.lookupValues('office365', 'Groups'), []);
});

lookups('a sync stores the values in order and records when', () => {
  const sync = temp.store.replaceLookupValues('office365', 'Groups', groups);
  assert.equal(sync, { definition: 'office365', lookup: 'Groups', count: 2, syncedAt: sync.syncedAt });
  assert.match(sync.syncedAt, /^2026-01-01T/);
  assert.equal(temp.store.lookupValues('office365', 'Groups'), groups);
  assert.equal(temp.store.getLookupSync('office365', 'Groups'), sync);
  assert.equal(temp.store.listLookupSyncs('office365').map((s) => s.lookup), ['Groups']);
});

lookups('a new sync replaces the whole list; an empty sync is still a sync', () => {
  temp.store.replaceLookupValues('office365', 'Groups', groups);
  temp.store.replaceLookupValues('office365', 'Groups', []);
  assert.equal(temp.store.lookupValues('office365', 'Groups'), []);
  assert.is(temp.store.getLookupSync('office365', 'Groups')?.count, 0);
});

lookups('finds an entry by code, decode or id, ignoring case', () => {
  temp.store.replaceLookupValues('office365', 'Groups', groups);
  assert.equal(temp.store.findLookupValues('office365', 'Groups', 'office365~finance'), [groups[0]]);
  assert.equal(temp.store.findLookupValues('office365', 'Groups', 'EB1B204E'), [groups[1]]);
  assert.equal(temp.store.findLookupValues('office365', 'Groups', 'Office365~9b3b3faf'), [groups[0]]);
  assert.equal(temp.store.findLookupValues('office365', 'Groups', 'Sales'), []);
  assert.equal(temp.store.findLookupValues('other', 'Groups', 'eb1b204e'), []);
});

lookups('a bad entry changes nothing', () => {
  temp.store.replaceLookupValues('office365', 'Groups', groups);
  assert.throws(() => temp.store.replaceLookupValues('office365', 'Groups', [groups[0]!, { code: 'x', decode: '', id: 'y' }]), /entry 2: "decode" must be a non-empty string/);
  assert.equal(temp.store.lookupValues('office365', 'Groups'), groups);
});

lookups.run();
