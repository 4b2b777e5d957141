// The identity store (OIM Users): identities with named scalar fields. The full record is one
// JSON row; identity_values repeats each non-null value with its lower case, so that matching a
// reconciled account by any field is an index lookup, case-sensitive or not.
import type { FindIdentityOptions, Identity, IdentityFields, IdentityId, IdentityValue } from '../types.js';
import type { SqliteContext } from './database.js';
import { checkIdentityFields, valueLower, valueText } from '../identity-fields.js';
import { stateError } from '../state-error.js';
import { keysetPages } from './keyset.js';

interface IdentityRow {
  id: number;
  fields: string;
  created_at: string;
  updated_at: string;
}

type StoredFields = Record<string, Exclude<IdentityValue, null>>;

const insertValue = 'INSERT INTO identity_values (field, value_lower, value_text, identity_id) VALUES (?, ?, ?, ?)';

export class Identities {
  constructor(private readonly sql: SqliteContext) {}

  create(fields: IdentityFields): IdentityId {
    const stored = checkIdentityFields(fields, 'createIdentity');
    return this.sql.atomic(() => this.insert(stored));
  }

  /** All or nothing: one transaction (a savepoint inside an open one), none per row. */
  createMany(list: Iterable<IdentityFields>): IdentityId[] {
    return this.sql.transaction(() => Array.from(list, (fields) => this.insert(checkIdentityFields(fields, 'createIdentities'))));
  }

  private insert(stored: StoredFields): IdentityId {
    const now = this.sql.now();
    const id = Number(this.sql.run('INSERT INTO identities (fields, created_at, updated_at) VALUES (?, ?, ?)', JSON.stringify(stored), now, now).lastInsertRowid);
    for (const [name, value] of Object.entries(stored)) this.sql.run(insertValue, name, valueLower(value), valueText(value), id);
    return id;
  }

  update(id: IdentityId, fields: IdentityFields): string[] {
    checkIdentityFields(fields, 'updateIdentity');
    return this.sql.atomic(() => {
      const row = this.sql.get<IdentityRow>('SELECT * FROM identities WHERE id = ?', id);
      if (!row) throw stateError('updateIdentity', `identity ${id} does not exist`);
      const stored = JSON.parse(row.fields) as StoredFields;
      const changed: string[] = [];
      for (const [name, value] of Object.entries(fields)) {
        if ((stored[name] ?? null) === value) continue;
        changed.push(name);
        this.sql.run('DELETE FROM identity_values WHERE identity_id = ? AND field = ?', id, name);
        if (value === null) {
          delete stored[name];
        } else {
          stored[name] = value;
          this.sql.run(insertValue, name, valueLower(value), valueText(value), id);
        }
      }
      if (changed.length > 0) this.sql.run('UPDATE identities SET fields = ?, updated_at = ? WHERE id = ?', JSON.stringify(stored), this.sql.now(), id);
      return changed;
    });
  }

  get(id: IdentityId): Identity | undefined {
    const row = this.sql.get<IdentityRow>('SELECT * FROM identities WHERE id = ?', id);
    return row && toIdentity(row);
  }

  delete(id: IdentityId): boolean {
    // identity_values rows go by ON DELETE CASCADE; account links become unlinked (SET NULL).
    return this.sql.run('DELETE FROM identities WHERE id = ?', id).changes > 0;
  }

  find(field: string, value: string | number | boolean, options: FindIdentityOptions = {}): IdentityId[] {
    const rows = options.ignoreCase
      ? this.sql.all<{ identity_id: number }>('SELECT identity_id FROM identity_values WHERE field = ? AND value_lower = ? ORDER BY identity_id', field, valueLower(value))
      : this.sql.all<{ identity_id: number }>(
        'SELECT identity_id FROM identity_values WHERE field = ? AND value_lower = ? AND value_text = ? ORDER BY identity_id',
        field, valueLower(value), valueText(value),
      );
    return rows.map((row) => row.identity_id);
  }

  count(): number {
    return this.sql.get<{ n: number }>('SELECT count(*) AS n FROM identities')?.n ?? 0;
  }

  *all(): IterableIterator<Identity> {
    for (const row of keysetPages<IdentityRow, number>(this.sql, 'SELECT * FROM identities WHERE id > ? ORDER BY id LIMIT ?', [], 0, (r) => r.id)) {
      yield toIdentity(row);
    }
  }
}

function toIdentity(row: IdentityRow): Identity {
  return { id: row.id, fields: JSON.parse(row.fields) as StoredFields, createdAt: row.created_at, updatedAt: row.updated_at };
}
