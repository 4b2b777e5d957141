// lookups -> LookupModel: synced from a class or a request, or static values.
import type { BuildContext } from './build-context.js';
import { buildOperation } from './build-operation.js';
import { didYouMean } from './did-you-mean.js';
import { pointerOf } from './json-pointer.js';
import type { ConnectionModel, LookupModel } from './model.js';

export function buildLookups(context: BuildContext, connection: ConnectionModel): Map<string, LookupModel> {
  const out = new Map<string, LookupModel>();
  const classes = context.document.objectClasses ?? {};
  for (const [name, raw] of Object.entries(context.document.lookups ?? {})) {
    if (!raw) continue;
    const at = pointerOf('lookups', name);
    const sources = [raw.objectClass !== undefined, raw.operation !== undefined, raw.values !== undefined].filter(Boolean).length;
    if (sources !== 1) {
      context.problems.add(at, `lookup ${name} needs exactly one source: "objectClass", "operation" or "values" (it has ${sources})`);
      continue;
    }
    const entry = context.scopes.lookupEntry;
    const templates = {
      ...(raw.code !== undefined && { code: context.template(`${at}/code`, raw.code, entry) }),
      ...(raw.decode !== undefined && { decode: context.template(`${at}/decode`, raw.decode, entry) }),
      ...(raw.id !== undefined && { id: context.template(`${at}/id`, raw.id, entry) }),
    };
    const base = { name, ...(raw.description !== undefined && { description: raw.description }), ...templates };
    if (raw.values !== undefined) {
      for (const key of ['code', 'decode', 'id'] as const) {
        if (raw[key] !== undefined) context.problems.add(`${at}/${key}`, `lookup ${name} has static values; "${key}" templates apply only to synced lookups`, true);
      }
      out.set(name, { ...base, source: { type: 'static', values: raw.values } });
      continue;
    }
    for (const key of ['code', 'decode'] as const) {
      if (raw[key] === undefined) context.problems.add(at, `lookup ${name} is synced from the target and needs a "${key}" template`);
    }
    if (raw.objectClass !== undefined) {
      const cls = classes[raw.objectClass];
      if (!cls) {
        context.problems.add(`${at}/objectClass`, `lookup ${name} refers to class "${raw.objectClass}", which does not exist${didYouMean(raw.objectClass, Object.keys(classes))}`);
      } else if (!cls.operations.search) {
        context.problems.add(`${at}/objectClass`, `lookup ${name} syncs from class ${raw.objectClass}, which has no search operation`);
      }
      out.set(name, { ...base, source: { type: 'objectClass', objectClass: raw.objectClass } });
    } else if (raw.operation !== undefined) {
      const scope = context.scopes.classOperation('', 'search');
      const operation = buildOperation(context, `${at}/operation`, raw.operation, 'lookup', `lookup ${name}`, scope, connection.paging);
      out.set(name, { ...base, source: { type: 'operation', operation } });
    }
  }
  return out;
}
