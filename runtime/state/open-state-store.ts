// Opens (creating if needed) the embedded state file and brings its schema up to date.
import { resolve } from 'node:path';
import { openDatabase, SqliteContext } from './sqlite/database.js';
import { migrate } from './sqlite/migrations.js';
import { SqliteStateStore } from './sqlite/sqlite-state-store.js';
import { defaultStatePath, type StateStore } from './types.js';

export interface OpenStateStoreOptions {
  /** How long a write waits for another process holding the file (default 5000 ms). */
  busyTimeoutMs?: number;
  /** The clock for stored timestamps (tests). */
  now?: () => Date;
}

/** `path` ":memory:" gives a private in-memory store (tests, dry runs). */
export function openStateStore(path: string = defaultStatePath, options: OpenStateStoreOptions = {}): StateStore {
  const file = path === ':memory:' ? path : resolve(path);
  const db = openDatabase(file, options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs });
  const sql = new SqliteContext(db, options.now);
  try {
    migrate(db, () => sql.now());
  } catch (error) {
    db.close();
    throw error;
  }
  return new SqliteStateStore(file, sql);
}
