import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { AccountKey } from '../../../runtime/state/index.js';
import { tempStore, type TempStore } from './temp-store.js';

const accounts = suite('state: account links, seen runs and snapshots');
let temp: TempStore;
const key = (uid: string, objectClass = 'User'): AccountKey => ({ definition: 'office365', objectClass, uid });

accounts.before.each(() => { temp = tempStore(); });
accounts.after.each(() => temp.dispose());

accounts('links an account to an identity and reads the link both ways', () => {
  const ada = temp.store.createIdentity({ login: 'ada' });
  temp.store.link({ ...key('u-1'), identityId: ada, name: 'ada@contoso.com' });
  temp.store.link({ ...key('g-1', 'Group'), identityId: ada });
  temp.store.link({ ...key('u-1'), definition: 'scim2', identityId: ada, name: 'ada' });
  const link = temp.store.getLinkByUid(key('u-1'));
  assert.is(link?.identityId, ada);
  assert.is(link?.name, 'ada@contoso.com');
  assert.type(link?.linkedAt, 'string');
  assert.equal(temp.store.getLinksByIdentity(ada).map((l) => `${l.definition}/${l.objectClass}/${l.uid}`), ['office365/Group/g-1', 'office365/User/u-1', 'scim2/User/u-1']);
  assert.is(temp.store.getLinkByUid(key('u-2')), undefined);
});

accounts('relinking moves the account; a later link without a name keeps the known name', () => {
  const ada = temp.store.createIdentity({ login: 'ada' });
  const bob = temp.store.createIdentity({ login: 'bob' });
  temp.store.link({ ...key('u-1'), identityId: ada, name: 'ada@contoso.com' });
  temp.store.link({ ...key('u-1'), identityId: bob });
  assert.is(temp.store.getLinkByUid(key('u-1'))?.identityId, bob);
  assert.is(temp.store.getLinkByUid(key('u-1'))?.name, 'ada@contoso.com');
  assert.equal(temp.store.getLinksByIdentity(ada), []);
  assert.throws(() => temp.store.link({ ...key('u-2'), identityId: 9999 }), /identity 9999 does not exist/);
  assert.throws(() => temp.store.link({ ...key(''), identityId: ada }), /uid must be a non-empty string/);
});

accounts('unlink keeps the account known; forget removes it; deleting the identity unlinks', () => {
  const ada = temp.store.createIdentity({ login: 'ada' });
  temp.store.link({ ...key('u-1'), identityId: ada, name: 'ada' });
  temp.store.setAccountSnapshot('office365', 'User', 'u-1', '{"a":1}');
  assert.is(temp.store.unlink(key('u-1')), true);
  assert.is(temp.store.unlink(key('u-1')), false);
  assert.is(temp.store.getLinkByUid(key('u-1')), undefined);
  assert.equal(temp.store.getAccount(key('u-1'))?.name, 'ada');
  assert.ok(temp.store.getAccountSnapshot('office365', 'User', 'u-1'));
  temp.store.link({ ...key('u-1'), identityId: ada });
  temp.store.deleteIdentity(ada);
  assert.is(temp.store.getLinkByUid(key('u-1')), undefined);
  assert.is(temp.store.getAccount(key('u-1'))?.identityId, undefined);
  assert.is(temp.store.forgetAccount(key('u-1')), true);
  assert.is(temp.store.getAccount(key('u-1')), undefined);
  assert.is(temp.store.forgetAccount(key('u-1')), false);
});

accounts('streams linked uids of one class, in uid order, across pages', () => {
  const ada = temp.store.createIdentity({ login: 'ada' });
  const uids = Array.from({ length: 1203 }, (_, i) => `u-${String(i).padStart(5, '0')}`);
  temp.store.transaction(() => { for (const uid of uids) temp.store.link({ ...key(uid), identityId: ada }); });
  temp.store.link({ ...key('g-1', 'Group'), identityId: ada });
  temp.store.markSeen('office365', 'User', 'unlinked', 1);
  const streamed: string[] = [];
  for (const uid of temp.store.linkedUids('office365', 'User')) {
    streamed.push(uid);
    // Other calls may run while the walk is under way; later pages see their effect.
    if (uid === 'u-00100') {
      temp.store.unlink(key('u-01100'));
      temp.store.link({ ...key('u-99999'), identityId: ada });
    }
  }
  assert.equal(streamed, [...uids.filter((u) => u !== 'u-01100'), 'u-99999']);
});

