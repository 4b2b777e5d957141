// mappings.<class> from ProvAttrMap / ReconAttrMap / ReconAttrMap.Trusted / TrustedDefaults:
// form field -> connector attribute (an attribute, a special attribute or an ICF name).
import type { AttributeMap, ClassMappings, FieldMapping } from '../generated/definition.js';
import type { BuiltClass } from './build-object-class.js';
import type { ImportContext } from './import-context.js';
import type { MapField } from './parse-map-entry.js';
import type { ClassMaps } from './read-maps.js';

type Direction = 'provisioning' | 'reconciliation' | 'trusted';

function describeEntry(field: MapField): { entry: string; origin: MapField['entry']['origin'] } {
  return { entry: `${field.entry.code} -> ${field.entry.decode}`, origin: field.entry.origin };
}

/** The connector attribute a map field names in this class, or why it cannot. */
function attributeOf(cls: BuiltClass, field: MapField): { attribute: string; special: boolean } | { problem: string } {
  const target = field.target;
  switch (target.kind) {
    case 'icf':
      if (target.name === '__ENABLE__' && !cls.definition.statusAttribute) return { problem: `class ${cls.name} has no statusAttribute, so __ENABLE__ has no meaning` };
      if (target.name === '__PASSWORD__' && !cls.definition.passwordAttribute) return { problem: `class ${cls.name} has no passwordAttribute, so __PASSWORD__ has no meaning` };
      return { attribute: target.name, special: false };
    case 'attribute': {
      const plan = cls.specials.get(target.name);
      if (plan) return { attribute: plan.name, special: true };
      const name = cls.attributes.resolve(target.name);
      return name ? { attribute: name, special: false } : { problem: `"${target.name}" is not an attribute of class ${cls.name}` };
    }
    case 'childTable': {
      const plan = [...cls.specials.values()].find((p) => p.key === target.source || p.fromObject?.source === target.source);
      return plan ? { attribute: plan.name, special: true } : { problem: `child table ${target.source} has no special attribute in class ${cls.name}` };
    }
    case 'untranslated':
      return { problem: target.reason };
  }
}

function mapOne(context: ImportContext, cls: BuiltClass, direction: Direction, field: MapField): string | FieldMapping | undefined {
  const found = attributeOf(cls, field);
  if ('problem' in found) {
    context.report.add('untranslated', `map field "${field.field}" left out of mappings.${cls.name}.${direction}: ${found.problem}`, describeEntry(field));
    return undefined;
  }
  const plan = found.special ? [...cls.specials.values()].find((p) => p.name === found.attribute) : undefined;
  const lookup = field.lookup ? plan?.lookup : undefined;
  const type = cls.definition.attributes[found.attribute]?.type;
  const quoted = field.target.kind === 'attribute' && field.target.quoted;
  if (quoted) {
    const transform = direction === 'provisioning' ? (type === 'boolean' ? 'toBoolean' : 'toString') : 'toString';
    context.report.add('derived', `"${field.entry.decode.trim()}" sends the value as a quoted string in OIM; mapped with the transform ${transform}`, describeEntry(field));
    return { attribute: found.attribute, transform: [transform] };
  }
  if (field.lookup && !lookup) context.report.add('derived', `"${field.field}" is a lookup field, but no lookup could be made for ${found.attribute}; mapped without one`, describeEntry(field));
  return lookup ? { attribute: found.attribute, lookup } : found.attribute;
}

export function buildMappings(context: ImportContext, cls: BuiltClass, maps: ClassMaps | undefined): ClassMappings | undefined {
  if (!maps) return undefined;
  const mappings: ClassMappings = {};
  for (const [direction, fields] of maps.fields) {
    const map: AttributeMap = {};
    for (const field of fields) {
      const mapped = mapOne(context, cls, direction, field);
      if (mapped !== undefined) map[field.field] = mapped;
    }
    if (Object.keys(map).length > 0) mappings[direction] = map;
  }
  if (maps.trustedDefaults.length > 0) {
    mappings.trustedDefaults = Object.fromEntries(maps.trustedDefaults.map((e) => [e.code.trim(), e.decode.trim()]));
  }
  return Object.keys(mappings).length > 0 ? mappings : undefined;
}
