// `connector plan`: the HTTP requests an operation would send, computed without any network.
// It uses the same request builders as the executor; steps that need the uid of an object
// created by the same operation show it as {uid}; steps that depend on what the target
// holds now (update diffs) are shown with a note.
import { connectorError } from '../errors.js';
import type { DefinitionModel, ObjectClassModel } from '../definition/model.js';
import type { PreparedRequest } from '../http/types.js';
import { buildRequest } from './build-request.js';
import { normalizeInput, type ConnectorInput } from './connector-input.js';
import { firstPageQuery, requireClass, requireUid, resolvePageSize, type ConnectorOperation } from './operation-names.js';
import type { ResolvedConnection } from './resolved-connection.js';
import { specialAssignSteps, specialWriteSteps } from './special-steps.js';
import { attributesContext, standardPayload, withCreateDefaults } from './standard-payload.js';
import { combineFilters, translateFilter } from './translate-filter.js';
import { statusChange, passwordChange } from './status-and-password.js';

export interface OperationInput {
  objectClass?: string;
  uid?: string;
  attrs?: unknown;
  filter?: string;
  rawFilter?: string;
}

export interface PlannedRequest {
  request: PreparedRequest;
  note?: string;
}

const newUid = '{uid}';

export function planOperation(connection: ResolvedConnection, operation: ConnectorOperation, input: OperationInput): PlannedRequest[] {
  const definition: DefinitionModel = connection.definition;
  const cls = requireClass(definition, input.objectClass);
  const config = connection.context.config;
  const redactor = connection.settings.redactor;
  const normalize = (purpose: 'create' | 'update' | 'values' | 'password'): ConnectorInput => normalizeInput(cls, input.attrs ?? {}, purpose, redactor);
  const op = <K extends keyof ObjectClassModel['operations']>(kind: K) => {
    const found = cls.operations[kind];
    if (!found) throw connectorError('ConfigurationError', `class ${cls.name} has no ${kind} operation`, { objectClass: cls.name, operation });
    return found;
  };
  switch (operation) {
    case 'create': {
      const given = normalize('create');
      const attributes = withCreateDefaults(cls, given.attributes, config);
      const create = op('create');
      const name = attributes.get(cls.nameAttribute.name);
      const variables = { name, attrs: attributesContext(attributes), password: cls.passwordAttribute ? attributes.get(cls.passwordAttribute.name) : undefined };
      const planned: PlannedRequest[] = [{ request: buildRequest(connection, create, variables, { body: standardPayload(cls, attributes) }) }];
      for (const [special, desired] of given.specials) {
        const steps = specialAssignSteps(connection, cls, cls.specialAttributes.get(special)!, desired, undefined);
        planned.push(...steps.map((step) => ({ request: step.build(newUid), note: `after the create, with the new object's uid` })));
      }
      return planned.map(showNewUid);
    }
    case 'update': {
      const uid = requireUid(operation, input.uid);
      const given = normalize('update');
      const planned: PlannedRequest[] = [];
      if (given.attributes.size > 0) {
        const changes = [...given.attributes].map(([name, value]) => ({ name, path: cls.attributes.get(name)!.targetName, value }));
        const request = buildRequest(connection, op('update'), { uid, attrs: attributesContext(given.attributes), changes }, { body: standardPayload(cls, given.attributes) });
        planned.push({ request, note: 'attributes equal to the current values are left out when it runs' });
      }
      for (const [name, desired] of given.specials) {
        const special = cls.specialAttributes.get(name)!;
        if (special.read?.request) planned.push({ request: buildRequest(connection, special.read.request, { uid }), note: `reads ${name}, then adds and removes the difference` });
        if (!special.multiValued) planned.push(...specialAssignSteps(connection, cls, special, desired, undefined).map((s) => ({ request: s.build(uid) })));
      }
      return planned;
    }
    case 'delete':
    case 'restore':
      return [{ request: buildRequest(connection, op(operation), { uid: requireUid(operation, input.uid) }) }];
    case 'get': {
      const uid = requireUid(operation, input.uid);
      const reads = [...cls.specialAttributes.values()].flatMap((s) => (s.read?.request ? [{ request: buildRequest(connection, s.read.request, { uid }) }] : []));
      if (cls.operations.get) return [{ request: buildRequest(connection, cls.operations.get, { uid, select: cls.defaultSelect }) }, ...reads];
      return [{ ...planSearch(connection, cls, input)[0]!, note: `no get operation: searches and keeps the object with uid ${uid}` }, ...reads];
    }
    case 'search':
      return planSearch(connection, cls, input);
    case 'add-values':
    case 'remove-values': {
      const uid = requireUid(operation, input.uid);
      const given = normalize('values');
      const action = operation === 'add-values' ? 'add' : 'remove';
      const planned: PlannedRequest[] = [];
      for (const [name, values] of given.specials) {
        const special = cls.specialAttributes.get(name)!;
        const list = Array.isArray(values) ? values : values === null ? [] : [values];
        planned.push(...specialWriteSteps(connection, cls, special, special.multiValued ? action : action === 'add' ? 'set' : 'clear', list).map((s) => ({ request: s.build(uid) })));
      }
      if (given.attributes.size > 0) {
        const request = buildRequest(connection, op('update'), { uid, attrs: attributesContext(given.attributes), changes: [] }, { body: standardPayload(cls, given.attributes) });
        planned.push({ request, note: `reads the current values first and sends them with these ${action === 'add' ? 'added' : 'removed'}` });
      }
      return planned;
    }
    case 'enable':
    case 'disable':
      return [{ request: statusChange(connection, cls, requireUid(operation, input.uid), operation === 'enable') }];
    case 'set-password':
      return [{ request: passwordChange(connection, cls, requireUid(operation, input.uid), normalize('password')) }];
  }
}

function planSearch(connection: ResolvedConnection, cls: ObjectClassModel, input: OperationInput): PlannedRequest[] {
  return [planListing(connection, cls, input)];
}

export interface ListingInput extends OperationInput {
  /** The `select` variable (default: the class's default attributes). */
  select?: string;
  /** Query parameters and a raw filter added to the search (an incremental round's templates). */
  extraQuery?: ReadonlyArray<readonly [string, string]>;
  extraRawFilter?: string;
  note?: string;
}

/** The first page request of the class's search, as a search or a reconciliation sends it. */
export function planListing(connection: ResolvedConnection, cls: ObjectClassModel, input: ListingInput): PlannedRequest {
  const search = cls.operations.search;
  if (!search) throw connectorError('ConfigurationError', `class ${cls.name} has no search operation`, { objectClass: cls.name });
  const config = connection.context.config;
  const translated = input.filter ? translateFilter(cls, input.filter, config) : undefined;
  let filter = combineFilters(cls, translated, input.rawFilter, config);
  if (input.extraRawFilter) filter = combineFilters(cls, filter === '' ? undefined : filter, input.extraRawFilter, config);
  const pageSize = resolvePageSize(search.paging, config);
  const variables = { filter, select: input.select ?? cls.defaultSelect, page: { size: pageSize ?? '' } };
  const extraQuery = [...firstPageQuery(search.paging, pageSize), ...(input.extraQuery ?? [])];
  return { request: buildRequest(connection, search, variables, { extraQuery }), note: input.note ?? 'first page; later pages follow the paging strategy' };
}

function showNewUid(planned: PlannedRequest): PlannedRequest {
  const url = planned.request.url.replace(/%7Buid%7D/g, newUid);
  return { ...planned, request: { ...planned.request, url } };
}
