// Identity field values: what may be stored, and how they are compared (as text).
import type { IdentityFields, IdentityValue } from '../types.js';
import { stateError } from './json-columns.js';

/** Checks names and values; returns the non-null fields (absent and null mean the same). */
export function checkIdentityFields(fields: IdentityFields, operation: string): Record<string, Exclude<IdentityValue, null>> {
  if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) {
    throw stateError(operation, 'identity fields must be an object of field name to value');
  }
  const out: Record<string, Exclude<IdentityValue, null>> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (name === '') throw stateError(operation, 'an identity field name is empty');
    // Stored records are plain objects: this name would set their prototype instead of a field.
    if (name === '__proto__') throw stateError(operation, 'an identity field may not be named "__proto__"');
    if (value === null) continue;
    const type = typeof value;
    if (type === 'string' || type === 'boolean' || (type === 'number' && Number.isFinite(value))) {
      out[name] = value;
      continue;
    }
    const what = Array.isArray(value) ? 'an array' : type === 'number' ? String(value) : `a value of type ${type}`;
    throw stateError(operation, `identity field "${name}" holds ${what}; fields hold strings, finite numbers, booleans or null`);
  }
  return out;
}

export function valueText(value: string | number | boolean): string {
  return typeof value === 'string' ? value : String(value);
}

/** Unicode lower case, independent of the process locale, so that the index is the same everywhere. */
export function valueLower(value: string | number | boolean): string {
  return valueText(value).toLowerCase();
}
