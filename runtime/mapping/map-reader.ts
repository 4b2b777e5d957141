// A connector object with only what an attribute map reads: uid, name, status, the mapped
// attributes and the mapped special attributes that come with the object itself. The engine's
// toConnectorObject copies every readable attribute; reconciling 100k accounts through a map of
// twenty fields reads a fraction of that, and the difference is most of the mapping cost.
import type { AttributeModel, SpecialAttributeModel } from '../definition/model.js';
import { extractSpecialValues, textValue, type ConnectorObject } from '../operations/connector-object.js';
import type { CompiledAttributeMap } from './attribute-map.js';

export type ObjectReader = (raw: unknown) => ConnectorObject;

export function compileMapReader(map: CompiledAttributeMap): ObjectReader {
  const cls = map.objectClass;
  const attributes: AttributeModel[] = [];
  const specials: SpecialAttributeModel[] = [];
  for (const rule of map.fields) {
    const source = rule.source;
    if (source.kind === 'attribute') {
      const attribute = cls.attributes.get(source.name);
      if (attribute?.readable && !attributes.includes(attribute)) attributes.push(attribute);
    } else if (source.kind === 'special' && source.special.read?.fromObject && !specials.includes(source.special)) {
      specials.push(source.special);
    }
  }
  const uidPath = cls.uidAttribute.targetPath;
  const namePath = cls.nameAttribute.targetPath;
  const status = cls.statusAttribute;
  return (raw) => {
    const object: ConnectorObject = { __UID__: textValue(readPath(raw, uidPath)) ?? '' };
    const name = textValue(readPath(raw, namePath));
    if (name !== undefined) object.__NAME__ = name;
    if (status) {
      const value = readPath(raw, status.targetPath);
      if (value !== undefined && value !== null) object.__ENABLE__ = value === cls.statusValues.enabled;
    }
    // Indexed loops: this runs for every object of a run, and for-of allocated iterator results here.
    for (let i = 0; i < attributes.length; i++) {
      const attribute = attributes[i]!;
      const value = readPath(raw, attribute.targetPath);
      if (value !== undefined) object[attribute.name] = value;
    }
    for (let i = 0; i < specials.length; i++) {
      const special = specials[i]!;
      object[special.name] = extractSpecialValues(special, special.read!.fromObject!.all(raw));
    }
    return object;
  };
}

/** getAtPath for the hot loop: most target attributes are top-level names. */
function readPath(raw: unknown, path: readonly string[]): unknown {
  let value = raw;
  for (let i = 0; i < path.length; i++) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const key = path[i]!;
    if (!Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
