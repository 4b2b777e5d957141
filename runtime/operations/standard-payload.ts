// The standard attribute payload (no customPayload): the object's attributes at their
// target paths. Create fills defaults and checks required attributes; update sends the
// changed attributes only (null clears).
import { connectorError } from '../errors.js';
import { setAtPath } from '../definition/attribute-path.js';
import type { ObjectClassModel } from '../definition/model.js';
import { renderPayload } from '../template/payload-template.js';

/** Nested object of attributes by attribute name, as templates see them (attrs.*). */
export function attributesContext(attributes: ReadonlyMap<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of attributes) setAtPath(out, name.split('.'), value);
  return out;
}

/** Adds defaultOnCreate values and checks that every required attribute has a value. */
export function withCreateDefaults(cls: ObjectClassModel, attributes: ReadonlyMap<string, unknown>, config: Readonly<Record<string, unknown>>): Map<string, unknown> {
  const out = new Map(attributes);
  const name = attributes.get(cls.nameAttribute.name);
  for (const attribute of cls.attributes.values()) {
    if (out.has(attribute.name) || !attribute.defaultOnCreate) continue;
    const value = renderPayload(attribute.defaultOnCreate, { config, name, attrs: attributesContext(out) });
    if (value !== undefined && value !== '') out.set(attribute.name, value);
  }
  const missing = [...cls.attributes.values()].filter((a) => a.required && a.creatable && (out.get(a.name) === undefined || out.get(a.name) === null));
  if (missing.length > 0) {
    throw connectorError('InvalidAttributeValue', `required attribute${missing.length > 1 ? 's' : ''} missing: ${missing.map((a) => a.name).join(', ')}`, {
      objectClass: cls.name,
      field: missing[0]!.name,
    });
  }
  return out;
}

export function standardPayload(cls: ObjectClassModel, attributes: ReadonlyMap<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, value] of attributes) {
    const attribute = cls.attributes.get(name);
    if (attribute) setAtPath(body, attribute.targetPath, value);
  }
  return body;
}
