// The changes of one incremental round, when there are too many to collect in memory (see
// runtime/reconcile/change-source.ts): by uid, the last state wins, read back in the order
// objects were last seen.
import type { RoundChange } from '../types.js';
import type { SqliteContext } from './database.js';
import { keysetPages } from './keyset.js';

export class RoundChanges {
  constructor(private readonly sql: SqliteContext) {}

  clear(round: string): void {
    this.sql.run('DELETE FROM round_changes WHERE round = ?', round);
  }

  put(round: string, changes: readonly RoundChange[]): void {
    const statement = this.sql.statement('INSERT OR REPLACE INTO round_changes (round, uid, raw) VALUES (?, ?, ?)');
    this.sql.atomic(() => {
      for (const change of changes) statement.run(round, change.uid, change.raw);
    });
  }

  *list(round: string): IterableIterator<RoundChange> {
    // "+round": walk the table in id order (a range of its rowid) instead of through the
    // (round, uid) index, which would sort every page.
    const query = 'SELECT id, uid, raw FROM round_changes WHERE +round = ? AND id > ? ORDER BY id LIMIT ?';
    for (const row of keysetPages<{ id: number; uid: string; raw: string | null }, number>(this.sql, query, [round], 0, (r) => r.id)) {
      yield { uid: row.uid, raw: row.raw };
    }
  }
}
