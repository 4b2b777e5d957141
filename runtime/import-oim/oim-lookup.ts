// Looking entries up by OIM key in the configuration lists: the relURI, opType, payload and
// handling of "__ACCOUNT__.__GROUP__.DELETEOP", and so on.
import type { HttpMethod } from '../generated/definition.js';
import { findItem, recordSource, type ImportContext } from './import-context.js';
import type { ListCode } from './oim-configuration.js';
import { describeItem, type OimItem } from './split-decode-list.js';

const methods: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export function lookupItem(context: ImportContext, list: ListCode, key: string): OimItem | undefined {
  return findItem(context, context.config.lists[list], key);
}

/** The first of several keys that has an item, with the key found. */
export function firstItem(context: ImportContext, list: ListCode, keys: readonly string[]): { item: OimItem; key: string } | undefined {
  for (const key of keys) {
    const item = lookupItem(context, list, key);
    if (item) return { item, key };
  }
  return undefined;
}

/** The opType of an OIM key as an HTTP method; an unknown method is reported. */
export function opTypeOf(context: ImportContext, key: string, target: string): HttpMethod | undefined {
  const item = lookupItem(context, 'opTypes', key);
  if (!item) return undefined;
  const method = item.value.trim().toUpperCase();
  if ((methods as readonly string[]).includes(method)) {
    recordSource(context, target, item);
    return method as HttpMethod;
  }
  context.report.add('untranslated', `opType "${item.value}" is not an HTTP method (${methods.join(', ')}); the default is used`, { entry: describeItem(item), origin: item.origin, target });
  return undefined;
}

/** SINGLE or BATCH for an OIM key; absent when the key is not listed. */
export function handlingOf(context: ImportContext, keys: readonly string[], target: string): 'SINGLE' | 'BATCH' | undefined {
  const found = firstItem(context, 'specialAttributeHandling', keys);
  if (!found) return undefined;
  const value = found.item.value.trim().toUpperCase();
  if (value === 'SINGLE' || value === 'BATCH') {
    recordSource(context, target, found.item);
    return value;
  }
  context.report.add('untranslated', `specialAttributeHandling "${found.item.value}" is neither SINGLE nor BATCH; SINGLE is used`, { entry: describeItem(found.item), origin: found.item.origin, target });
  return undefined;
}

/** All items with one key (specialAttributeTargetFormat may list a key twice: url and value). */
export function allItems(context: ImportContext, list: ListCode, key: string): OimItem[] {
  return context.config.lists[list].filter((item) => item.key?.replace(/\s+/g, '') === key);
}
