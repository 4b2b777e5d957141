import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { latestSchemaVersion, openStateStore } from '../../../runtime/state/index.js';
import { tempStore, type TempStore } from './temp-store.js';

const open = suite('state: open, schema and migrations');
let temp: TempStore;

open.before.each(() => { temp = tempStore(); });
open.after.each(() => temp.dispose());

open('creates the missing directory and the schema, in WAL mode', () => {
  assert.ok(existsSync(temp.file));
  temp.store.close();
  const db = new Database(temp.file, { readonly: true });
  assert.is(db.pragma('journal_mode', { simple: true }), 'wal');
  const versions = db.prepare('SELECT version FROM schema_version ORDER BY version').all() as { version: number }[];
  assert.equal(versions.map((v) => v.version), Array.from({ length: latestSchemaVersion }, (_, i) => i + 1));
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  for (const table of ['accounts', 'audit_log', 'identities', 'identity_values', 'journal', 'journal_steps', 'recon_emitted', 'recon_runs', 'sync_tokens']) {
    assert.ok(tables.includes(table), table);
  }
  db.close();
});

open('migrates an existing empty file', () => {
  const file = join(temp.dir, 'empty.db');
  writeFileSync(file, '');
  const store = openStateStore(file);
  assert.is(store.countIdentities(), 0);
  store.close();
});

open('reopening keeps the data and does not migrate again', () => {
  temp.store.setToken({ definition: 'o365', objectClass: 'User', kind: 'delta' }, 'https://graph/delta?token=1');
  const id = temp.store.createIdentity({ login: 'ada' });
  const store = temp.reopen();
  assert.is(store.getToken({ definition: 'o365', objectClass: 'User', kind: 'delta' })?.value, 'https://graph/delta?token=1');
  assert.equal(store.getIdentity(id)?.fields, { login: 'ada' });
  store.close();
  const db = new Database(temp.file, { readonly: true });
  assert.is((db.prepare('SELECT count(*) AS n FROM schema_version').get() as { n: number }).n, latestSchemaVersion);
  db.close();
});

open('refuses a file written by a newer schema', () => {
  temp.store.close();
  const db = new Database(temp.file);
  db.prepare('INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)').run(latestSchemaVersion + 1, 'future', 'now');
  db.close();
  assert.throws(() => openStateStore(temp.file), new RegExp(`schema version ${latestSchemaVersion + 1}, newer than this connector knows \\(${latestSchemaVersion}\\)`));
  temp.store = openStateStore(':memory:');
});

open('refuses an SQLite file that is not a state file, and a file that is not SQLite', () => {
  const other = join(temp.dir, 'other.db');
  const db = new Database(other);
  db.exec('CREATE TABLE things (x)');
  db.close();
  assert.throws(() => openStateStore(other), /not a connector state file/);
  const text = join(temp.dir, 'notes.txt');
  writeFileSync(text, 'this is not a database, just some text that is long enough to have a header');
  assert.throws(() => openStateStore(text), /ConfigurationError: open state store failed: cannot open the state file/);
});

open('a second process reads the last commit while the first is inside a transaction (WAL)', () => {
  const reader = openStateStore(temp.file);
  try {
    temp.store.setToken({ definition: 'd', objectClass: 'User', kind: 'delta' }, 'committed');
    temp.store.transaction(() => {
      temp.store.setToken({ definition: 'd', objectClass: 'User', kind: 'delta' }, 'uncommitted');
      assert.is(reader.getToken({ definition: 'd', objectClass: 'User', kind: 'delta' })?.value, 'committed');
    });
    assert.is(reader.getToken({ definition: 'd', objectClass: 'User', kind: 'delta' })?.value, 'uncommitted');
  } finally {
    reader.close();
  }
});

open('a writer waits for another writer up to the busy timeout, then fails clearly', () => {
  const other = openStateStore(temp.file, { busyTimeoutMs: 50 });
  try {
    temp.store.transaction(() => {
      temp.store.createIdentity({ a: '1' });
      const started = Date.now();
      assert.throws(() => other.createIdentity({ a: '2' }), /database is locked/);
      assert.ok(Date.now() - started >= 40);
    });
    other.createIdentity({ a: '2' });
    assert.is(temp.store.countIdentities(), 2);
  } finally {
    other.close();
  }
});

open('close is idempotent and later calls fail clearly', () => {
  temp.store.close();
  temp.store.close();
  assert.throws(() => temp.store.countIdentities(), /not open/);
});

open('an in-memory store works without a directory', () => {
  const store = openStateStore(':memory:');
  assert.is(store.path, ':memory:');
  store.createIdentity({ a: 'b' });
  assert.is(store.countIdentities(), 1);
  store.close();
});

open('transaction rolls back every write when fn throws, and nests', () => {
  const { store } = temp;
  assert.throws(() => store.transaction(() => {
    store.createIdentity({ a: '1' });
    store.transaction(() => store.createIdentity({ a: '2' }));
    throw new Error('boom');
  }), /boom/);
  assert.is(store.countIdentities(), 0);
  const inner = store.transaction(() => {
    store.createIdentity({ a: '1' });
    try {
      store.transaction(() => {
        store.createIdentity({ a: '2' });
        throw new Error('inner');
      });
    } catch { /* the savepoint alone is rolled back */ }
    return store.countIdentities();
  });
  assert.is(inner, 1);
  assert.is(store.countIdentities(), 1);
});

open.run();
