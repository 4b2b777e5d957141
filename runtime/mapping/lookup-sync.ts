// Lookup field synchronization (OIM's lookup sync jobs): lists the lookup's source - a class's
// search, its own list operation, or the definition's static values - renders code, decode and
// id for each item and replaces the stored list in one transaction.
import type { LookupModel } from '../definition/model.js';
import { connectorError } from '../errors.js';
import { listRaw } from '../operations/read-objects.js';
import type { ConnectorSession } from '../operations/session.js';
import type { LookupEntry, LookupSync } from '../state/types.js';

export interface LookupSyncResult extends LookupSync {
  source: LookupModel['source']['type'];
  /** Items the target listed whose code or decode rendered empty (not stored). */
  skipped: number;
}

export async function syncLookup(session: ConnectorSession, lookup: LookupModel): Promise<LookupSyncResult> {
  const state = session.state;
  if (!state) throw connectorError('ConfigurationError', `lookup ${lookup.name} cannot be synced without a state store`, { operation: 'lookups sync' });
  const { entries, skipped } = await readEntries(session, lookup);
  const sync = state.replaceLookupValues(session.definition.name, lookup.name, entries);
  return { ...sync, source: lookup.source.type, skipped };
}

async function readEntries(session: ConnectorSession, lookup: LookupModel): Promise<{ entries: LookupEntry[]; skipped: number }> {
  const source = lookup.source;
  // Static entries stand for themselves: the code is what the target stores.
  if (source.type === 'static') return { entries: source.values.map((value) => ({ code: value.code, decode: value.decode, id: value.code })), skipped: 0 };
  const context = { operation: `lookups sync ${lookup.name}` };
  const items: unknown[] = [];
  if (source.type === 'objectClass') {
    const cls = session.definition.classes.get(source.objectClass);
    const search = cls?.operations.search;
    if (!cls || !search) throw connectorError('ConfigurationError', `lookup ${lookup.name} syncs from class ${source.objectClass}, which has no search operation`, context);
    for await (const page of listRaw(session, search, { filter: '', select: cls.defaultSelect }, { ...context, objectClass: cls.name })) items.push(...page);
  } else {
    for await (const page of listRaw(session, source.operation, {}, context)) items.push(...page);
  }
  const config = session.connection.context.config;
  const entries: LookupEntry[] = [];
  let skipped = 0;
  for (const item of items) {
    const scope = { config, item };
    const code = lookup.code?.render(scope) ?? '';
    const decode = lookup.decode?.render(scope) ?? '';
    const id = lookup.id ? lookup.id.render(scope) : code;
    if (code === '' || decode === '' || id === '') skipped++;
    else entries.push({ code, decode, id });
  }
  return { entries, skipped };
}
