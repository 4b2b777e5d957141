// The write journal: one entry per multi-step operation, one row per step. Every call is
// its own transaction, so a process killed between two calls leaves the steps exactly as
// far as they were reported: a rerun retries what is not `done`.
import type { BeginJournalInput, JournalEntry, JournalFilter, JournalKey, JournalOutcome, JournalStepStatus } from '../types.js';
import { stateError } from '../state-error.js';
import type { SqliteContext } from './database.js';
import { toJsonColumn } from './json-columns.js';
import { type JournalRow, type StepRow, toJournalEntry } from './journal-rows.js';

const resumable = "(outcome IS NULL OR outcome = 'partial')";

export class Journal {
  constructor(private readonly sql: SqliteContext) {}

  begin(input: BeginJournalInput): number {
    const ids = new Set<string>();
    for (const step of input.steps) {
      if (ids.has(step.id)) throw stateError('beginJournal', `step id "${step.id}" appears twice in the ${input.operation} journal of ${input.objectClass}`);
      ids.add(step.id);
    }
    const inputJson = toJsonColumn(input.input ?? null, 'the journal input');
    const requests = input.steps.map((step) => toJsonColumn(step.request, `the request of step ${step.id}`));
    return this.sql.atomic(() => {
      const now = this.sql.now();
      const id = Number(this.sql.run(
        'INSERT INTO journal (definition, object_class, operation, name, uid, input, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        input.definition, input.objectClass, input.operation, input.name ?? null, input.uid ?? null, inputJson, now, now,
      ).lastInsertRowid);
      input.steps.forEach((step, position) => {
        this.sql.run(
          "INSERT INTO journal_steps (journal_id, step_id, position, label, request, status, updated_at) VALUES (?, ?, ?, ?, ?, 'pending', ?)",
          id, step.id, position, step.label, requests[position] ?? null, now,
        );
      });
      return id;
    });
  }

  setUid(id: number, uid: string): void {
    if (this.sql.run('UPDATE journal SET uid = ?, updated_at = ? WHERE id = ?', uid, this.sql.now(), id).changes === 0) {
      throw stateError('setJournalUid', `journal entry ${id} does not exist`);
    }
  }

  markStep(id: number, stepId: string, status: JournalStepStatus, detail?: unknown): void {
    const detailJson = toJsonColumn(detail, `the detail of step ${stepId}`);
    this.sql.atomic(() => {
      this.assertResumable(id, 'markStep');
      const now = this.sql.now();
      const changed = this.sql.run(
        "UPDATE journal_steps SET status = ?, detail = ?, attempts = attempts + (? = 'running'), updated_at = ? WHERE journal_id = ? AND step_id = ?",
        status, detailJson, status, now, id, stepId,
      ).changes;
      if (changed === 0) throw stateError('markStep', `journal entry ${id} has no step "${stepId}"`);
      this.sql.run('UPDATE journal SET updated_at = ? WHERE id = ?', now, id);
    });
  }

  finish(id: number, outcome: JournalOutcome): void {
    this.sql.atomic(() => {
      this.assertResumable(id, 'finishJournal');
      const now = this.sql.now();
      this.sql.run('UPDATE journal SET outcome = ?, finished_at = ?, updated_at = ? WHERE id = ?', outcome, now, now, id);
    });
  }

  get(id: number): JournalEntry | undefined {
    const row = this.sql.get<JournalRow>('SELECT * FROM journal WHERE id = ?', id);
    return row && this.withSteps(row);
  }

  findOpen(definition: string, objectClass: string, operation: string, key: JournalKey): JournalEntry | undefined {
    if (key.name === undefined && key.uid === undefined) throw stateError('findOpenJournal', 'needs a name or a uid to look for');
    // One indexed lookup per key (an OR across two columns would scan the table).
    const latest = (column: 'name' | 'uid', value: string | undefined): JournalRow | undefined =>
      value === undefined
        ? undefined
        : this.sql.get<JournalRow>(
            `SELECT * FROM journal WHERE definition = ? AND object_class = ? AND operation = ? AND ${column} = ? AND ${resumable} ORDER BY id DESC LIMIT 1`,
            definition, objectClass, operation, value,
          );
    const byName = latest('name', key.name);
    const byUid = latest('uid', key.uid);
    const row = byName && byUid ? (byName.id > byUid.id ? byName : byUid) : (byName ?? byUid);
    return row && this.withSteps(row);
  }

  list(filter: JournalFilter = {}): JournalEntry[] {
    const where: string[] = [];
    const params: unknown[] = [];
    const equal = (column: string, value: string | undefined): void => {
      if (value === undefined) return;
      where.push(`${column} = ?`);
      params.push(value);
    };
    equal('definition', filter.definition);
    equal('object_class', filter.objectClass);
    equal('operation', filter.operation);
    equal('outcome', filter.outcome);
    if (filter.open !== undefined) where.push(filter.open ? resumable : `NOT ${resumable}`);
    const sql = `SELECT * FROM journal ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`;
    return this.sql.all<JournalRow>(sql, ...params, filter.limit ?? 100).map((row) => this.withSteps(row));
  }

  private assertResumable(id: number, operation: string): void {
    const row = this.sql.get<{ outcome: JournalOutcome | null }>('SELECT outcome FROM journal WHERE id = ?', id);
    if (!row) throw stateError(operation, `journal entry ${id} does not exist`);
    if (row.outcome === 'succeeded' || row.outcome === 'failed') throw stateError(operation, `journal entry ${id} is already finished (${row.outcome})`);
  }

  private withSteps(row: JournalRow): JournalEntry {
    return toJournalEntry(row, this.sql.all<StepRow>('SELECT * FROM journal_steps WHERE journal_id = ? ORDER BY position', row.id));
  }
}
