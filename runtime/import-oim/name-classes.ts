// Names for the imported classes. ICF's __ACCOUNT__ says little; the collection in the
// relURIs says more: /accounts -> account, /teams -> team, /roles -> role, /licenses -> license,
// plus the target's own collections from a translation profile (legacy.classNames). The ICF
// name is kept as the class's icfName.
import type { ImportReport } from './import-report.js';
import { isIcfName, parseOimKey } from './oim-key.js';
import type { OimItem } from './split-decode-list.js';

const byCollection: Record<string, string> = {
  users: 'user',
  accounts: 'account',
  groups: 'group',
  roles: 'role',
  licenses: 'license',
  skus: 'license',
};

const byIcfName: Record<string, string> = { __ACCOUNT__: 'account', __GROUP__: 'group', __ROLE__: 'role', __LICENSE__: 'license' };

/** The first path segment that is not a placeholder, e.g. "accounts" of /$(tenant)$/accounts?... */
export function collectionOf(relURI: string): string | undefined {
  const path = relURI.split('?')[0] ?? '';
  return path.split('/').find((segment) => segment !== '' && !segment.includes('$('));
}

function fallbackName(objectClass: string): string {
  const known = byIcfName[objectClass];
  if (known) return known;
  const words = objectClass.replace(/^_+|_+$/g, '').split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
  const name = words.map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())).join('');
  return /^[A-Za-z]/.test(name) ? name : `class${name}`;
}

/** Names by collection; `byTargetCollection` (lower-cased keys) comes before the generic ones. */
export function nameClasses(relURIs: readonly OimItem[], report: ImportReport, byTargetCollection: ReadonlyMap<string, string> = new Map()): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set<string>();
  const classes = [...new Set(relURIs.map((item) => parseOimKey(item.key ?? '').objectClass).filter((c) => c !== ''))];
  for (const objectClass of classes) {
    const own = relURIs.filter((item) => {
      const key = parseOimKey(item.key ?? '');
      return key.objectClass === objectClass && key.attribute === undefined;
    });
    const collection = own.map((item) => collectionOf(item.value)).find((c) => c !== undefined);
    const recognised = collection ? (byTargetCollection.get(collection.toLowerCase()) ?? byCollection[collection.toLowerCase()]) : undefined;
    let name = recognised ?? fallbackName(objectClass);
    for (let n = 2; used.has(name); n++) name = `${recognised ?? fallbackName(objectClass)}${n}`;
    used.add(name);
    names.set(objectClass, name);
    const why = recognised ? `its relURIs address /${collection}` : isIcfName(objectClass) ? 'the ICF name' : 'the OIM class name';
    report.add('derived', `OIM class ${objectClass} became class "${name}" (from ${why}); ${objectClass} stays usable as its icfName`, own[0] ? { origin: own[0].origin } : {});
  }
  return names;
}
