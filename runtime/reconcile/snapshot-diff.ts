// The mapped fields of an account against its last snapshot: the new snapshot text and the
// fields that changed. Fields this run did not read (special attributes without --special)
// keep their previous values, so that not reading them is never reported as clearing them.
import type { MappedAccount, MappedRecord } from '../mapping/map-account.js';

export interface SnapshotComparison {
  /** Canonical JSON of the new snapshot (keys sorted). */
  json: string;
  /** Undefined when nothing changed; otherwise the changed fields (null: cleared). */
  changed?: MappedRecord;
}

export function compareSnapshot(previousJson: string | undefined, mapped: MappedAccount): SnapshotComparison {
  const previous = previousJson === undefined ? undefined : parseRecord(previousJson);
  const fields = previous && mapped.skipped.length > 0 ? withSkipped(mapped, previous) : mapped.fields;
  const json = JSON.stringify(fields);
  if (json === previousJson) return { json };
  if (!previous) return { json, changed: fields };
  const changed: MappedRecord = {};
  for (const [field, value] of Object.entries(fields)) {
    const before = previous[field];
    if (before === undefined || JSON.stringify(before) !== JSON.stringify(value)) changed[field] = value;
  }
  for (const field of Object.keys(previous)) if (!(field in fields)) changed[field] = null;
  // Only key order differed (e.g. a snapshot written by an older map): nothing to report.
  return Object.keys(changed).length === 0 ? { json } : { json, changed };
}

function withSkipped(mapped: MappedAccount, previous: MappedRecord): MappedRecord {
  const merged: MappedRecord = { ...mapped.fields };
  for (const field of mapped.skipped) if (field in previous) merged[field] = previous[field]!;
  // Keys sorted again: a snapshot's text must not depend on which fields were read.
  const sorted: MappedRecord = {};
  for (const key of Object.keys(merged).sort()) sorted[key] = merged[key]!;
  return sorted;
}

function parseRecord(json: string): MappedRecord | undefined {
  try {
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as MappedRecord) : undefined;
  } catch {
    return undefined;
  }
}
