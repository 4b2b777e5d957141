// The schema, as an ordered list of migrations. A file records each applied version in
// schema_version; opening it applies the missing ones in one transaction. Never edit a
// released migration: add the next version instead.
import { connectorError } from '../../errors.js';
import type { SqliteDatabase } from './database.js';

interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'sync tokens, write journal, audit log, identities, accounts and links, recon runs',
    sql: `
      CREATE TABLE sync_tokens (
        definition TEXT NOT NULL, object_class TEXT NOT NULL, kind TEXT NOT NULL,
        value TEXT NOT NULL, count INTEGER, updated_at TEXT NOT NULL,
        PRIMARY KEY (definition, object_class, kind)
      ) WITHOUT ROWID;

      CREATE TABLE journal (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        definition TEXT NOT NULL, object_class TEXT NOT NULL, operation TEXT NOT NULL,
        name TEXT, uid TEXT, input TEXT NOT NULL,
        outcome TEXT CHECK (outcome IN ('succeeded', 'failed', 'partial')),
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, finished_at TEXT
      );
      CREATE INDEX journal_by_name ON journal (definition, object_class, operation, name);
      CREATE INDEX journal_by_uid ON journal (definition, object_class, operation, uid);
      CREATE TABLE journal_steps (
        journal_id INTEGER NOT NULL REFERENCES journal (id) ON DELETE CASCADE,
        step_id TEXT NOT NULL, position INTEGER NOT NULL, label TEXT NOT NULL, request TEXT,
        status TEXT NOT NULL CHECK (status IN ('pending', 'running', 'done', 'failed')),
        detail TEXT, attempts INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL,
        PRIMARY KEY (journal_id, step_id)
      ) WITHOUT ROWID;

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL,
        definition TEXT NOT NULL, object_class TEXT NOT NULL, operation TEXT NOT NULL,
        uid TEXT, name TEXT, outcome TEXT NOT NULL CHECK (outcome IN ('success', 'failure')),
        kind TEXT, message TEXT, actor TEXT, details TEXT
      );
      CREATE INDEX audit_by_at ON audit_log (at);
      CREATE INDEX audit_by_class ON audit_log (definition, object_class, id);

      CREATE TABLE identities (
        id INTEGER PRIMARY KEY, fields TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
      );
      -- One row per non-null field value, so that matching by any field is an index lookup.
      CREATE TABLE identity_values (
        field TEXT NOT NULL, value_lower TEXT NOT NULL, value_text TEXT NOT NULL,
        identity_id INTEGER NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
        PRIMARY KEY (field, value_lower, identity_id)
      ) WITHOUT ROWID;
      CREATE INDEX identity_values_by_identity ON identity_values (identity_id, field);

      -- Every target account the store knows of; a link is a row with identity_id set.
      CREATE TABLE accounts (
        definition TEXT NOT NULL, object_class TEXT NOT NULL, uid TEXT NOT NULL,
        identity_id INTEGER REFERENCES identities (id) ON DELETE SET NULL,
        name TEXT, linked_at TEXT, snapshot TEXT, snapshot_hash TEXT, snapshot_at TEXT, last_seen_run INTEGER,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (definition, object_class, uid)
      );
      CREATE INDEX accounts_by_identity ON accounts (identity_id) WHERE identity_id IS NOT NULL;

      -- AUTOINCREMENT: run ids never repeat, so "seen in run N or later" is a comparison.
      CREATE TABLE recon_runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        definition TEXT NOT NULL, object_class TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('full', 'incremental', 'filtered')),
        started_at TEXT NOT NULL, finished_at TEXT,
        outcome TEXT CHECK (outcome IN ('completed', 'failed', 'abandoned'))
      );
      CREATE INDEX recon_runs_by_kind ON recon_runs (definition, object_class, mode, id);
      CREATE TABLE recon_emitted (
        run_id INTEGER NOT NULL REFERENCES recon_runs (id) ON DELETE CASCADE,
        uid TEXT NOT NULL,
        PRIMARY KEY (run_id, uid)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    description: 'lookup values synced from the target',
    sql: `
      CREATE TABLE lookup_syncs (
        definition TEXT NOT NULL, lookup TEXT NOT NULL, count INTEGER NOT NULL, synced_at TEXT NOT NULL,
        PRIMARY KEY (definition, lookup)
      ) WITHOUT ROWID;
      -- Lower-case copies: a provisioning input may name an entry by code, decode or id in any case.
      CREATE TABLE lookup_values (
        definition TEXT NOT NULL, lookup TEXT NOT NULL, position INTEGER NOT NULL,
        code TEXT NOT NULL, decode TEXT NOT NULL, id TEXT NOT NULL,
        code_lower TEXT NOT NULL, decode_lower TEXT NOT NULL, id_lower TEXT NOT NULL,
        PRIMARY KEY (definition, lookup, position)
      ) WITHOUT ROWID;
      CREATE INDEX lookup_values_by_code ON lookup_values (definition, lookup, code_lower);
      CREATE INDEX lookup_values_by_decode ON lookup_values (definition, lookup, decode_lower);
      CREATE INDEX lookup_values_by_id ON lookup_values (definition, lookup, id_lower);
    `,
  },
  {
    version: 3,
    description: 'changes of an incremental round too large to hold in memory',
    sql: `
      -- The last state of each object of one round (raw NULL: deleted). REPLACE gives a changed
      -- object a new id, so id order is the order objects were last seen.
      CREATE TABLE round_changes (
        id INTEGER PRIMARY KEY,
        round TEXT NOT NULL, uid TEXT NOT NULL, raw TEXT,
        UNIQUE (round, uid)
      );
    `,
  },
];

export const latestSchemaVersion = migrations.reduce((max, m) => Math.max(max, m.version), 0);

/** Brings the file to the latest schema; returns the version it had before. */
export function migrate(db: SqliteDatabase, now: () => string): number {
  // IMMEDIATE: two processes opening a new file at once must not both create the tables.
  return db.transaction(() => {
    const current = currentVersion(db);
    if (current > latestSchemaVersion) {
      throw connectorError('ConfigurationError', `the state file ${db.name} has schema version ${current}, newer than this connector knows (${latestSchemaVersion})`, {
        operation: 'open state store',
        hint: 'upgrade the connector, or use another --state file',
      });
    }
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.description, now());
    }
    return current;
  }).immediate();
}

function currentVersion(db: SqliteDatabase): number {
  const hasVersionTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").get() !== undefined;
  if (!hasVersionTable) {
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
    if (tables.n > 0) {
      throw connectorError('ConfigurationError', `${db.name} is an SQLite database but not a connector state file (it has no schema_version table)`, {
        operation: 'open state store',
        hint: 'point --state at a new or existing connector state file',
      });
    }
    db.exec('CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)');
    return 0;
  }
  const row = db.prepare('SELECT max(version) AS version FROM schema_version').get() as { version: number | null };
  return row.version ?? 0;
}
