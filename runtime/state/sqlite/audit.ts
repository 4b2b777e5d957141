// The audit log: who did what to which object, when, and how it ended. Append-only.
import { dropSecretKeys } from '../drop-secret-keys.js';
import type { AuditFilter, AuditInput, AuditOutcome, AuditRecord } from '../types.js';
import type { SqliteContext } from './database.js';
import { stateError } from '../state-error.js';
import { fromJsonColumn, toJsonColumn } from './json-columns.js';

interface AuditRow {
  id: number;
  at: string;
  definition: string;
  object_class: string;
  operation: string;
  uid: string | null;
  name: string | null;
  outcome: AuditOutcome;
  kind: string | null;
  message: string | null;
  actor: string | null;
  details: string | null;
}

export class AuditLog {
  constructor(private readonly sql: SqliteContext) {}

  append(input: AuditInput): number {
    const details = toJsonColumn(dropSecretKeys(input.details), 'the audit details');
    return Number(this.sql.run(
      `INSERT INTO audit_log (at, definition, object_class, operation, uid, name, outcome, kind, message, actor, details)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      this.sql.now(), input.definition, input.objectClass, input.operation, input.uid ?? null, input.name ?? null,
      input.outcome, input.kind ?? null, input.message ?? null, input.actor ?? null, details,
    ).lastInsertRowid);
  }

  list(filter: AuditFilter = {}): AuditRecord[] {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (condition: string, value: string | undefined): void => {
      if (value === undefined) return;
      where.push(condition);
      params.push(value);
    };
    add('definition = ?', filter.definition);
    add('object_class = ?', filter.objectClass);
    add('outcome = ?', filter.outcome);
    add('at >= ?', filter.since === undefined ? undefined : isoTime(filter.since));
    const sql = `SELECT * FROM audit_log ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`;
    return this.sql.all<AuditRow>(sql, ...params, filter.limit ?? 100).map(toRecord);
  }
}

/** Stored times are toISOString() text; a `since` in any other spelling would compare wrongly as text. */
function isoTime(since: string | Date): string {
  const time = since instanceof Date ? since : new Date(since);
  if (Number.isNaN(time.getTime())) throw stateError('listAudit', `"since" is not a date: ${String(since)}`);
  return time.toISOString();
}

function toRecord(row: AuditRow): AuditRecord {
  const details = fromJsonColumn(row.details);
  return {
    id: row.id,
    at: row.at,
    definition: row.definition,
    objectClass: row.object_class,
    operation: row.operation,
    ...(row.uid !== null && { uid: row.uid }),
    ...(row.name !== null && { name: row.name }),
    outcome: row.outcome,
    ...(row.kind !== null && { kind: row.kind }),
    ...(row.message !== null && { message: row.message }),
    ...(row.actor !== null && { actor: row.actor }),
    ...(details !== undefined && { details }),
  };
}
