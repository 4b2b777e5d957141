import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { SyncTokenKey } from '../../../runtime/state/index.js';
import { steppingClock, tempStore, type TempStore } from './temp-store.js';

const tokens = suite('state: sync tokens');
let temp: TempStore;
const delta: SyncTokenKey = { definition: 'office365', objectClass: 'User', kind: 'delta' };

tokens.before.each(() => { temp = tempStore({ now: steppingClock() }); });
tokens.after.each(() => temp.dispose());

tokens('an unknown token is undefined', () => {
  assert.is(temp.store.getToken(delta), undefined);
});

tokens('sets, replaces and reads a token with its update time', () => {
  const first = temp.store.setToken(delta, 'https://graph.microsoft.com/v1.0/users/delta?$deltatoken=a');
  assert.equal(first, { ...delta, value: 'https://graph.microsoft.com/v1.0/users/delta?$deltatoken=a', updatedAt: first.updatedAt });
  assert.equal(temp.store.getToken(delta), first);
  const second = temp.store.setToken(delta, 'https://graph.microsoft.com/v1.0/users/delta?$deltatoken=b');
  assert.equal(temp.store.getToken(delta), { ...delta, value: 'https://graph.microsoft.com/v1.0/users/delta?$deltatoken=b', updatedAt: second.updatedAt });
  assert.ok(second.updatedAt > first.updatedAt, 'the update time moves forward');
});

tokens('keys tokens by definition, class and kind', () => {
  temp.store.setToken(delta, 'd');
  temp.store.setToken({ ...delta, kind: 'watermark' }, '2026-01-01T00:00:00Z');
  temp.store.setToken({ ...delta, objectClass: 'Group' }, 'g');
  temp.store.setToken({ ...delta, definition: 'scim2' }, 's');
  assert.is(temp.store.getToken(delta)?.value, 'd');
  assert.is(temp.store.getToken({ ...delta, kind: 'watermark' })?.value, '2026-01-01T00:00:00Z');
  assert.is(temp.store.getToken({ ...delta, objectClass: 'Group' })?.value, 'g');
  assert.equal(temp.store.listTokens('office365').map((t) => `${t.objectClass}/${t.kind}`), ['Group/delta', 'User/delta', 'User/watermark']);
  assert.is(temp.store.listTokens().length, 4);
});

tokens('a checkpoint carries the count of events already written', () => {
  const checkpoint: SyncTokenKey = { ...delta, kind: 'checkpoint' };
  temp.store.setToken(checkpoint, 'https://graph/users?$skiptoken=3', 300);
  assert.is(temp.store.getToken(checkpoint)?.count, 300);
  temp.store.setToken(checkpoint, 'https://graph/users?$skiptoken=4');
  assert.is(temp.store.getToken(checkpoint)?.count, undefined);
});

tokens('deletes a token', () => {
  temp.store.setToken(delta, 'd');
  assert.is(temp.store.deleteToken(delta), true);
  assert.is(temp.store.deleteToken(delta), false);
  assert.is(temp.store.getToken(delta), undefined);
});

tokens('a token advanced in a transaction that fails stays at the old value', () => {
  temp.store.setToken(delta, 'old');
  assert.throws(() => temp.store.transaction(() => {
    temp.store.setToken(delta, 'new');
    throw new Error('round failed');
  }));
  assert.is(temp.store.getToken(delta)?.value, 'old');
});

tokens.run();
