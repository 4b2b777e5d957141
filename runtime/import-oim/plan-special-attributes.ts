// Which special attributes a class has, and what the attribute maps say about them:
// every OBJ_CLASS.ATTR key of the configuration lists, plus the maps' child tables.
// A child table names a special attribute (__GROUP__~__GROUP__~teamId) or an array on the
// object itself (assignedPlans~assignedPlans~planId): the latter is read from the object,
// and belongs to the special attribute whose class has that uid (plans: planId).
import type { ImportContext } from './import-context.js';
import { declaredAttribute } from './identity-attributes.js';
import { isIcfName, parseOimKey } from './oim-key.js';
import { lookupItem } from './oim-lookup.js';
import type { MapField } from './parse-map-entry.js';

export interface SpecialPlan {
  /** The OIM attribute key, e.g. "__GROUP__" or "manager". */
  key: string;
  /** Its name in the definition, e.g. "groups". */
  name: string;
  /** Class whose uids the values are (definition name). */
  objectClass?: string;
  multiValued: boolean;
  /** Property of each read item that holds the value, from the map's child table. */
  mapField?: string;
  /** Read from an array of the object itself instead of a request. */
  fromObject?: { source: string; field?: string };
  /** A map field names it as a lookup field ([Lookup]). */
  wantsLookup: boolean;
  /** The lookup made for it (build-lookups.ts). */
  lookup?: string;
}

const listsWithKeys = ['relURIs', 'opTypes', 'customPayload', 'specialAttributeHandling', 'specialAttributeTargetFormat', 'targetObjectIdentifier'] as const;
const accountReferences = /^(manager|members?|owners?|sponsors?)$/i;

function plural(name: string): string {
  return name.endsWith('s') ? name : `${name}s`;
}

function specialName(context: ImportContext, key: string): string {
  if (!isIcfName(key)) return key;
  const className = context.classNames.get(key) ?? key.replace(/_/g, '').toLowerCase();
  return plural(className);
}

export function planSpecialAttributes(context: ImportContext, objectClass: string, className: string, maps: readonly MapField[]): Map<string, SpecialPlan> {
  const plans = new Map<string, SpecialPlan>();
  const accountClass = context.classNames.get('__ACCOUNT__');
  for (const list of listsWithKeys) {
    for (const item of context.config.lists[list]) {
      const key = parseOimKey(item.key ?? '');
      if (key.objectClass !== objectClass || key.attribute === undefined || plans.has(key.attribute)) continue;
      const valuesClass = context.classNames.get(key.attribute) ?? (accountReferences.test(key.attribute) ? accountClass : undefined);
      plans.set(key.attribute, { key: key.attribute, name: specialName(context, key.attribute), ...(valuesClass && { objectClass: valuesClass }), multiValued: true, wantsLookup: false });
    }
  }
  for (const field of maps) {
    const target = field.target;
    if (target.kind === 'attribute' && plans.has(target.name)) {
      const plan = plans.get(target.name)!;
      if (!plan.mapField && !plan.fromObject) plan.multiValued = false; // a plain form field holds one value
      plan.wantsLookup ||= field.lookup;
    }
    if (target.kind !== 'childTable') continue;
    const plan =
      plans.get(target.source) ??
      [...plans.values()].find((p) => p.fromObject?.source === target.source) ??
      planForObjectArray(context, plans, target.source, target.field, objectClass, className);
    plan.multiValued = true;
    plan.wantsLookup ||= field.lookup;
    if (target.field !== undefined && !plan.fromObject) plan.mapField = target.field;
  }
  for (const plan of plans.values()) {
    if (!plan.mapField && !plan.fromObject && lookupItem(context, 'opTypes', `${objectClass}.${plan.key}.CREATEOP`)?.value.trim().toUpperCase() === 'PUT') plan.multiValued = false;
  }
  return plans;
}

/** A child table that is an array on the object: give it to the special attribute it feeds. */
function planForObjectArray(
  context: ImportContext,
  plans: Map<string, SpecialPlan>,
  source: string,
  field: string | undefined,
  objectClass: string,
  className: string,
): SpecialPlan {
  const owner = [...plans.values()].find((plan) => {
    if (plan.fromObject || lookupItem(context, 'relURIs', `${objectClass}.${plan.key}.SEARCHOP`)) return false;
    return field !== undefined && isIcfName(plan.key) && declaredAttribute(context, plan.key, 'uid') === field;
  });
  const fromObject = { source, ...(field !== undefined && { field }) };
  if (owner) {
    owner.fromObject = fromObject;
    context.report.add('derived', `special attribute ${className}.${owner.name} is read from the object's own "${source}" array (the attribute maps' child table ${source}~...~${field ?? ''}), since it has no SEARCHOP relURI`);
    return owner;
  }
  const plan: SpecialPlan = { key: source, name: source, multiValued: true, fromObject, wantsLookup: false };
  plans.set(source, plan);
  context.report.add('derived', `child table ${source} of class ${className} has no relURIs: it became special attribute ${source}, read from the object's own "${source}" array and not writable`);
  return plan;
}
