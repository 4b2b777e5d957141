// The reconciliation hot path on the accounts table: a page of accounts read in one query and
// written back with one upsert per few dozen accounts (last seen run, name, new snapshot), so
// that a 100k-account run costs a few hundred statements per page instead of several per account.
// Same rows and meaning as accounts.ts and account-snapshots.ts: snapshot text is canonical JSON
// (the caller's), snapshot_hash its sha256 (the one-shot crypto.hash: 4x faster than createHash
// on snapshot-sized text, and a run hashes every new snapshot).
import { hash } from 'node:crypto';
import type { AccountState, AccountStateInput, RunId } from '../types.js';
import type { SqliteContext } from './database.js';
import { checkUid } from './accounts.js';

interface StateRow {
  uid: string;
  identity_id: number | null;
  name: string | null;
  snapshot: string | null;
  snapshot_hash: string | null;
  last_seen_run: number | null;
  updated_at: string;
}

const readChunk = 500;
const writeChunk = 50;

export class AccountBatches {
  constructor(private readonly sql: SqliteContext) {}

  read(definition: string, objectClass: string, uids: readonly string[]): Map<string, AccountState> {
    const out = new Map<string, AccountState>();
    for (let start = 0; start < uids.length; start += readChunk) {
      const chunk = uids.slice(start, start + readChunk);
      const query = `SELECT uid, identity_id, name, snapshot, snapshot_hash, last_seen_run, updated_at FROM accounts
        WHERE definition = ? AND object_class = ? AND uid IN (${placeholders(chunk.length)})`;
      for (const row of this.sql.all<StateRow>(query, definition, objectClass, ...chunk)) out.set(row.uid, toState(definition, objectClass, row));
    }
    return out;
  }

  save(definition: string, objectClass: string, runId: RunId, rows: readonly AccountStateInput[]): void {
    for (const row of rows) checkUid(row.uid, 'saveAccountStates');
    const now = this.sql.now();
    this.sql.atomic(() => {
      for (let start = 0; start < rows.length; start += writeChunk) {
        const chunk = rows.slice(start, start + writeChunk);
        const params: unknown[] = [];
        for (const row of chunk) {
          const snapshot = row.snapshotJson ?? null;
          params.push(definition, objectClass, row.uid, row.name ?? null, snapshot, snapshot === null ? null : hash('sha256', snapshot, 'hex'), snapshot === null ? null : now, runId, now);
        }
        this.sql.run(upsert(chunk.length), ...params);
      }
    });
  }
}

function placeholders(n: number): string {
  return new Array<string>(n).fill('?').join(', ');
}

function upsert(rows: number): string {
  const values = new Array<string>(rows).fill('(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
  // A name or snapshot left out (null) keeps the stored one: only what changed is given.
  return `INSERT INTO accounts (definition, object_class, uid, name, snapshot, snapshot_hash, snapshot_at, last_seen_run, updated_at) VALUES ${values}
    ON CONFLICT (definition, object_class, uid) DO UPDATE SET
      name = coalesce(excluded.name, name),
      snapshot = coalesce(excluded.snapshot, snapshot),
      snapshot_hash = coalesce(excluded.snapshot_hash, snapshot_hash),
      snapshot_at = coalesce(excluded.snapshot_at, snapshot_at),
      last_seen_run = excluded.last_seen_run,
      updated_at = excluded.updated_at`;
}

function toState(definition: string, objectClass: string, row: StateRow): AccountState {
  return {
    definition,
    objectClass,
    uid: row.uid,
    ...(row.identity_id !== null && { identityId: row.identity_id }),
    ...(row.name !== null && { name: row.name }),
    ...(row.snapshot !== null && { snapshotJson: row.snapshot }),
    ...(row.snapshot_hash !== null && { snapshotHash: row.snapshot_hash }),
    ...(row.last_seen_run !== null && { lastSeenRun: row.last_seen_run }),
    updatedAt: row.updated_at,
  };
}
