// The attribute-map lookups, grouped by the OIM class they belong to.
import type { ImportContext } from './import-context.js';
import type { MapKind, OimEntry } from './input-model.js';
import { parseMapEntry, type MapField } from './parse-map-entry.js';

export interface ClassMaps {
  fields: Map<Exclude<MapKind, 'trustedDefaults'>, MapField[]>;
  trustedDefaults: OimEntry[];
}

export function readMaps(context: ImportContext): Map<string, ClassMaps> {
  const byClass = new Map<string, ClassMaps>();
  for (const section of context.config.maps) {
    const objectClass = section.objectClass ?? '__ACCOUNT__';
    if (!context.classNames.has(objectClass)) {
      context.report.add('untranslated', `attribute map ${section.name} belongs to ${objectClass}, which has no relURIs; left out`, { origin: section.origin });
      continue;
    }
    const maps: ClassMaps = byClass.get(objectClass) ?? { fields: new Map(), trustedDefaults: [] };
    byClass.set(objectClass, maps);
    if (section.kind === 'trustedDefaults') {
      maps.trustedDefaults.push(...section.entries);
      continue;
    }
    if (section.kind !== 'provisioning' && section.kind !== 'reconciliation' && section.kind !== 'trusted') continue;
    const list = maps.fields.get(section.kind) ?? [];
    list.push(...section.entries.map(parseMapEntry));
    maps.fields.set(section.kind, list);
  }
  return byClass;
}

export function allFields(maps: ClassMaps | undefined): MapField[] {
  return maps ? [...maps.fields.values()].flat() : [];
}
