// Checks that span several parts of a definition: lookups named by attributes exist,
// ICF aliases are unique.
import type { BuildContext } from './build-context.js';
import { didYouMean } from './did-you-mean.js';
import { pointerOf } from './json-pointer.js';
import type { ObjectClassModel } from './model.js';

export function checkCrossReferences(context: BuildContext, classes: ReadonlyMap<string, ObjectClassModel>): void {
  const lookups = Object.keys(context.document.lookups ?? {});
  const icfOwners = new Map<string, string>();
  for (const cls of classes.values()) {
    for (const attribute of cls.attributes.values()) {
      if (attribute.lookup !== undefined && !lookups.includes(attribute.lookup)) {
        context.problems.add(
          pointerOf('objectClasses', cls.name, 'attributes', attribute.name, 'lookup'),
          `attribute ${cls.name}.${attribute.name} uses lookup "${attribute.lookup}", which does not exist${didYouMean(attribute.lookup, lookups)}`,
        );
      }
    }
    if (cls.icfName) {
      const owner = icfOwners.get(cls.icfName);
      if (owner) context.problems.add(pointerOf('objectClasses', cls.name, 'icfName'), `icfName ${cls.icfName} is already used by class ${owner}`);
      else icfOwners.set(cls.icfName, cls.name);
    }
  }
}
