// Lookup values synced from the target (or copied from the definition's static lists), per
// definition and lookup. A sync replaces the whole list in one transaction, so a reader never
// sees half of an old list and half of a new one; lookup_syncs records when, so that callers
// can tell "never synced" (pass values through) from "synced and empty" (nothing is valid).
import type { LookupEntry, LookupSync } from '../types.js';
import type { SqliteContext } from './database.js';
import { stateError } from '../state-error.js';

interface SyncRow {
  definition: string;
  lookup: string;
  count: number;
  synced_at: string;
}

const insertValue = `INSERT INTO lookup_values (definition, lookup, position, code, decode, id, code_lower, decode_lower, id_lower)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export class LookupValues {
  constructor(private readonly sql: SqliteContext) {}

  replace(definition: string, lookup: string, entries: Iterable<LookupEntry>): LookupSync {
    return this.sql.transaction(() => {
      this.sql.run('DELETE FROM lookup_values WHERE definition = ? AND lookup = ?', definition, lookup);
      let position = 0;
      for (const entry of entries) {
        checkEntry(lookup, entry, position);
        this.sql.run(insertValue, definition, lookup, position, entry.code, entry.decode, entry.id, entry.code.toLowerCase(), entry.decode.toLowerCase(), entry.id.toLowerCase());
        position++;
      }
      const syncedAt = this.sql.now();
      this.sql.run(
        `INSERT INTO lookup_syncs (definition, lookup, count, synced_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (definition, lookup) DO UPDATE SET count = excluded.count, synced_at = excluded.synced_at`,
        definition, lookup, position, syncedAt,
      );
      return { definition, lookup, count: position, syncedAt };
    });
  }

  sync(definition: string, lookup: string): LookupSync | undefined {
    const row = this.sql.get<SyncRow>('SELECT * FROM lookup_syncs WHERE definition = ? AND lookup = ?', definition, lookup);
    return row && toSync(row);
  }

  syncs(definition: string): LookupSync[] {
    return this.sql.all<SyncRow>('SELECT * FROM lookup_syncs WHERE definition = ? ORDER BY lookup', definition).map(toSync);
  }

  values(definition: string, lookup: string): LookupEntry[] {
    return this.sql.all<LookupEntry>('SELECT code, decode, id FROM lookup_values WHERE definition = ? AND lookup = ? ORDER BY position', definition, lookup);
  }

  find(definition: string, lookup: string, value: string): LookupEntry[] {
    const lower = value.toLowerCase();
    return this.sql.all<LookupEntry>(
      `SELECT code, decode, id FROM lookup_values WHERE definition = ? AND lookup = ? AND (code_lower = ? OR id_lower = ? OR decode_lower = ?) ORDER BY position`,
      definition, lookup, lower, lower, lower,
    );
  }
}

function checkEntry(lookup: string, entry: LookupEntry, position: number): void {
  for (const key of ['code', 'decode', 'id'] as const) {
    if (typeof entry[key] !== 'string' || entry[key] === '') {
      throw stateError('replaceLookupValues', `lookup ${lookup}, entry ${position + 1}: "${key}" must be a non-empty string, got ${JSON.stringify(entry[key])}`);
    }
  }
}

function toSync(row: SyncRow): LookupSync {
  return { definition: row.definition, lookup: row.lookup, count: row.count, syncedAt: row.synced_at };
}
