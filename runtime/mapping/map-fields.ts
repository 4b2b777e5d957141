// Provisioning direction of an attribute map (OIM ProvAttrMap): identity or form fields become
// connector attributes, ICF names included. Transforms run field -> attribute. Lookup values are
// not resolved here: the write path checks and resolves them (lookup-resolver.ts), for mapped
// and hand-written inputs alike.
import type { CompiledAttributeMap } from './attribute-map.js';

export interface MappedInput {
  /** The value of the field mapped to __UID__, when the fields carry one. */
  uid?: string;
  /** Connector attributes, ready for create/update (`--attrs`). */
  attributes: Record<string, unknown>;
}

export function mapFieldsToAttributes(map: CompiledAttributeMap, fields: Readonly<Record<string, unknown>>): MappedInput {
  const attributes: Record<string, unknown> = {};
  let uid: string | undefined;
  for (const rule of map.fields) {
    if (!Object.hasOwn(fields, rule.field) && rule.default === undefined) continue;
    let value: unknown = fields[rule.field];
    if ((value === undefined || value === null) && rule.default !== undefined) value = rule.default;
    value = rule.transform(value);
    if (value === undefined) continue;
    if (rule.source.kind === 'uid') {
      if (typeof value === 'string' && value !== '') uid = value;
      continue;
    }
    attributes[rule.attribute] = value;
  }
  return { ...(uid !== undefined && { uid }), attributes };
}
