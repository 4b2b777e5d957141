// Journal rows as stored, and their conversion to the JournalEntry the callers see.
import type { JournalEntry, JournalOutcome, JournalStep, JournalStepStatus } from '../types.js';
import { fromJsonColumn } from './json-columns.js';

export interface JournalRow {
  id: number;
  definition: string;
  object_class: string;
  operation: string;
  name: string | null;
  uid: string | null;
  input: string;
  outcome: JournalOutcome | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface StepRow {
  step_id: string;
  label: string;
  request: string | null;
  status: JournalStepStatus;
  detail: string | null;
  attempts: number;
  updated_at: string;
}

export function toJournalEntry(row: JournalRow, steps: readonly StepRow[]): JournalEntry {
  return {
    id: row.id,
    definition: row.definition,
    objectClass: row.object_class,
    operation: row.operation,
    ...(row.name !== null && { name: row.name }),
    ...(row.uid !== null && { uid: row.uid }),
    input: fromJsonColumn(row.input),
    ...(row.outcome !== null && { outcome: row.outcome }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.finished_at !== null && { finishedAt: row.finished_at }),
    steps: steps.map(toStep),
  };
}

function toStep(row: StepRow): JournalStep {
  const request = fromJsonColumn(row.request);
  const detail = fromJsonColumn(row.detail);
  return {
    id: row.step_id,
    label: row.label,
    ...(request !== undefined && { request }),
    status: row.status,
    ...(detail !== undefined && { detail }),
    attempts: row.attempts,
    updatedAt: row.updated_at,
  };
}
