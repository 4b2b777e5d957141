import Database from 'better-sqlite3';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { dropSecretKeys } from '../../../runtime/state/drop-secret-keys.js';
import { steppingClock, tempStore, type TempStore } from './temp-store.js';

const audit = suite('state: audit log');
let temp: TempStore;

audit.before.each(() => { temp = tempStore({ now: steppingClock('2026-03-01T10:00:00.000Z') }); });
audit.after.each(() => temp.dispose());

audit('appends records and lists them newest first with every field', () => {
  const first = temp.store.audit({ definition: 'office365', objectClass: 'User', operation: 'create', name: 'ada@contoso.com', uid: 'u-1', outcome: 'success', actor: 'cli', details: { status: 201 } });
  const second = temp.store.audit({ definition: 'office365', objectClass: 'User', operation: 'update', uid: 'u-1', outcome: 'failure', kind: 'Throttled', message: 'HTTP 429' });
  assert.ok(second > first);
  const records = temp.store.listAudit();
  assert.equal(records.map((r) => r.id), [second, first]);
  assert.equal(records[1], {
    id: first, at: records[1]?.at ?? '', definition: 'office365', objectClass: 'User', operation: 'create',
    uid: 'u-1', name: 'ada@contoso.com', outcome: 'success', actor: 'cli', details: { status: 201 },
  });
  assert.equal(records[0], {
    id: second, at: records[0]?.at ?? '', definition: 'office365', objectClass: 'User', operation: 'update',
    uid: 'u-1', outcome: 'failure', kind: 'Throttled', message: 'HTTP 429',
  });
  assert.ok((records[0]?.at ?? '') > (records[1]?.at ?? ''));
});

audit('filters by definition, class, outcome, time and limit', () => {
  const add = (definition: string, objectClass: string, outcome: 'success' | 'failure'): number =>
    temp.store.audit({ definition, objectClass, operation: 'create', outcome });
  const a = add('office365', 'User', 'success');
  const b = add('office365', 'Group', 'failure');
  const c = add('scim2', 'User', 'success');
  const d = add('office365', 'User', 'failure');
  const ids = (filter: Parameters<typeof temp.store.listAudit>[0]): number[] => temp.store.listAudit(filter).map((r) => r.id);
  assert.equal(ids({ definition: 'office365' }), [d, b, a]);
  assert.equal(ids({ definition: 'office365', objectClass: 'User' }), [d, a]);
  assert.equal(ids({ outcome: 'failure' }), [d, b]);
  assert.equal(ids({ limit: 2 }), [d, c]);
  const cAt = temp.store.listAudit({ limit: 2 })[1]?.at ?? '';
  assert.equal(ids({ since: cAt }), [d, c]);
  assert.equal(ids({ since: new Date(cAt) }), [d, c]);
  // Any spelling of the time works: it is normalized before comparing.
  assert.equal(ids({ since: cAt.replace('Z', '+00:00') }), [d, c]);
  assert.throws(() => ids({ since: 'yesterday-ish' }), /"since" is not a date/);
});

audit('never stores a key that looks secret, at any depth', () => {
  temp.store.audit({
    definition: 'office365', objectClass: 'User', operation: 'create', outcome: 'success',
    details: {
      displayName: 'Ada',
      password: 'P@ssw0rd!',
      passwordProfile: { password: 'x', forceChangePasswordNextSignIn: true },
      clientSecret: 's3cr3t-value',
      headers: { Authorization: 'Bearer eyJabc', 'x-request-id': 'r1' },
      tokens: [{ access_token: 'eyJxyz', kind: 'bearer' }],
      items: [{ refreshToken: 'r', apiKey: 'k', name: 'n' }],
    },
  });
  assert.equal(temp.store.listAudit()[0]?.details, { displayName: 'Ada', headers: { 'x-request-id': 'r1' }, items: [{ name: 'n' }] });
  temp.store.close();
  const db = new Database(temp.file, { readonly: true });
  const raw = JSON.stringify(db.prepare('SELECT * FROM audit_log').all());
  db.close();
  for (const secret of ['P@ssw0rd!', 's3cr3t-value', 'eyJabc', 'eyJxyz', 'password', 'Secret', 'oken']) assert.not.ok(raw.includes(secret), secret);
  temp.store = temp.reopen();
});

audit('dropSecretKeys keeps other values and structure as they are', () => {
  assert.equal(dropSecretKeys({ a: [1, 'two', null, { b: true }], c: { d: 'e' } }), { a: [1, 'two', null, { b: true }], c: { d: 'e' } });
  assert.is(dropSecretKeys('password'), 'password');
  assert.equal(dropSecretKeys([{ userPassword: 'x', pwdLastSet: 1, mail: 'm' }]), [{ mail: 'm' }]);
});

audit.run();
