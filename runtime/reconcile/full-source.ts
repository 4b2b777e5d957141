// Full and filtered reconciliation: the class's search, page by page, resumable after any
// page. With a filter (OIM Filter Suffix), --raw-filter or a limit it is a partial listing, so
// accounts it does not return are not taken for deleted. Also the single-object source of a
// limited reconciliation by uid.
import type { ObjectClassModel } from '../definition/model.js';
import { connectorError, isConnectorError } from '../errors.js';
import { fetchRaw } from '../operations/read-objects.js';
import type { ConnectorSession } from '../operations/session.js';
import { combineFilters, translateFilter } from '../operations/translate-filter.js';
import type { ChangeBatch, ChangeSource } from './change-source.js';
import { listPages } from '../operations/list-pages.js';

export interface FullSourceOptions {
  /** The `select` variable (default: the class's default attributes). */
  select?: string;
  filter?: string;
  rawFilter?: string;
  limit?: number;
  resumeFrom?: string;
  /** Query parameters added to the search (a watermark round). */
  extraQuery?: ReadonlyArray<readonly [string, string]>;
  /** A raw filter ANDed to the others (a watermark round). */
  extraRawFilter?: string;
  /** Called with every object listed (e.g. to track the greatest timestamp). */
  onObject?: (raw: unknown) => void;
}

export function fullSource(session: ConnectorSession, cls: ObjectClassModel, options: FullSourceOptions): ChangeSource {
  const search = cls.operations.search;
  if (!search) throw connectorError('ConfigurationError', `class ${cls.name} has no search operation`, { objectClass: cls.name, operation: 'reconcile' });
  const config = session.connection.context.config;
  const translated = options.filter ? translateFilter(cls, options.filter, config) : undefined;
  let filter = combineFilters(cls, translated, options.rawFilter, config);
  if (options.extraRawFilter) filter = combineFilters(cls, filter === '' ? undefined : filter, options.extraRawFilter, config);
  const partial = options.filter !== undefined || options.rawFilter !== undefined || options.limit !== undefined;
  return {
    description: partial ? 'filtered listing' : 'full listing',
    enumeratesAll: !partial && options.extraRawFilter === undefined && options.extraQuery === undefined,
    async *batches(): AsyncGenerator<ChangeBatch, void, undefined> {
      const pages = listPages(session, search, { filter, select: options.select ?? cls.defaultSelect }, { objectClass: cls.name, operation: 'reconcile' }, {
        ...(options.extraQuery && { extraQuery: options.extraQuery }),
        ...(options.resumeFrom !== undefined && { resumeFrom: options.resumeFrom }),
        ...(options.limit !== undefined && { limit: options.limit }),
      });
      for await (const page of pages) {
        if (options.onObject) for (const raw of page.items) options.onObject(raw);
        yield { upserts: page.items, deletions: [], ...(page.continuation !== undefined && { continuation: page.continuation }) };
      }
    },
    nextToken: () => undefined,
  };
}

/** Limited reconciliation of one account: the object, or its deletion when the target no longer has it. */
export function oneObjectSource(session: ConnectorSession, cls: ObjectClassModel, uid: string): ChangeSource {
  return {
    description: `account ${uid}`,
    enumeratesAll: false,
    async *batches(): AsyncGenerator<ChangeBatch, void, undefined> {
      const raw = await fetchRaw(session, cls, uid).catch((error: unknown) => {
        if (isConnectorError(error) && error.kind === 'UnknownUid') return undefined;
        throw error;
      });
      yield raw === undefined ? { upserts: [], deletions: [uid] } : { upserts: [raw], deletions: [] };
    },
    nextToken: () => undefined,
  };
}
