// specialAttributeTargetFormat and targetObjectIdentifier of one special attribute.
// OIM's target format mixes three things that the definition keeps apart:
//   "url"           the value is written as a URL ({"url": ...}) - a write format
//   "value"         the list in a read response (one of the jsonResourcesTag values)
//   "teamId"        where the value is inside each read item
//   "items.planId"  both: the list, then the property
import type { SpecialRead } from '../generated/definition.js';
import { recordSource, type ImportContext } from './import-context.js';
import { allItems, lookupItem } from './oim-lookup.js';
import { describeItem } from './split-decode-list.js';

export interface TargetFormat {
  listTag?: string;
  field?: string;
  url: boolean;
}

export function targetFormatOf(context: ImportContext, key: string, target: string): TargetFormat {
  const tags = new Set(context.config.lists.jsonResourcesTag.map((item) => item.value.trim()).filter((t) => t !== ''));
  const format: TargetFormat = { url: false };
  for (const item of allItems(context, 'specialAttributeTargetFormat', key)) {
    recordSource(context, target, item);
    const value = item.value.trim();
    const [head = '', ...rest] = value.split('.');
    if (value.toLowerCase() === 'url') format.url = true;
    else if (tags.has(value)) format.listTag = value;
    else if (rest.length > 0 && tags.has(head)) {
      format.listTag = head;
      format.field = rest.join('.');
    } else if (format.field === undefined) format.field = value;
    else {
      context.report.add('untranslated', `a second target format "${value}" for ${key}; "${format.field}" is used`, { entry: describeItem(item), origin: item.origin, target });
    }
  }
  return format;
}

/** "objectType;Group" -> {path: "objectType", equals: "Group"}. */
export function targetObjectIdentifierOf(context: ImportContext, key: string, target: string): SpecialRead['targetObjectIdentifier'] | undefined {
  const item = lookupItem(context, 'targetObjectIdentifier', key);
  if (!item) return undefined;
  const [path = '', equals, ...extra] = item.value.split(';').map((p) => p.trim());
  if (path === '' || equals === undefined || equals === '' || extra.length > 0) {
    context.report.add('untranslated', `targetObjectIdentifier "${item.value}" is not KEY;VALUE; left out (values of every type are kept)`, { entry: describeItem(item), origin: item.origin, target });
    return undefined;
  }
  recordSource(context, `${target}.targetObjectIdentifier`, item);
  return { path, equals };
}
