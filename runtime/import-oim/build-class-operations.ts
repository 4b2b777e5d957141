// The operations of one class from its relURIs: C.CREATEOP -> create, C.UPDATEOP -> update,
// C.SEARCHOP -> search, and the class's own relURI "C=..." -> get and (OIM's default for
// delete) delete. Methods come from opTypes, or OIM's defaults (update: PUT).
import type { CreateOperation, HttpMethod, Operation, Operations } from '../generated/definition.js';
import { recordSource, type ImportContext } from './import-context.js';
import { lookupItem, opTypeOf } from './oim-lookup.js';
import { describeItem, type OimItem } from './split-decode-list.js';
import { translatePayload } from './translate-payload.js';
import { translateRelUri, type RelUriScope } from './translate-reluri.js';

type Kind = 'create' | 'update' | 'delete' | 'get' | 'search';

const oimDefaults: Record<Kind, HttpMethod> = { create: 'POST', update: 'PUT', delete: 'DELETE', get: 'GET', search: 'GET' };

function operation(context: ImportContext, className: string, kind: Kind, uri: OimItem, opKey: string | undefined): Operation | undefined {
  const target = `${className}.operations.${kind}`;
  const scope: RelUriScope = { target, uid: kind !== 'create' && kind !== 'search', name: kind === 'create', search: kind === 'search' };
  const translated = translateRelUri(context, uri, scope);
  if (!translated) return undefined;
  const given = opKey ? opTypeOf(context, opKey, target) : undefined;
  const method = given ?? oimDefaults[kind];
  if (!given && kind === 'update') {
    context.report.add('derived', `no opType for ${opKey}: OIM's default for updates, PUT, is used`, { entry: describeItem(uri), origin: uri.origin, target });
  }
  const payloadItem = opKey && (kind === 'create' || kind === 'update') ? lookupItem(context, 'customPayload', opKey) : undefined;
  const customPayload = payloadItem ? translatePayload(context, payloadItem, { target: `${target}.customPayload`, uid: kind === 'update', attrs: true }) : undefined;
  return {
    opType: method,
    relURI: translated.relURI,
    ...(Object.keys(translated.query).length > 0 && { query: translated.query }),
    ...(customPayload !== undefined && { customPayload }),
  };
}

export function buildClassOperations(context: ImportContext, objectClass: string, className: string): Operations {
  const item = (suffix: string) => lookupItem(context, 'relURIs', suffix === '' ? objectClass : `${objectClass}.${suffix}`);
  const base = item('');
  const operations: Operations = {};
  const create = item('CREATEOP');
  const update = item('UPDATEOP') ?? (lookupItem(context, 'opTypes', `${objectClass}.UPDATEOP`) ? base : undefined);
  const remove = item('DELETEOP') ?? (create ? base : undefined);
  const search = item('SEARCHOP');
  if (create) {
    const built = operation(context, className, 'create', create, `${objectClass}.CREATEOP`);
    if (built) operations.create = built as CreateOperation;
  }
  if (update) {
    const built = operation(context, className, 'update', update, `${objectClass}.UPDATEOP`);
    if (built) operations.update = built;
  }
  if (remove) {
    const built = operation(context, className, 'delete', remove, `${objectClass}.DELETEOP`);
    if (built) operations.delete = built;
    if (built && remove === base) {
      context.report.add('derived', `no DELETEOP relURI for ${objectClass}: delete uses the class's own relURI with DELETE (OIM's default)`, { entry: describeItem(base), origin: base.origin, target: `${className}.operations.delete` });
    }
  }
  if (base) {
    const built = operation(context, className, 'get', base, undefined);
    if (built) operations.get = built;
  }
  if (search) {
    const built = operation(context, className, 'search', search, `${objectClass}.SEARCHOP`);
    const tag = lookupItem(context, 'jsonResourcesTag', objectClass);
    if (built && tag) {
      built.jsonResourcesTag = tag.value.trim();
      recordSource(context, `${className}.operations.search`, tag);
    }
    if (built) operations.search = built;
  }
  return operations;
}
