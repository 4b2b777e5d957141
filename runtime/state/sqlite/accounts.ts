// Target accounts the store knows of, and their links to identities. One row per
// (definition, objectClass, uid) carries the link, the account name, the last snapshot of its
// mapped attributes (to report only what changed) and the last run that saw it (to find deletions).
import type { AccountKey, AccountLink, IdentityId, KnownAccount, LinkInput, RunId } from '../types.js';
import type { SqliteContext } from './database.js';
import { stateError } from '../state-error.js';
import { keysetPages } from './keyset.js';

export interface AccountRow {
  definition: string;
  object_class: string;
  uid: string;
  identity_id: number | null;
  name: string | null;
  linked_at: string | null;
  snapshot_hash: string | null;
  last_seen_run: number | null;
  updated_at: string;
}

const accountColumns = 'definition, object_class, uid, identity_id, name, linked_at, snapshot_hash, last_seen_run, updated_at';
const byKey = 'definition = ? AND object_class = ? AND uid = ?';

export class Accounts {
  constructor(private readonly sql: SqliteContext) {}

  link(input: LinkInput): void {
    checkUid(input.uid, 'link');
    if (this.sql.get('SELECT 1 FROM identities WHERE id = ?', input.identityId) === undefined) {
      throw stateError('link', `cannot link ${input.objectClass} ${input.uid}: identity ${input.identityId} does not exist`);
    }
    const now = this.sql.now();
    // Relinking to the same identity keeps linked_at; a name given later does not erase a known one.
    this.sql.run(
      `INSERT INTO accounts (definition, object_class, uid, identity_id, name, linked_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (definition, object_class, uid) DO UPDATE SET
         linked_at = CASE WHEN identity_id IS excluded.identity_id THEN linked_at ELSE excluded.linked_at END,
         identity_id = excluded.identity_id, name = coalesce(excluded.name, name), updated_at = excluded.updated_at`,
      input.definition, input.objectClass, input.uid, input.identityId, input.name ?? null, now, now,
    );
  }

  unlink(key: AccountKey): boolean {
    return this.sql.run(
      `UPDATE accounts SET identity_id = NULL, linked_at = NULL, updated_at = ? WHERE ${byKey} AND identity_id IS NOT NULL`,
      this.sql.now(), key.definition, key.objectClass, key.uid,
    ).changes > 0;
  }

  getLink(key: AccountKey): AccountLink | undefined {
    const row = this.sql.get<AccountRow>(`SELECT ${accountColumns} FROM accounts WHERE ${byKey}`, key.definition, key.objectClass, key.uid);
    return row && toLink(row);
  }

  linksOf(identityId: IdentityId): AccountLink[] {
    return this.sql
      .all<AccountRow>(`SELECT ${accountColumns} FROM accounts WHERE identity_id = ? ORDER BY definition, object_class, uid`, identityId)
      .flatMap((row) => toLink(row) ?? []);
  }

  *linkedUids(definition: string, objectClass: string): IterableIterator<string> {
    const query = 'SELECT uid FROM accounts WHERE definition = ? AND object_class = ? AND identity_id IS NOT NULL AND uid > ? ORDER BY uid LIMIT ?';
    for (const row of keysetPages<{ uid: string }, string>(this.sql, query, [definition, objectClass], '', (r) => r.uid)) yield row.uid;
  }

  get(key: AccountKey): KnownAccount | undefined {
    const row = this.sql.get<AccountRow>(`SELECT ${accountColumns} FROM accounts WHERE ${byKey}`, key.definition, key.objectClass, key.uid);
    return row && toKnownAccount(row);
  }

  forget(key: AccountKey): boolean {
    return this.sql.run(`DELETE FROM accounts WHERE ${byKey}`, key.definition, key.objectClass, key.uid).changes > 0;
  }

  remember(key: AccountKey, name: string): void {
    checkUid(key.uid, 'rememberAccount');
    const now = this.sql.now();
    this.sql.run(
      `INSERT INTO accounts (definition, object_class, uid, name, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (definition, object_class, uid) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at`,
      key.definition, key.objectClass, key.uid, name, now,
    );
  }

  /** Rare (a restore candidate), so a scan of the class's rows is fine: no index on name. */
  findByName(definition: string, objectClass: string, name: string): KnownAccount[] {
    return this.sql
      .all<AccountRow>(
        `SELECT ${accountColumns} FROM accounts WHERE definition = ? AND object_class = ? AND lower(name) = lower(?) ORDER BY updated_at DESC, uid`,
        definition, objectClass, name,
      )
      .map(toKnownAccount);
  }

  markSeen(definition: string, objectClass: string, uid: string, runId: RunId): void {
    checkUid(uid, 'markSeen');
    this.sql.run(
      `INSERT INTO accounts (definition, object_class, uid, last_seen_run, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (definition, object_class, uid) DO UPDATE SET last_seen_run = excluded.last_seen_run, updated_at = excluded.updated_at`,
      definition, objectClass, uid, runId, this.sql.now(),
    );
  }

  markSeenMany(definition: string, objectClass: string, uids: Iterable<string>, runId: RunId): void {
    // A bad uid half-way undoes the batch, even inside an open transaction (a savepoint).
    this.sql.transaction(() => {
      for (const uid of uids) this.markSeen(definition, objectClass, uid, runId);
    });
  }

  count(definition: string, objectClass: string): number {
    return this.sql.get<{ n: number }>('SELECT count(*) AS n FROM accounts WHERE definition = ? AND object_class = ?', definition, objectClass)!.n;
  }

  *unseenSince(definition: string, objectClass: string, runId: RunId): IterableIterator<KnownAccount> {
    const query = `SELECT ${accountColumns} FROM accounts WHERE definition = ? AND object_class = ?
      AND (last_seen_run IS NULL OR last_seen_run < ?) AND uid > ? ORDER BY uid LIMIT ?`;
    for (const row of keysetPages<AccountRow, string>(this.sql, query, [definition, objectClass, runId], '', (r) => r.uid)) {
      yield toKnownAccount(row);
    }
  }
}

/** Streaming walks page by uid from "", so an empty uid would be skipped: it is always a caller bug anyway. */
export function checkUid(uid: string, operation: string): void {
  if (typeof uid !== 'string' || uid === '') throw stateError(operation, `an account uid must be a non-empty string, got ${JSON.stringify(uid)}`);
}

export function toKnownAccount(row: AccountRow): KnownAccount {
  return {
    definition: row.definition,
    objectClass: row.object_class,
    uid: row.uid,
    ...(row.identity_id !== null && { identityId: row.identity_id }),
    ...(row.name !== null && { name: row.name }),
    ...(row.snapshot_hash !== null && { snapshotHash: row.snapshot_hash }),
    ...(row.last_seen_run !== null && { lastSeenRun: row.last_seen_run }),
    updatedAt: row.updated_at,
  };
}

function toLink(row: AccountRow): AccountLink | undefined {
  if (row.identity_id === null) return undefined;
  return { ...toKnownAccount(row), identityId: row.identity_id, linkedAt: row.linked_at ?? row.updated_at };
}
