// Reconciliation direction of an attribute map: a connector object (as the target returned it)
// becomes a record of fields. Per field: read the connector attribute, turn special values into
// their ids, translate ids to lookup code keys, apply the transforms, then the default.
// Absent values become null, so that a value cleared on the target shows up as a change.
import type { ConnectorObject } from '../operations/connector-object.js';
import { specialValueKey } from '../operations/special-values.js';
import type { CompiledAttributeMap, FieldRule } from './attribute-map.js';

export type MappedValue = string | number | boolean | null | MappedValue[] | { [key: string]: MappedValue };
export type MappedRecord = Record<string, MappedValue>;

/** Target id -> code key, for the lookups that were synced (undefined: pass the id through). */
export interface LookupCodes {
  codeOf(lookup: string, id: string): string | undefined;
}

export interface MappedAccount {
  /** Field -> value, keys in the map's (sorted) order. */
  fields: MappedRecord;
  /** Fields left out because their special attribute was not read in this run. */
  skipped: string[];
}

export function mapAccount(map: CompiledAttributeMap, object: ConnectorObject, lookups?: LookupCodes, unread?: ReadonlySet<string>): MappedAccount {
  const fields: MappedRecord = {};
  const skipped: string[] = [];
  const rules = map.fields;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    if (rule.source.kind === 'special' && unread?.has(rule.source.special.name)) {
      skipped.push(rule.field);
      continue;
    }
    fields[rule.field] = mapField(rule, object, lookups);
  }
  return { fields, skipped };
}

function mapField(rule: FieldRule, object: ConnectorObject, lookups: LookupCodes | undefined): MappedValue {
  let value = readSource(rule, object);
  if (rule.lookup !== undefined && lookups) {
    const lookup = rule.lookup;
    const toCode = (item: unknown): unknown => (typeof item === 'string' ? (lookups.codeOf(lookup, item) ?? item) : item);
    value = Array.isArray(value) ? value.map(toCode) : toCode(value);
  }
  value = rule.transform(value);
  if ((value === null || value === undefined) && rule.default !== undefined) value = rule.default;
  return toMappedValue(value);
}

function readSource(rule: FieldRule, object: ConnectorObject): unknown {
  const source = rule.source;
  switch (source.kind) {
    case 'uid':
      return object.__UID__;
    case 'name':
      return object.__NAME__;
    case 'enable':
      return object.__ENABLE__;
    case 'password':
      // Never readable: a password does not travel into reconciliation data.
      return null;
    case 'attribute':
      return object[source.name];
    case 'special': {
      const special = source.special;
      const raw = object[special.name];
      const key = (item: unknown): unknown => (item !== null && typeof item === 'object' && special.valueKey ? (item as Record<string, unknown>)[special.valueKey] : item);
      if (!Array.isArray(raw)) return key(raw);
      // Membership lists are sets: sorted, so that another order from the target is no change.
      return raw.map(key).sort((a, b) => {
        const left = typeof a === 'string' ? specialValueKey(special, a) : String(a);
        const right = typeof b === 'string' ? specialValueKey(special, b) : String(b);
        return left < right ? -1 : left > right ? 1 : 0;
      });
    }
  }
}

/** JSON-safe, with object keys sorted, so that JSON.stringify of a record is canonical. */
export function toMappedValue(value: unknown): MappedValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(toMappedValue);
  if (typeof value === 'object') {
    const out: Record<string, MappedValue> = {};
    for (const key of Object.keys(value).sort()) out[key] = toMappedValue((value as Record<string, unknown>)[key]);
    return out;
  }
  return String(value);
}
