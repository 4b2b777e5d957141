// Identity field values: what any store accepts, and how values compare (as text).
// Shared by the stores and the import, so a bad file is rejected with the same words.
import { stateError } from './state-error.js';
import type { IdentityFields, IdentityValue } from './types.js';

/** Why this field name cannot be used, or undefined. */
export function fieldNameProblem(name: string): string | undefined {
  if (name === '') return 'a field name is empty';
  // Stored records are plain objects: this name would set their prototype instead of a field.
  if (name === '__proto__') return 'a field may not be named "__proto__"';
  return undefined;
}

/** Why this value cannot be stored in field `name`, or undefined. */
export function fieldValueProblem(name: string, value: unknown): string | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return undefined;
  const what = Array.isArray(value) ? 'an array' : value === undefined ? 'undefined' : typeof value === 'number' ? String(value) : `a value of type ${typeof value}`;
  return `field "${name}" holds ${what}; identity fields hold strings, finite numbers, booleans or null`;
}

/** Checks names and values; returns the non-null fields (absent and null mean the same). */
export function checkIdentityFields(fields: IdentityFields, operation: string): Record<string, Exclude<IdentityValue, null>> {
  if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) {
    throw stateError(operation, 'identity fields must be an object of field name to value');
  }
  const out: Record<string, Exclude<IdentityValue, null>> = {};
  for (const [name, value] of Object.entries(fields)) {
    const problem = fieldNameProblem(name) ?? fieldValueProblem(name, value);
    if (problem !== undefined) throw stateError(operation, problem);
    if (value !== null) out[name] = value;
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
