// Target JSON -> connector object: __UID__, __NAME__, __ENABLE__ and every readable
// attribute by its connector name, plus special attribute values read from the object.
import { getAtPath } from '../definition/attribute-path.js';
import type { ObjectClassModel, SpecialAttributeModel } from '../definition/model.js';
import type { SpecialValue } from './special-values.js';

export type ConnectorObject = Record<string, unknown> & { __UID__: string; __NAME__?: string; __ENABLE__?: boolean };

export function textValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** The uid of a target object, or undefined when it has none. */
export function uidOf(cls: ObjectClassModel, raw: unknown): string | undefined {
  return textValue(getAtPath(raw, cls.uidAttribute.targetPath));
}

export function toConnectorObject(cls: ObjectClassModel, raw: unknown): ConnectorObject {
  const uid = uidOf(cls, raw) ?? '';
  const object: ConnectorObject = { __UID__: uid };
  const name = textValue(getAtPath(raw, cls.nameAttribute.targetPath));
  if (name !== undefined) object.__NAME__ = name;
  if (cls.statusAttribute) {
    const status = getAtPath(raw, cls.statusAttribute.targetPath);
    if (status !== undefined && status !== null) object.__ENABLE__ = status === cls.statusValues.enabled;
  }
  for (const attribute of cls.attributes.values()) {
    if (!attribute.readable) continue;
    const value = getAtPath(raw, attribute.targetPath);
    if (value !== undefined) object[attribute.name] = value;
  }
  for (const special of cls.specialAttributes.values()) {
    if (special.read?.fromObject) object[special.name] = extractSpecialValues(special, special.read.fromObject.all(raw));
  }
  return object;
}

/** Applies targetObjectIdentifier, specialAttributeTargetFormat and valuePattern to read items. */
export function extractSpecialValues(special: SpecialAttributeModel, items: readonly unknown[]): SpecialValue[] | SpecialValue | null {
  const read = special.read;
  const values: SpecialValue[] = [];
  for (const item of items.flat()) {
    if (read?.targetObjectIdentifier && read.targetObjectIdentifier.path.first(item) !== read.targetObjectIdentifier.equals) continue;
    if (read?.exclude.some((condition) => matches(condition, item))) continue;
    let value: unknown = read?.targetFormat ? read.targetFormat.first(item) : item;
    if (typeof value === 'string' && read?.valuePattern) value = read.valuePattern.exec(value)?.[1];
    if (typeof value === 'string' && value !== '') values.push(value);
    else if (value !== null && typeof value === 'object' && !Array.isArray(value)) values.push(value as Record<string, unknown>);
  }
  if (special.multiValued) return values;
  return values[0] ?? null;
}

function matches(condition: { path: { first(document: unknown): unknown }; equals?: unknown; contains?: unknown }, item: unknown): boolean {
  const value = condition.path.first(item);
  if (condition.equals !== undefined && value === condition.equals) return true;
  return condition.contains !== undefined && Array.isArray(value) && value.includes(condition.contains);
}
