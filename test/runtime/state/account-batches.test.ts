import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { sha256 } from '../../../runtime/state/canonical-json.js';
import { tempStore, type TempStore } from './temp-store.js';

const batches = suite('state: account batches (reconciliation hot path)');
let temp: TempStore;

batches.before.each(() => { temp = tempStore(); });
batches.after.each(() => temp.dispose());

batches('saves new accounts with name, snapshot and last seen run, and reads them back in one call', () => {
  const run = temp.store.beginRun('office365', 'user', 'full');
  temp.store.saveAccountStates('office365', 'user', run.id, [
    { uid: 'a', name: 'ann', snapshotJson: '{"A":1}' },
    { uid: 'b', snapshotJson: '{"A":2}' },
  ]);
  const states = temp.store.getAccountStates('office365', 'user', ['a', 'b', 'missing']);
  assert.equal([...states.keys()].sort(), ['a', 'b']);
  const a = states.get('a')!;
  assert.equal([a.name, a.snapshotJson, a.lastSeenRun], ['ann', '{"A":1}', run.id]);
  // The hot path stores no hash; the snapshot reader derives it from the text.
  assert.is(a.snapshotHash, undefined);
  assert.equal(temp.store.getAccountSnapshot('office365', 'user', 'a'), { attributesJson: '{"A":1}', hash: sha256('{"A":1}'), updatedAt: temp.store.getAccountSnapshot('office365', 'user', 'a')!.updatedAt });
  assert.is(temp.store.setAccountSnapshot('office365', 'user', 'a', '{"A":1}'), false, 'the same text is no change');
});

batches('a later save without snapshot or name keeps them and only marks the account seen', () => {
  const first = temp.store.beginRun('office365', 'user', 'full');
  temp.store.saveAccountStates('office365', 'user', first.id, [{ uid: 'a', name: 'ann', snapshotJson: '{"A":1}' }]);
  temp.store.finishRun(first.id, 'completed');
  const second = temp.store.beginRun('office365', 'user', 'full');
  temp.store.saveAccountStates('office365', 'user', second.id, [{ uid: 'a' }]);
  const a = temp.store.getAccountStates('office365', 'user', ['a']).get('a')!;
  assert.equal([a.name, a.snapshotJson, a.lastSeenRun], ['ann', '{"A":1}', second.id]);
  assert.equal([...temp.store.unseenSince('office365', 'user', second.id)], []);
});

batches('keeps the link made by link() and is seen by unseenSince of later runs', () => {
  const identity = temp.store.createIdentity({ 'User Login': 'ann' });
  temp.store.link({ definition: 'office365', objectClass: 'user', uid: 'a', identityId: identity });
  const run = temp.store.beginRun('office365', 'user', 'full');
  temp.store.saveAccountStates('office365', 'user', run.id, [{ uid: 'a', snapshotJson: '{}' }, { uid: 'b', snapshotJson: '{}' }]);
  assert.is(temp.store.getAccountStates('office365', 'user', ['a']).get('a')!.identityId, identity);
  const next = temp.store.beginRun('office365', 'user', 'full');
  temp.store.saveAccountStates('office365', 'user', next.id, [{ uid: 'b' }]);
  assert.equal([...temp.store.unseenSince('office365', 'user', next.id)].map((account) => account.uid), ['a']);
});

batches('reads and writes more accounts than fit in one statement', () => {
  const run = temp.store.beginRun('office365', 'user', 'full');
  const uids = Array.from({ length: 1234 }, (_, i) => `u${i}`);
  temp.store.saveAccountStates('office365', 'user', run.id, uids.map((uid) => ({ uid, snapshotJson: `{"n":"${uid}"}` })));
  const states = temp.store.getAccountStates('office365', 'user', uids);
  assert.is(states.size, 1234);
  assert.is(states.get('u1233')!.snapshotJson, '{"n":"u1233"}');
});

batches('an empty uid writes nothing', () => {
  const run = temp.store.beginRun('office365', 'user', 'full');
  assert.throws(() => temp.store.saveAccountStates('office365', 'user', run.id, [{ uid: 'a' }, { uid: '' }]), /non-empty string/);
  assert.is(temp.store.getAccountStates('office365', 'user', ['a']).size, 0);
});

batches.run();