accounts('unseenSince lists the known accounts a full run did not see', () => {
  const first = temp.store.beginRun('office365', 'User', 'full');
  temp.store.markSeenMany('office365', 'User', ['a', 'b', 'c', 'd'], first.id);
  temp.store.finishRun(first.id, 'completed');
  const ada = temp.store.createIdentity({ login: 'ada' });
  temp.store.link({ ...key('e'), identityId: ada, name: 'never seen, linked' });
  temp.store.markSeen('office365', 'Group', 'x', first.id);
  const second = temp.store.beginRun('office365', 'User', 'full');
  temp.store.markSeenMany('office365', 'User', ['a', 'c'], second.id);
  const unseen = [...temp.store.unseenSince('office365', 'User', second.id)];
  assert.equal(unseen.map((a) => a.uid), ['b', 'd', 'e']);
  assert.is(unseen[0]?.lastSeenRun, first.id);
  assert.is(unseen[2]?.name, 'never seen, linked');
  assert.is(unseen[2]?.identityId, ada);
  assert.equal([...temp.store.unseenSince('office365', 'User', first.id)].map((a) => a.uid), ['e']);
});

accounts('snapshots are canonical: the same attributes in another key order are unchanged', () => {
  assert.is(temp.store.getAccountSnapshot('office365', 'User', 'u-1'), undefined);
  assert.is(temp.store.setAccountSnapshot('office365', 'User', 'u-1', '{"mail":"a@x","groups":["g2","g1"],"manager":{"id":"m","name":"M"}}'), true);
  assert.is(temp.store.setAccountSnapshot('office365', 'User', 'u-1', '{"manager":{"name":"M","id":"m"},"groups":["g2","g1"],"mail":"a@x"}'), false);
  const snapshot = temp.store.getAccountSnapshot('office365', 'User', 'u-1');
  assert.is(snapshot?.attributesJson, '{"groups":["g2","g1"],"mail":"a@x","manager":{"id":"m","name":"M"}}');
  assert.match(snapshot?.hash ?? '', /^[0-9a-f]{64}$/);
  assert.is(temp.store.getAccount(key('u-1'))?.snapshotHash, snapshot?.hash);
  assert.is(temp.store.setAccountSnapshot('office365', 'User', 'u-1', '{"mail":"b@x","groups":["g2","g1"],"manager":{"id":"m","name":"M"}}'), true);
  assert.equal(JSON.parse(temp.store.getAccountSnapshot('office365', 'User', 'u-1')?.attributesJson ?? ''), { groups: ['g2', 'g1'], mail: 'b@x', manager: { id: 'm', name: 'M' } });
  assert.throws(() => temp.store.setAccountSnapshot('office365', 'User', 'u-1', '{mail:'), /snapshot of User u-1 is not JSON/);
});

accounts('setAccountSnapshots returns the uids that changed', () => {
  temp.store.setAccountSnapshots('office365', 'User', [{ uid: 'a', attributesJson: '{"x":1}' }, { uid: 'b', attributesJson: '{"x":1}' }]);
  const changed = temp.store.setAccountSnapshots('office365', 'User', [
    { uid: 'a', attributesJson: '{"x":1}' }, { uid: 'b', attributesJson: '{"x":2}' }, { uid: 'c', attributesJson: '{}' },
  ]);
  assert.equal(changed, ['b', 'c']);
});

accounts('a batch with a bad item writes nothing, even inside a transaction that goes on', () => {
  const run = temp.store.beginRun('office365', 'User', 'full');
  temp.store.transaction(() => {
    temp.store.markSeen('office365', 'User', 'kept', run.id);
    assert.throws(() => temp.store.markSeenMany('office365', 'User', ['a', '', 'b'], run.id), /uid must be a non-empty string/);
    assert.throws(() => temp.store.setAccountSnapshots('office365', 'User', [{ uid: 'c', attributesJson: '{}' }, { uid: 'd', attributesJson: '{' }]), /not JSON/);
  });
  assert.ok(temp.store.getAccount(key('kept')));
  for (const uid of ['a', 'b', 'c', 'd']) assert.is(temp.store.getAccount(key(uid)), undefined, uid);
});

accounts.run();
