// One special attribute from its OIM entries (key K = OBJ_CLASS.ATTR):
//   read    K.SEARCHOP relURI (or the object's own array, see plan-special-attributes.ts)
//   add     K.ADDATTRIBUTE relURI, else K's own relURI; method, payload and handling from
//           the ADDATTRIBUTE, UPDATEOP or CREATEOP entries of opTypes, customPayload and
//           specialAttributeHandling
//   remove  K.REMOVEATTRIBUTE, else K.DELETEOP
//   set / clear instead of add / remove for a single value (a manager); clear defaults to
//           DELETE on K's own relURI, as OIM does
import type { SpecialAttribute, SpecialRead } from '../generated/definition.js';
import { recordSource, type ImportContext } from './import-context.js';
import { declaredAttribute } from './identity-attributes.js';
import { firstItem, lookupItem } from './oim-lookup.js';
import type { SpecialPlan } from './plan-special-attributes.js';
import { buildSpecialWrite } from './special-write.js';
import { describeItem } from './split-decode-list.js';
import { targetFormatOf, targetObjectIdentifierOf, type TargetFormat } from './target-format.js';
import { translateRelUri } from './translate-reluri.js';

export function buildSpecialAttribute(context: ImportContext, objectClass: string, className: string, plan: SpecialPlan): SpecialAttribute | undefined {
  const key = `${objectClass}.${plan.key}`;
  const target = `${className}.specialAttributes.${plan.name}`;
  const format = targetFormatOf(context, key, target);
  const field = format.field ?? plan.mapField;
  const special: SpecialAttribute = {
    ...(!plan.multiValued && { multiValued: false }),
    ...(plan.objectClass !== undefined && { objectClass: plan.objectClass }),
  };
  const read = buildRead(context, objectClass, key, plan, format, target);
  if (read) special.read = read;
  const addKeys = [`${key}.ADDATTRIBUTE`, `${key}.UPDATEOP`, `${key}.CREATEOP`];
  const addUri = firstItem(context, 'relURIs', [...addKeys, key]);
  const removeKeys = [`${key}.REMOVEATTRIBUTE`, `${key}.DELETEOP`];
  const removeUri = firstItem(context, 'relURIs', removeKeys);
  const writeContext = { plan, format, valueNames: field !== undefined ? [field] : [] };
  if (plan.multiValued) {
    const add = addUri && buildSpecialWrite(context, writeContext, addUri.item, addKeys, `${target}.add`, true);
    const remove = removeUri && buildSpecialWrite(context, writeContext, removeUri.item, removeKeys, `${target}.remove`, true);
    if (add) special.add = add;
    if (remove) special.remove = remove;
  } else {
    const set = addUri && buildSpecialWrite(context, writeContext, addUri.item, addKeys, `${target}.set`, false);
    const base = lookupItem(context, 'relURIs', key);
    const clearUri = removeUri?.item ?? base;
    const clear = clearUri && buildSpecialWrite(context, writeContext, clearUri, removeKeys, `${target}.clear`, false, 'DELETE');
    if (set) special.set = set;
    if (clear) special.clear = clear;
    if (clear && !removeUri && base) {
      context.report.add('derived', `no DELETEOP relURI for ${key}: clearing it sends DELETE to its own relURI, as OIM does`, { entry: describeItem(base), origin: base.origin, target: `${target}.clear` });
    }
  }
  const missing = (plan.multiValued ? (['read', 'add', 'remove'] as const) : (['read', 'set', 'clear'] as const)).filter((k) => special[k] === undefined);
  if (!special.read && !special.add && !special.remove && !special.set && !special.clear) {
    context.report.add('untranslated', `special attribute ${key} has no usable relURI; left out`, { target });
    return undefined;
  }
  if (missing.length > 0) context.report.add('derived', `special attribute ${className}.${plan.name} has no ${missing.join(' / ')} (no relURI for it in the configuration)`, { target });
  return special;
}

function buildRead(context: ImportContext, objectClass: string, key: string, plan: SpecialPlan, format: TargetFormat, target: string): SpecialRead | undefined {
  const readTarget = `${target}.read`;
  if (plan.fromObject) {
    const field = plan.fromObject.field ?? format.field;
    return { fromObject: `$.${plan.fromObject.source}[*]`, ...(field !== undefined && { specialAttributeTargetFormat: field }) };
  }
  const uri = lookupItem(context, 'relURIs', `${key}.SEARCHOP`);
  if (!uri) return undefined;
  const translated = translateRelUri(context, uri, { target: readTarget, uid: true, specialKey: plan.key });
  if (!translated) return undefined;
  const read: SpecialRead = { relURI: translated.relURI, ...(Object.keys(translated.query).length > 0 && { query: translated.query }) };
  if (plan.multiValued) {
    const classTag = lookupItem(context, 'jsonResourcesTag', objectClass);
    const tag = format.listTag ?? classTag?.value.trim();
    if (tag) read.jsonResourcesTag = tag;
    if (!format.listTag && classTag) {
      recordSource(context, readTarget, classTag);
      context.report.add('derived', `the list in ${key}.SEARCHOP responses is taken to be "${tag}", the jsonResourcesTag of ${objectClass}`, { target: readTarget });
    }
  } else {
    read.notFound = 'empty';
    context.report.add('derived', `reading ${key} treats 404 as "no value" (a user without a manager)`, { target: `${readTarget}.notFound` });
  }
  const valuesClass = [...context.classNames.entries()].find(([, name]) => name === plan.objectClass)?.[0];
  const field = format.field ?? plan.mapField ?? (valuesClass ? declaredAttribute(context, valuesClass, 'uid') : undefined);
  if (field !== undefined) read.specialAttributeTargetFormat = field;
  if (field !== undefined && format.field === undefined && plan.mapField === undefined) {
    context.report.add('derived', `the value of each ${key} item is taken to be "${field}", the uid attribute of ${valuesClass}`, { target: readTarget });
  }
  const identifier = targetObjectIdentifierOf(context, key, readTarget);
  if (identifier) read.targetObjectIdentifier = identifier;
  return read;
}
