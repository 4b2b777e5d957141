// Streams a query a page at a time by key ("WHERE key > last ORDER BY key LIMIT n") instead of
// holding one statement open: other calls on the connection may run between two items, and no
// read transaction stays open for the whole walk (which would keep the WAL from being checkpointed).
import type { SqliteContext } from './database.js';

const pageSize = 500;

/**
 * `sql` takes the fixed params, then the last key, then the page size as its final two placeholders.
 * `start` must sort before every key.
 */
export function* keysetPages<Row, Key>(
  sql: SqliteContext,
  query: string,
  params: readonly unknown[],
  start: Key,
  keyOf: (row: Row) => Key,
): IterableIterator<Row> {
  let last = start;
  for (;;) {
    const rows = sql.all<Row>(query, ...params, last, pageSize);
    yield* rows;
    const tail = rows.at(-1);
    if (tail === undefined || rows.length < pageSize) return;
    last = keyOf(tail);
  }
}
