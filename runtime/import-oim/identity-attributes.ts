// uidAttributes / nameAttributes / statusAttribute / passwordAttribute of one OIM class.
// Items are written "__ACCOUNT__.accountId" (sometimes "__ACCOUNT__=accountId"); the guide's
// passwordAttribute has no class at all ("credentials.password") and means the accounts.
import { recordSource, type ImportContext } from './import-context.js';
import type { ListCode } from './oim-configuration.js';
import { describeItem, type OimItem } from './split-decode-list.js';

export type IdentityKind = 'uid' | 'name' | 'status' | 'password';

const lists: Record<IdentityKind, ListCode> = {
  uid: 'uidAttributes',
  name: 'nameAttributes',
  status: 'statusAttribute',
  password: 'passwordAttribute',
};

export interface IdentityAttribute {
  attribute: string;
  item?: OimItem;
}

function split(item: OimItem, classes: readonly string[]): { objectClass?: string; attribute: string } {
  if (item.key !== undefined) return { objectClass: item.key.trim(), attribute: item.value.trim() };
  const text = item.value.trim();
  const dot = text.indexOf('.');
  const owner = dot > 0 ? text.slice(0, dot) : undefined;
  if (owner !== undefined && (classes.includes(owner) || /^__[A-Z][A-Z0-9_]*__$/.test(owner))) return { objectClass: owner, attribute: text.slice(dot + 1).trim() };
  return { attribute: text };
}

function findIdentity(context: ImportContext, objectClass: string, kind: IdentityKind): { item: OimItem; attribute: string; classless: boolean } | undefined {
  const classes = [...context.classNames.keys()];
  const accountClass = classes.includes('__ACCOUNT__') ? '__ACCOUNT__' : classes[0];
  for (const item of context.config.lists[lists[kind]]) {
    const { objectClass: owner, attribute } = split(item, classes);
    if (attribute !== '' && (owner === objectClass || (owner === undefined && objectClass === accountClass))) return { item, attribute, classless: owner === undefined };
  }
  return undefined;
}

/** The attribute an identity entry names for a class, without reporting anything. */
export function declaredAttribute(context: ImportContext, objectClass: string, kind: IdentityKind): string | undefined {
  return findIdentity(context, objectClass, kind)?.attribute;
}

/** The class's attribute of one identity kind, with its OIM item; defaults for uid and name. */
export function identityAttribute(context: ImportContext, objectClass: string, kind: IdentityKind, className: string): IdentityAttribute | undefined {
  const found = findIdentity(context, objectClass, kind);
  if (found) {
    const { item, attribute } = found;
    if (found.classless) {
      context.report.add('derived', `${lists[kind]} "${attribute}" names no object class; it is used for ${objectClass} (class ${className})`, { entry: describeItem(item), origin: item.origin });
    }
    recordSource(context, `${className}.${kind}Attribute`, item);
    return { attribute, item };
  }
  if (kind === 'uid' || kind === 'name') {
    const attribute = kind === 'uid' ? 'id' : 'name';
    context.report.add('derived', `no ${lists[kind]} entry for ${objectClass}: class ${className} uses "${attribute}"; check it`);
    return { attribute };
  }
  return undefined;
}

/** Identity entries for classes that have no relURIs at all: reported, since nothing uses them. */
export function reportOrphanIdentityEntries(context: ImportContext): void {
  const classes = [...context.classNames.keys()];
  for (const kind of Object.keys(lists) as IdentityKind[]) {
    for (const item of context.config.lists[lists[kind]]) {
      const { objectClass } = split(item, classes);
      if (objectClass !== undefined && !classes.includes(objectClass)) {
        context.report.add('untranslated', `${lists[kind]} names a class that has no relURIs; left out`, { entry: describeItem(item), origin: item.origin });
      }
    }
  }
}
