// mappings.<class> -> checked attribute maps (OIM ProvAttrMap / ReconAttrMap / Trusted).
import type { AttributeMap, ClassMappings } from '../generated/definition.js';
import type { BuildContext } from './build-context.js';
import { didYouMean } from './did-you-mean.js';
import { pointerOf } from './json-pointer.js';
import type { ObjectClassModel } from './model.js';

export const icfNames = ['__UID__', '__NAME__', '__ENABLE__', '__PASSWORD__'] as const;

/** Names a map entry may point at: attributes, special attributes and the ICF names the class supports. */
export function mappableNames(cls: ObjectClassModel): string[] {
  const names = [...cls.attributes.keys(), ...cls.specialAttributes.keys(), '__UID__', '__NAME__'];
  if (cls.statusAttribute) names.push('__ENABLE__');
  if (cls.passwordAttribute) names.push('__PASSWORD__');
  return names;
}

export function buildMappings(context: BuildContext, classes: ReadonlyMap<string, ObjectClassModel>): Map<string, ClassMappings> {
  const out = new Map<string, ClassMappings>();
  for (const [className, mappings] of Object.entries(context.document.mappings ?? {})) {
    if (!mappings) continue;
    const cls = classes.get(className);
    if (!cls) {
      if (!context.document.objectClasses?.[className]) {
        context.problems.add(pointerOf('mappings', className), `mappings for class "${className}", which does not exist${didYouMean(className, classes.keys())}`, true);
      }
      continue;
    }
    for (const kind of ['provisioning', 'reconciliation', 'trusted'] as const) {
      const map = mappings[kind];
      if (map) checkMap(context, cls, pointerOf('mappings', className, kind), map);
    }
    out.set(className, mappings);
  }
  return out;
}

function checkMap(context: BuildContext, cls: ObjectClassModel, at: string, map: AttributeMap): void {
  const names = mappableNames(cls);
  const lookups = Object.keys(context.document.lookups ?? {});
  for (const [field, entry] of Object.entries(map)) {
    if (entry === undefined) continue;
    const fieldAt = `${at}/${field.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const attribute = typeof entry === 'string' ? entry : entry.attribute;
    const attributeAt = typeof entry === 'string' ? fieldAt : `${fieldAt}/attribute`;
    if (!names.includes(attribute)) {
      context.problems.add(attributeAt, `field "${field}" maps to "${attribute}", which is not an attribute of class ${cls.name}${didYouMean(attribute, names)}`);
    }
    if (typeof entry === 'string') continue;
    if (entry.lookup !== undefined && !lookups.includes(entry.lookup)) {
      context.problems.add(`${fieldAt}/lookup`, `field "${field}" uses lookup "${entry.lookup}", which does not exist${didYouMean(entry.lookup, lookups)}`);
    }
    (entry.transform ?? []).forEach((transform, i) => {
      if (typeof transform === 'object' && 'template' in transform) {
        context.template(`${fieldAt}/transform/${i}/template`, transform.template, context.scopes.transform);
      }
    });
  }
}
