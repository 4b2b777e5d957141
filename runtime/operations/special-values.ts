// Values of special attributes: plain ids, or objects identified by `valueKey` (e.g. a
// license {skuId, disabledPlans}). Plain inputs become objects when the attribute has a
// valueKey, with valueDefaults filled in; the diff compares values by their key.
import type { SpecialAttributeModel } from '../definition/model.js';

export type SpecialValue = string | Readonly<Record<string, unknown>>;

export function normalizeSpecialValue(special: SpecialAttributeModel, value: unknown): SpecialValue {
  if (special.valueKey) {
    if (typeof value === 'string' && value !== '') return { ...special.valueDefaults, [special.valueKey]: value };
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const key = (value as Record<string, unknown>)[special.valueKey];
      if (typeof key !== 'string' || key === '') throw new Error(`${special.name}: each value needs "${special.valueKey}"`);
      return { ...special.valueDefaults, ...(value as Record<string, unknown>) };
    }
    throw new Error(`${special.name}: a value must be a string or an object with "${special.valueKey}", not ${JSON.stringify(value)}`);
  }
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  throw new Error(`${special.name}: a value must be a non-empty string, not ${JSON.stringify(value)}`);
}

export function normalizeSpecialValues(special: SpecialAttributeModel, value: unknown): SpecialValue[] | SpecialValue | null {
  if (!special.multiValued) {
    if (value === null) return null;
    if (Array.isArray(value)) throw new Error(`${special.name} is single-valued: give one value or null`);
    return normalizeSpecialValue(special, value);
  }
  if (!Array.isArray(value)) throw new Error(`${special.name} is multi-valued: give a JSON array`);
  const seen = new Set<string>();
  const out: SpecialValue[] = [];
  for (const item of value) {
    const normalized = normalizeSpecialValue(special, item);
    const key = specialValueKey(special, normalized);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(normalized);
    }
  }
  return out;
}

/** The identity of a value, for diffs (case-insensitive, as directory ids are). */
export function specialValueKey(special: SpecialAttributeModel, value: SpecialValue): string {
  const key = typeof value === 'string' ? value : String(value[special.valueKey ?? ''] ?? '');
  return key.toLowerCase();
}

export interface SpecialDiff {
  add: SpecialValue[];
  remove: SpecialValue[];
}

export function diffSpecialValues(special: SpecialAttributeModel, current: readonly SpecialValue[], desired: readonly SpecialValue[]): SpecialDiff {
  const currentKeys = new Set(current.map((v) => specialValueKey(special, v)));
  const desiredKeys = new Set(desired.map((v) => specialValueKey(special, v)));
  return {
    add: desired.filter((v) => !currentKeys.has(specialValueKey(special, v))),
    remove: current.filter((v) => !desiredKeys.has(specialValueKey(special, v))),
  };
}
