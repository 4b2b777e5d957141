// Reads what exists for a set of account names in bulk: a few names are looked up with
// filtered searches (several names per request), many by listing the class once with the
// definition's $select. Only objects whose name is wanted are kept, so memory follows the
// number of identities, not the size of the target.
import { getAtPath } from '../definition/attribute-path.js';
import type { ObjectClassModel } from '../definition/model.js';
import { textValue } from '../operations/connector-object.js';
import { listRaw } from '../operations/read-objects.js';
import { runConcurrently } from '../operations/run-concurrently.js';
import type { ConnectorSession } from '../operations/session.js';
import { combineFilters, translateFilter } from '../operations/translate-filter.js';
import { jsonStringLiteral } from '../template/helpers.js';

export type ReadStrategy = 'auto' | 'list' | 'filter';

/** Above this many names one listing is cheaper than filtered searches. */
const listThreshold = 150;
const namesPerFilter = 10;

export async function readCurrent(session: ConnectorSession, cls: ObjectClassModel, names: Iterable<string>, strategy: ReadStrategy = 'auto'): Promise<Map<string, unknown>> {
  const wanted = new Map([...names].map((name) => [name.toLowerCase(), name] as const));
  const found = new Map<string, unknown>();
  if (wanted.size === 0) return found;
  const canFilter = cls.filter.eq !== undefined && cls.filter.or !== undefined;
  const useList = strategy === 'list' || (strategy === 'auto' && (!canFilter || wanted.size > listThreshold));
  const keep = (items: unknown[]): void => {
    for (const raw of items) {
      const name = textValue(getAtPath(raw, cls.nameAttribute.targetPath))?.toLowerCase();
      if (name !== undefined && wanted.has(name)) found.set(name, raw);
    }
  };
  const search = cls.operations.search!;
  const context = { objectClass: cls.name, operation: 'search' };
  const config = session.connection.context.config;
  if (useList) {
    for await (const items of listRaw(session, search, { filter: combineFilters(cls, undefined, undefined, config), select: cls.defaultSelect }, context)) keep(items);
    return found;
  }
  const chunks: string[][] = [];
  const all = [...wanted.values()];
  for (let i = 0; i < all.length; i += namesPerFilter) chunks.push(all.slice(i, i + namesPerFilter));
  const results = await runConcurrently(chunks, session.concurrency, async (chunk) => {
    const filter = translateFilter(cls, chunk.map((name) => `__NAME__ eq ${jsonStringLiteral(name)}`).join(' or '), config);
    for await (const items of listRaw(session, search, { filter, select: cls.defaultSelect }, context)) keep(items);
  });
  for (const result of results) if (!result.ok) throw result.error;
  return found;
}
