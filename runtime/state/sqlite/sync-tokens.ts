// Delta links, watermarks and full-run checkpoints. The store only keeps them: the caller
// advances a token when its round has completed, so an interrupted run starts from the old one.
import type { SyncToken, SyncTokenKey, SyncTokenKind } from '../types.js';
import type { SqliteContext } from './database.js';

interface TokenRow {
  definition: string;
  object_class: string;
  kind: SyncTokenKind;
  value: string;
  count: number | null;
  updated_at: string;
}

export class SyncTokens {
  constructor(private readonly sql: SqliteContext) {}

  get(key: SyncTokenKey): SyncToken | undefined {
    const row = this.sql.get<TokenRow>(
      'SELECT * FROM sync_tokens WHERE definition = ? AND object_class = ? AND kind = ?',
      key.definition, key.objectClass, key.kind,
    );
    return row && toToken(row);
  }

  set(key: SyncTokenKey, value: string, count?: number): SyncToken {
    const updatedAt = this.sql.now();
    this.sql.run(
      `INSERT INTO sync_tokens (definition, object_class, kind, value, count, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (definition, object_class, kind) DO UPDATE SET value = excluded.value, count = excluded.count, updated_at = excluded.updated_at`,
      key.definition, key.objectClass, key.kind, value, count ?? null, updatedAt,
    );
    return { ...key, value, ...(count !== undefined && { count }), updatedAt };
  }

  delete(key: SyncTokenKey): boolean {
    return this.sql.run('DELETE FROM sync_tokens WHERE definition = ? AND object_class = ? AND kind = ?', key.definition, key.objectClass, key.kind).changes > 0;
  }

  list(definition?: string): SyncToken[] {
    const rows = definition === undefined
      ? this.sql.all<TokenRow>('SELECT * FROM sync_tokens ORDER BY definition, object_class, kind')
      : this.sql.all<TokenRow>('SELECT * FROM sync_tokens WHERE definition = ? ORDER BY object_class, kind', definition);
    return rows.map(toToken);
  }
}

function toToken(row: TokenRow): SyncToken {
  return {
    definition: row.definition,
    objectClass: row.object_class,
    kind: row.kind,
    value: row.value,
    ...(row.count !== null && { count: row.count }),
    updatedAt: row.updated_at,
  };
}
