// One object class: identity attributes, attributes inferred from the maps, operations
// and special attributes, all from the OIM entries of one OIM class (e.g. __ACCOUNT__).
import type { ObjectClass, SpecialAttribute } from '../generated/definition.js';
import { AttributeSet } from './attribute-set.js';
import { buildClassOperations } from './build-class-operations.js';
import { filterSyntaxKnown } from './build-connection.js';
import { buildSpecialAttribute } from './build-special-attribute.js';
import type { ImportContext } from './import-context.js';
import { identityAttribute } from './identity-attributes.js';
import { isIcfName } from './oim-key.js';
import { planSpecialAttributes, type SpecialPlan } from './plan-special-attributes.js';
import { allFields, type ClassMaps } from './read-maps.js';

export interface BuiltClass {
  /** The OIM class, e.g. __ACCOUNT__. */
  objectClass: string;
  name: string;
  definition: ObjectClass;
  attributes: AttributeSet;
  /** Special attributes by OIM key (e.g. __GROUP__), with the plan they were built from. */
  specials: Map<string, SpecialPlan>;
}

export function buildObjectClass(context: ImportContext, objectClass: string, className: string, maps: ClassMaps | undefined): BuiltClass | undefined {
  const uid = identityAttribute(context, objectClass, 'uid', className)!;
  const name = identityAttribute(context, objectClass, 'name', className)!;
  const status = identityAttribute(context, objectClass, 'status', className);
  const password = identityAttribute(context, objectClass, 'password', className);
  const attributes = new AttributeSet(context, className);
  const uidAttribute = attributes.add(uid.attribute, { type: 'string', creatable: false, updatable: false });
  const nameAttribute = attributes.add(name.attribute, { type: 'string', required: true });
  const statusAttribute = status && attributes.add(status.attribute, { type: 'boolean' });
  if (status) {
    context.report.add('derived', `statusAttribute ${status.attribute} of class ${className} is taken to hold true (enabled) or false (disabled); add statusValues if the target uses other values`, {
      ...(status.item && { entry: `statusAttribute: ${status.item.raw}`, origin: status.item.origin }),
    });
  }
  const passwordAttribute = password && attributes.add(password.attribute, { type: 'string', readable: false, returnedByDefault: false });

  const fields = allFields(maps);
  const plans = planSpecialAttributes(context, objectClass, className, fields);
  for (const field of fields) {
    if (field.target.kind === 'attribute' && !plans.has(field.target.name)) {
      attributes.addFromMap(field.target.name, field.target.quoted, passwordAttribute, field.entry.origin);
    }
  }
  const operations = buildClassOperations(context, objectClass, className);
  if (!operations.get && !operations.search) {
    context.report.add('untranslated', `OIM class ${objectClass} has neither a SEARCHOP nor its own relURI, so its objects cannot be read; left out`);
    return undefined;
  }
  if (operations.create && (!operations.search || !filterSyntaxKnown(context))) {
    operations.create.findBeforeRetry = false;
    context.report.add('derived', `${className}.create does not look the object up before a retry (that needs a search by name the target's filter syntax can express)`, {
      target: `${className}.operations.create.findBeforeRetry`,
    });
  }
  const specialAttributes: Record<string, SpecialAttribute> = {};
  const specials = new Map<string, SpecialPlan>();
  for (const plan of plans.values()) {
    if (attributes.has(plan.name)) plan.name = `${plan.name}Values`;
    const built = buildSpecialAttribute(context, objectClass, className, plan);
    if (!built) continue;
    specialAttributes[plan.name] = built;
    specials.set(plan.key, plan);
  }
  if (!isIcfName(objectClass)) context.report.add('derived', `OIM class ${objectClass} is not an ICF name (__X__): class ${className} has no icfName`);
  const definition: ObjectClass = {
    ...(isIcfName(objectClass) && { icfName: objectClass }),
    description: `Imported from the OIM object class ${objectClass}.`,
    ...(!operations.create && !operations.update && !operations.delete && { readOnly: true }),
    uidAttribute,
    nameAttribute,
    ...(statusAttribute !== undefined && { statusAttribute }),
    ...(passwordAttribute !== undefined && { passwordAttribute }),
    attributes: attributes.toRecord(),
    operations,
    ...(specials.size > 0 && { specialAttributes }),
  };
  return { objectClass, name: className, definition, attributes, specials };
}
