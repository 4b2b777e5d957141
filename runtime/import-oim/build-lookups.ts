// Lookups: a map field marked [Lookup] on a special attribute (Group Names~Group Name[Lookup])
// becomes a lookup synced from the class of its values (Lookup.Acme.Groups), with OIM's
// "<IT resource>~<value>" codes; static lookups given as sections (Countries) keep their rows.
import type { Lookup } from '../generated/definition.js';
import type { BuiltClass } from './build-object-class.js';
import type { ImportContext } from './import-context.js';

function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Adds synced lookups to the special attributes that want one; returns all lookups. */
export function buildLookups(context: ImportContext, classes: ReadonlyMap<string, BuiltClass>): Record<string, Lookup> {
  const lookups: Record<string, Lookup> = {};
  const byName = new Map([...classes.values()].map((c) => [c.name, c]));
  for (const cls of classes.values()) {
    for (const plan of cls.specials.values()) {
      if (!plan.wantsLookup || plan.objectClass === undefined) continue;
      const source = byName.get(plan.objectClass);
      if (!source?.definition.operations.search) {
        context.report.add('untranslated', `the lookup field for ${cls.name}.${plan.name} cannot be synced: class ${plan.objectClass} has no search operation`);
        continue;
      }
      let name = capitalize(plan.name);
      for (let n = 2; lookups[name] !== undefined && lookups[name]?.objectClass !== plan.objectClass; n++) name = `${capitalize(plan.name)}${n}`;
      const itResource = context.settings.declare('itResource', {
        type: 'string',
        default: context.config.prefix ?? 'OIM',
        description: 'IT resource name: the prefix of lookup code keys and decodes (<IT resource>~<value>), as in OIM.',
      });
      const { uidAttribute, nameAttribute } = source.definition;
      lookups[name] = {
        description: `${cls.name}.${plan.name} values, synced from class ${plan.objectClass} (an OIM lookup field).`,
        objectClass: plan.objectClass,
        code: `${itResource}~{{item.${uidAttribute}}}`,
        decode: `${itResource}~{{item.${nameAttribute}}}`,
        id: `{{item.${uidAttribute}}}`,
      };
      const special = cls.definition.specialAttributes?.[plan.name];
      if (special) special.lookup = name;
      plan.lookup = name;
    }
  }
  for (const section of context.config.staticLookups) {
    const name = section.lookupName ?? section.name;
    if (lookups[name]) {
      context.report.add('ignored', `the rows of ${section.name} are sample entries of a lookup synced from the target; not imported`, { origin: section.origin });
      continue;
    }
    lookups[name] = { description: `${section.name} (static values).`, values: section.entries.map((e) => ({ code: e.code.trim(), decode: e.decode.trim() })) };
    context.report.add('derived', `static lookup ${name} imported; OIM attaches lookups to form fields, which the configuration does not name, so no attribute uses it yet`, { origin: section.origin });
  }
  return lookups;
}
