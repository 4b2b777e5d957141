// The last seen mapped attributes of each account, in canonical JSON with its hash, so that an
// update event can name only the attributes that changed and an unchanged account costs one compare.
import { canonicalJson, sha256 } from '../canonical-json.js';
import type { AccountSnapshot, SnapshotInput } from '../types.js';
import { checkUid } from './accounts.js';
import type { SqliteContext } from './database.js';
import { stateError } from '../state-error.js';

const byKey = 'definition = ? AND object_class = ? AND uid = ?';

export class AccountSnapshots {
  constructor(private readonly sql: SqliteContext) {}

  get(definition: string, objectClass: string, uid: string): AccountSnapshot | undefined {
    const row = this.sql.get<{ snapshot: string | null; snapshot_hash: string | null; snapshot_at: string }>(
      `SELECT snapshot, snapshot_hash, snapshot_at FROM accounts WHERE ${byKey}`, definition, objectClass, uid,
    );
    if (!row || row.snapshot === null) return undefined;
    // Reconciliation batches store the text without its hash (see account-batches.ts).
    return { attributesJson: row.snapshot, hash: row.snapshot_hash ?? sha256(row.snapshot), updatedAt: row.snapshot_at };
  }

  /** Returns true when the snapshot differs from the stored one (or there was none). */
  set(definition: string, objectClass: string, uid: string, attributesJson: string): boolean {
    checkUid(uid, 'setAccountSnapshot');
    let canonical: string;
    try {
      canonical = canonicalJson(JSON.parse(attributesJson));
    } catch (error) {
      throw stateError('setAccountSnapshot', `the snapshot of ${objectClass} ${uid} is not JSON: ${(error as Error).message}`);
    }
    const hash = sha256(canonical);
    // No transaction: the write is one statement; the read before it only saves an unchanged write.
    const previous = this.sql.get<{ snapshot: string | null }>(`SELECT snapshot FROM accounts WHERE ${byKey}`, definition, objectClass, uid);
    if (previous?.snapshot === canonical) return false;
    const now = this.sql.now();
    this.sql.run(
      `INSERT INTO accounts (definition, object_class, uid, snapshot, snapshot_hash, snapshot_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (definition, object_class, uid) DO UPDATE SET
         snapshot = excluded.snapshot, snapshot_hash = excluded.snapshot_hash, snapshot_at = excluded.snapshot_at, updated_at = excluded.updated_at`,
      definition, objectClass, uid, canonical, hash, now, now,
    );
    return true;
  }

  /** Returns the uids whose snapshot changed. */
  setMany(definition: string, objectClass: string, snapshots: Iterable<SnapshotInput>): string[] {
    // A bad snapshot half-way undoes the batch, even inside an open transaction (a savepoint).
    return this.sql.transaction(() => {
      const changed: string[] = [];
      for (const { uid, attributesJson } of snapshots) if (this.set(definition, objectClass, uid, attributesJson)) changed.push(uid);
      return changed;
    });
  }
}
