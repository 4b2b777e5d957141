import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { tempStore, type TempStore } from './temp-store.js';

const identities = suite('state: identity store');
let temp: TempStore;

identities.before.each(() => { temp = tempStore(); });
identities.after.each(() => temp.dispose());

identities('creates and reads an identity with string, number, boolean fields; null means absent', () => {
  const id = temp.store.createIdentity({ login: 'ada', employeeNumber: 42, active: true, manager: null });
  const identity = temp.store.getIdentity(id);
  assert.equal(identity?.fields, { login: 'ada', employeeNumber: 42, active: true });
  assert.type(identity?.createdAt, 'string');
  assert.is(temp.store.getIdentity(id + 1000), undefined);
});

identities('update merges fields and returns only the changed names', () => {
  const id = temp.store.createIdentity({ login: 'ada', mail: 'ada@contoso.com', title: 'Engineer' });
  assert.equal(temp.store.updateIdentity(id, { mail: 'ada@contoso.com', title: 'Manager', department: 'R&D', manager: null }), ['title', 'department']);
  assert.equal(temp.store.getIdentity(id)?.fields, { login: 'ada', mail: 'ada@contoso.com', title: 'Manager', department: 'R&D' });
  assert.equal(temp.store.updateIdentity(id, { title: null }), ['title']);
  assert.equal(temp.store.getIdentity(id)?.fields, { login: 'ada', mail: 'ada@contoso.com', department: 'R&D' });
  assert.equal(temp.store.updateIdentity(id, {}), []);
  // 42 and "42" are different values, even though they match alike.
  assert.equal(temp.store.updateIdentity(id, { login: 'ada', department: 'R&D' }), []);
  assert.throws(() => temp.store.updateIdentity(9999, { a: 'b' }), /identity 9999 does not exist/);
});

identities('finds by any field, exactly or ignoring case (Unicode), and follows updates', () => {
  const ada = temp.store.createIdentity({ login: 'Ada', mail: 'ADA@Contoso.com', city: 'Zürich', employeeNumber: 42 });
  const bob = temp.store.createIdentity({ login: 'bob', mail: 'bob@contoso.com', city: 'ZÜRICH', active: true });
  assert.equal(temp.store.findIdentities('mail', 'ada@contoso.com'), []);
  assert.equal(temp.store.findIdentities('mail', 'ada@contoso.com', { ignoreCase: true }), [ada]);
  assert.equal(temp.store.findIdentities('mail', 'ADA@Contoso.com'), [ada]);
  assert.equal(temp.store.findIdentities('city', 'zürich', { ignoreCase: true }), [ada, bob]);
  assert.equal(temp.store.findIdentities('city', 'Zürich'), [ada]);
  assert.equal(temp.store.findIdentities('employeeNumber', 42), [ada]);
  assert.equal(temp.store.findIdentities('employeeNumber', '42'), [ada]);
  assert.equal(temp.store.findIdentities('active', true), [bob]);
  assert.equal(temp.store.findIdentities('login', 'ada@contoso.com'), [], 'values of other fields do not match');
  temp.store.updateIdentity(ada, { mail: 'lovelace@contoso.com' });
  assert.equal(temp.store.findIdentities('mail', 'ADA@Contoso.com'), []);
  assert.equal(temp.store.findIdentities('mail', 'LOVELACE@contoso.com', { ignoreCase: true }), [ada]);
  temp.store.updateIdentity(ada, { mail: null });
  assert.equal(temp.store.findIdentities('mail', 'lovelace@contoso.com'), []);
});

identities('deletes an identity with its index rows', () => {
  const id = temp.store.createIdentity({ login: 'ada' });
  assert.is(temp.store.deleteIdentity(id), true);
  assert.is(temp.store.deleteIdentity(id), false);
  assert.is(temp.store.getIdentity(id), undefined);
  assert.equal(temp.store.findIdentities('login', 'ada'), []);
  assert.is(temp.store.countIdentities(), 0);
});

identities('rejects values that are not scalars and bad field names', () => {
  assert.throws(() => temp.store.createIdentity({ groups: ['a'] } as never), /field "groups" holds an array/);
  assert.throws(() => temp.store.createIdentity({ manager: { id: 1 } } as never), /field "manager" holds a value of type object/);
  assert.throws(() => temp.store.createIdentity({ n: Number.NaN }), /field "n" holds NaN/);
  assert.throws(() => temp.store.createIdentity({ '': 'x' }), /field name is empty/);
  assert.throws(() => temp.store.createIdentity(JSON.parse('{"__proto__":"x"}') as Record<string, string>), /"__proto__"/);
  assert.is(temp.store.countIdentities(), 0);
});

identities('streams every identity in id order while other calls run between items', () => {
  const ids = temp.store.createIdentities(Array.from({ length: 1234 }, (_, i) => ({ n: i })));
  const seen: number[] = [];
  for (const identity of temp.store.allIdentities()) {
    seen.push(identity.id);
    if (identity.fields.n === 600) temp.store.updateIdentity(identity.id, { touched: true });
  }
  assert.equal(seen, ids);
  assert.equal(temp.store.findIdentities('touched', true), [ids[600]]);
});

identities('100,000 identities: bulk create, count and find stay fast', () => {
  const count = 100_000;
  let started = performance.now();
  const ids = temp.store.createIdentities(Array.from({ length: count }, (_, i) => ({
    login: `user${i}`, mail: `User${i}@Contoso.com`, employeeNumber: i, department: `dept${i % 50}`, active: i % 3 !== 0,
  })));
  const createMs = performance.now() - started;
  assert.is(ids.length, count);
  assert.is(temp.store.countIdentities(), count);
  started = performance.now();
  for (let i = 0; i < 1000; i += 1) {
    const n = (i * 97) % count;
    assert.equal(temp.store.findIdentities('mail', `user${n}@contoso.com`, { ignoreCase: true }), [ids[n]]);
  }
  const findMs = performance.now() - started;
  assert.is(temp.store.findIdentities('department', 'DEPT7', { ignoreCase: true }).length, count / 50);
  started = performance.now();
  let streamed = 0;
  for (const _ of temp.store.allIdentities()) streamed += 1;
  const streamMs = performance.now() - started;
  assert.is(streamed, count);
  console.log(`    100k identities: create ${createMs.toFixed(0)} ms, 1000 case-insensitive finds ${findMs.toFixed(0)} ms, stream all ${streamMs.toFixed(0)} ms`);
  // Generous bounds: a slow CI machine passes, a missing index or transaction does not.
  assert.ok(createMs < 20_000, `create took ${createMs} ms`);
  assert.ok(findMs < 2_000, `finds took ${findMs} ms`);
});

identities.run();
