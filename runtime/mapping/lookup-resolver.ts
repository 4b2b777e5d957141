// Provisioning inputs checked against synced lookups, before anything is written. An attribute
// or special attribute with a `lookup` accepts an entry's code key, its decode or its raw target
// id (any case) and is sent as the id; a value the lookup does not list is an
// InvalidAttributeValue that names the lookup and the value. A lookup that was never synced
// (`connector lookups --sync`) checks nothing, and a special attribute the target can resolve
// itself (resolveOnUnknown, e.g. a role template id) lets unlisted values through.
//
// Stable API for every write path (run, apply): resolveLookupInputs(session, cls, attributes).
import type { DefinitionModel, ObjectClassModel } from '../definition/model.js';
import { connectorError } from '../errors.js';
import type { LookupEntry, StateStore } from '../state/types.js';

export interface LookupResolverContext {
  readonly definition: DefinitionModel;
  readonly state?: StateStore | undefined;
}

export type LookupResolution = { readonly id: string } | { readonly problem: string };

/** Resolves one value of one lookup; undefined when the lookup was never synced (pass it through). */
export function resolveLookupValue(state: StateStore, definition: string, lookup: string, value: string): LookupResolution | undefined {
  const sync = state.getLookupSync(definition, lookup);
  if (!sync) return undefined;
  const entries = state.findLookupValues(definition, lookup, value);
  const lower = value.toLowerCase();
  // A code key names an entry exactly; an id next; a decode (a display name) may repeat.
  const byCode = entries.filter((entry) => entry.code.toLowerCase() === lower);
  const byId = entries.filter((entry) => entry.id.toLowerCase() === lower);
  const chosen = [byCode, byId, entries].find((list) => list.length > 0);
  if (!chosen) return { problem: `value ${JSON.stringify(value)} is not in lookup ${lookup} (${sync.count} values, synced ${sync.syncedAt})` };
  const ids = new Set(chosen.map((entry) => entry.id.toLowerCase()));
  if (ids.size > 1) return { problem: `value ${JSON.stringify(value)} is ambiguous in lookup ${lookup}: ${describeEntries(chosen)}; give the code key or the id` };
  return { id: chosen[0]!.id };
}

/** A copy of `attributes` with lookup values replaced by target ids; throws InvalidAttributeValue listing every unknown value. */
export function resolveLookupInputs(context: LookupResolverContext, cls: ObjectClassModel, attributes: unknown): unknown {
  const state = context.state;
  if (!state || attributes === null || typeof attributes !== 'object' || Array.isArray(attributes)) return attributes;
  const problems: string[] = [];
  const fields: string[] = [];
  const out: Record<string, unknown> = { ...(attributes as Record<string, unknown>) };
  for (const [key, value] of Object.entries(out)) {
    const target = lookupTarget(cls, key);
    if (!target || value === null || value === undefined) continue;
    const resolve = (item: string): string => {
      const resolution = resolveLookupValue(state, context.definition.name, target.lookup, item);
      if (resolution === undefined) return item;
      if ('id' in resolution) return resolution.id;
      if (!target.passUnknown) {
        problems.push(`${key}: ${resolution.problem}`);
        if (!fields.includes(key)) fields.push(key);
      }
      return item;
    };
    out[key] = mapValues(value, target.valueKey, resolve);
  }
  if (problems.length > 0) {
    throw connectorError('InvalidAttributeValue', `${problems.join('; ')}. Give a code key, a decode or an id listed by \`connector lookups --name <lookup>\``, {
      objectClass: cls.name,
      field: fields.join(','),
    });
  }
  return out;
}

interface LookupTarget {
  lookup: string;
  valueKey?: string;
  passUnknown: boolean;
}

function lookupTarget(cls: ObjectClassModel, key: string): LookupTarget | undefined {
  const special = cls.specialAttributes.get(key);
  if (special) {
    if (special.lookup === undefined) return undefined;
    return { lookup: special.lookup, ...(special.valueKey !== undefined && { valueKey: special.valueKey }), passUnknown: special.resolveOnUnknown !== undefined };
  }
  const attribute = key === '__NAME__' ? cls.nameAttribute : cls.attributes.get(key);
  if (attribute?.lookup === undefined) return undefined;
  return { lookup: attribute.lookup, passUnknown: false };
}

/** Applies `resolve` to each string value (or to the valueKey of object values), keeping the shape. */
function mapValues(value: unknown, valueKey: string | undefined, resolve: (item: string) => string): unknown {
  const one = (item: unknown): unknown => {
    if (typeof item === 'string' && item !== '') return resolve(item);
    if (valueKey !== undefined && item !== null && typeof item === 'object' && !Array.isArray(item)) {
      const key = (item as Record<string, unknown>)[valueKey];
      if (typeof key === 'string' && key !== '') return { ...(item as Record<string, unknown>), [valueKey]: resolve(key) };
    }
    return item;
  };
  return Array.isArray(value) ? value.map(one) : one(value);
}

function describeEntries(entries: readonly LookupEntry[]): string {
  return entries.slice(0, 5).map((entry) => `${entry.code} (${entry.decode})`).join(', ');
}
