// Opens the SQLite file with the settings every area relies on, and caches prepared statements.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { connectorError } from '../../errors.js';
import { stateError } from '../state-error.js';

export type SqliteDatabase = Database.Database;
export type SqliteStatement = Database.Statement<unknown[], unknown>;

export interface OpenDatabaseOptions {
  /** How long a write waits for another process's lock before failing (default 5000 ms). */
  busyTimeoutMs?: number;
}

export function openDatabase(path: string, options: OpenDatabaseOptions = {}): SqliteDatabase {
  const inMemory = path === ':memory:';
  if (!inMemory) mkdirSync(dirname(path), { recursive: true });
  let db: SqliteDatabase | undefined;
  try {
    db = new Database(path, { timeout: options.busyTimeoutMs ?? 5000 });
    // WAL lets readers (e.g. `connector state show`) run while a reconciliation writes;
    // NORMAL sync in WAL never corrupts the file, a power loss may only drop the last commits.
    // 16 KiB pages for a new file (an existing one keeps its size): a reconciliation writes
    // ~100k account rows per run, and a commit then writes a quarter as many WAL frames.
    if (!inMemory) db.pragma('page_size = 16384');
    if (!inMemory) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // Savepoints (nested transactions) keep their undo pages in memory instead of temp files.
    db.pragma('temp_store = MEMORY');
    // 16 MiB of page cache (SQLite's default is 2): a reconciliation commit of 5,000 accounts
    // then stays in memory until it commits, instead of spilling pages it will write again
    // (100k-account first run: upserts 940 -> 580 ms; peak RSS +13 MB). Only pages used count.
    db.pragma('cache_size = -16384');
  } catch (error) {
    db?.close();
    throw connectorError('ConfigurationError', `cannot open the state file ${path}: ${(error as Error).message}`, {
      operation: 'open state store',
      hint: 'check that the path is a writable directory and the file is a connector state database (--state FILE)',
    }, error);
  }
  return db;
}

/**
 * What every area gets: cached prepared statements, transactions and the clock.
 * Rows come back as the row interface the caller names; the SQL and the interface sit side by side.
 */
export class SqliteContext {
  private readonly statements = new Map<string, SqliteStatement>();

  constructor(
    readonly db: SqliteDatabase,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  statement(sql: string): SqliteStatement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare<unknown[], unknown>(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  get<Row>(sql: string, ...params: unknown[]): Row | undefined {
    return this.statement(sql).get(...params) as Row | undefined;
  }

  all<Row>(sql: string, ...params: unknown[]): Row[] {
    return this.statement(sql).all(...params) as Row[];
  }

  run(sql: string, ...params: unknown[]): Database.RunResult {
    return this.statement(sql).run(...params);
  }

  /** The public `transaction(fn)` and the batch calls: a transaction, or a savepoint inside an open one. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /**
   * Makes one store call's writes atomic. Inside an open transaction the call simply joins it:
   * every call checks its input before it writes, so a failure half-way is an SQLite failure
   * that the enclosing transaction rolls back, and a savepoint per call would cost as much as
   * the call itself (100k creates: 2 s in one transaction, 6 s with a savepoint each).
   */
  atomic<T>(fn: () => T): T {
    return this.db.inTransaction ? fn() : this.db.transaction(fn)();
  }

  /** BEGIN IMMEDIATE now, COMMIT or ROLLBACK later (across awaits); see StateStore.openTransaction. */
  openTransaction(): { commit(): void; rollback(): void } {
    if (this.db.inTransaction) throw stateError('openTransaction', 'a transaction is already open on this store');
    this.db.exec('BEGIN IMMEDIATE');
    let open = true;
    const end = (sql: string): void => {
      if (!open) throw stateError('openTransaction', 'the transaction has already ended');
      open = false;
      // A failed statement may already have rolled SQLite's transaction back.
      if (this.db.inTransaction) this.db.exec(sql);
    };
    return { commit: () => end('COMMIT'), rollback: () => end('ROLLBACK') };
  }

  now(): string {
    return this.clock().toISOString();
  }
}
