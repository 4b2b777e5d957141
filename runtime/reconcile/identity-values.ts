// Mapped fields -> identity store fields. The store holds scalars only, so a list becomes its
// comma-separated text and an object its JSON: trusted maps normally map scalars anyway.
import type { MappedRecord, MappedValue } from '../mapping/map-account.js';
import type { IdentityValue } from '../state/types.js';

export function identityValue(value: unknown): IdentityValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.length === 0 ? null : value.map((item: MappedValue) => (typeof item === 'object' && item !== null ? JSON.stringify(item) : String(item))).join(',');
  return JSON.stringify(value);
}

export function identityFields(record: MappedRecord): Record<string, IdentityValue> {
  const out: Record<string, IdentityValue> = {};
  for (const [field, value] of Object.entries(record)) out[field] = identityValue(value);
  return out;
}

/** For a new identity: the defaults, then every mapped field that has a value. */
export function newIdentityFields(record: MappedRecord, defaults: Readonly<Record<string, IdentityValue>>): Record<string, IdentityValue> {
  const out: Record<string, IdentityValue> = { ...defaults };
  for (const [field, value] of Object.entries(identityFields(record))) if (value !== null) out[field] = value;
  return out;
}
