// Reads: one object by uid (with its special attributes), and searches that stream
// connector objects page by page so memory stays flat in the number of objects.
import { connectorError, type ErrorContext } from '../errors.js';
import type { ObjectClassModel, OperationModel, SpecialAttributeModel } from '../definition/model.js';
import { buildRequest } from './build-request.js';
import { extractSpecialValues, toConnectorObject, uidOf, type ConnectorObject } from './connector-object.js';
import { listPages } from './list-pages.js';
import { runConcurrently } from './run-concurrently.js';
import { sendOperation } from './send-operation.js';
import type { ConnectorSession } from './session.js';
import type { SpecialValue } from './special-values.js';
import { combineFilters, translateFilter } from './translate-filter.js';
import { createdRecently, withConsistencyRetry } from './consistency-retry.js';

export interface SearchOptions {
  /** Connector filter (eq, ne, startsWith, contains, and, or, not). */
  filter?: string;
  /** Filter in the target's own syntax (OIM Filter Suffix). */
  rawFilter?: string;
  limit?: number;
  /** Special attributes read with their own requests, for every object (costly). */
  specials?: readonly string[];
  /** Continue a previous walk after the page with this continuation. */
  resumeFrom?: string;
  /** Called after each page with its continuation (for checkpoints). */
  onPage?: (info: { objects: number; continuation?: string; pageNumber: number }) => void;
}

/** Every object of a list operation, as raw target JSON, one page at a time. */
export async function* listRaw(
  session: ConnectorSession,
  op: OperationModel,
  variables: Record<string, unknown>,
  context: ErrorContext,
  options: { limit?: number; resumeFrom?: string; onPage?: SearchOptions['onPage'] } = {},
): AsyncGenerator<unknown[], void, undefined> {
  const pages = listPages(session, op, variables, context, {
    ...(options.limit !== undefined && { limit: options.limit }),
    ...(options.resumeFrom !== undefined && { resumeFrom: options.resumeFrom }),
  });
  for await (const page of pages) {
    options.onPage?.({ objects: page.items.length, pageNumber: page.pageNumber, ...(page.continuation !== undefined && { continuation: page.continuation }) });
    yield page.items;
  }
}

export async function* searchObjects(session: ConnectorSession, cls: ObjectClassModel, options: SearchOptions = {}): AsyncGenerator<ConnectorObject, void, undefined> {
  const search = cls.operations.search;
  if (!search) throw connectorError('ConfigurationError', `class ${cls.name} has no search operation`, { objectClass: cls.name, operation: 'search' });
  const config = session.connection.context.config;
  const translated = options.filter ? translateFilter(cls, options.filter, config) : undefined;
  const filter = combineFilters(cls, translated, options.rawFilter, config);
  const specials = (options.specials ?? []).map((name) => requireSpecial(cls, name));
  const context = { objectClass: cls.name, operation: 'search' };
  for await (const items of listRaw(session, search, { filter, select: cls.defaultSelect }, context, options)) {
    if (specials.length === 0) {
      // Mapped one at a time, as the caller takes them: an object the caller has dealt with
      // can be collected young instead of living (and being promoted) with its whole page.
      for (const raw of items) yield toConnectorObject(cls, raw);
      continue;
    }
    const objects = items.map((raw) => toConnectorObject(cls, raw));
    await runConcurrently(objects, session.concurrency, async (object) => {
      for (const special of specials) object[special.name] = await readSpecialValues(session, cls, special, object.__UID__, undefined);
    });
    yield* objects;
  }
}

export function requireSpecial(cls: ObjectClassModel, name: string): SpecialAttributeModel {
  const special = cls.specialAttributes.get(name);
  if (!special) throw connectorError('ConfigurationError', `class ${cls.name} has no special attribute "${name}"`, { objectClass: cls.name });
  return special;
}

/** The raw target JSON of one object, or undefined when it does not exist. */
export async function fetchRaw(session: ConnectorSession, cls: ObjectClassModel, uid: string): Promise<unknown> {
  const context = { objectClass: cls.name, uid, operation: 'get' };
  const get = cls.operations.get;
  if (get) {
    const request = buildRequest(session.connection, get, { uid, select: cls.defaultSelect }, { errorContext: context });
    const outcome = await withConsistencyRetry(session, () => createdRecently(session, cls.name, uid), () => sendOperation(session, get, request, context));
    return outcome.kind === 'ok' ? outcome.response.body : undefined;
  }
  // No get operation (some collections can only be listed): list and keep the one.
  const search = cls.operations.search;
  if (!search) return undefined;
  for await (const items of listRaw(session, search, { filter: '', select: cls.defaultSelect }, { objectClass: cls.name })) {
    const found = items.find((raw) => uidOf(cls, raw) === uid);
    if (found) return found;
  }
  return undefined;
}

export async function readSpecialValues(session: ConnectorSession, cls: ObjectClassModel, special: SpecialAttributeModel, uid: string, raw: unknown): Promise<SpecialValue[] | SpecialValue | null> {
  const read = special.read;
  if (!read) throw connectorError('ConfigurationError', `special attribute ${cls.name}.${special.name} cannot be read (no read in the definition)`, { objectClass: cls.name, field: special.name });
  if (read.fromObject) return extractSpecialValues(special, read.fromObject.all(raw ?? (await fetchRaw(session, cls, uid))));
  const op = read.request!;
  const context = { objectClass: cls.name, uid, field: special.name, operation: op.label };
  if (op.resources) {
    const items: unknown[] = [];
    try {
      for await (const page of listRaw(session, op, { uid }, context)) items.push(...page);
    } catch (error) {
      if (op.notFound === 'empty' && (error as { kind?: string }).kind === 'UnknownUid') return special.multiValued ? [] : null;
      throw error;
    }
    return extractSpecialValues(special, items);
  }
  const outcome = await sendOperation(session, op, buildRequest(session.connection, op, { uid }, { errorContext: context }), context);
  return extractSpecialValues(special, outcome.kind === 'ok' && outcome.response.body !== undefined ? [outcome.response.body] : []);
}

export async function getObject(session: ConnectorSession, cls: ObjectClassModel, uid: string, options: { specials?: 'all' | 'none' } = {}): Promise<ConnectorObject> {
  const raw = await fetchRaw(session, cls, uid);
  if (raw === undefined) throw connectorError('UnknownUid', `no ${cls.name} with uid ${uid}`, { objectClass: cls.name, uid, operation: 'get' });
  const object = toConnectorObject(cls, raw);
  if (options.specials !== 'none') {
    const requested = [...cls.specialAttributes.values()].filter((s) => s.read?.request);
    const values = await runConcurrently(requested, session.concurrency, (special) => readSpecialValues(session, cls, special, uid, raw));
    values.forEach((result, i) => {
      if (!result.ok) throw result.error;
      object[requested[i]!.name] = result.value;
    });
  }
  return object;
}
