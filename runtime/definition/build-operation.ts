// One HTTP operation of the definition -> OperationModel, with its defaults and checks.
import type { ErrorKind, HttpMethod, HttpRequestFields } from '../generated/definition.js';
import type { TemplateScope } from '../template/scope.js';
import type { BuildContext } from './build-context.js';
import { buildPaging } from './build-connection.js';
import type { OperationKind, OperationModel, PagingModel } from './model.js';

const defaultMethods: Partial<Record<OperationKind, HttpMethod>> = {
  create: 'POST',
  update: 'PATCH',
  delete: 'DELETE',
  add: 'POST',
  remove: 'DELETE',
  set: 'PUT',
  clear: 'DELETE',
  restore: 'POST',
  enable: 'POST',
  disable: 'POST',
  setPassword: 'POST',
};

const defaultAlreadyDone: Partial<Record<OperationKind, ErrorKind[]>> = {
  add: ['AlreadyExists'],
  remove: ['UnknownUid'],
  clear: ['UnknownUid'],
};

export function buildOperation(
  context: BuildContext,
  at: string,
  raw: HttpRequestFields,
  kind: OperationKind,
  label: string,
  scope: TemplateScope,
  defaultPaging: PagingModel,
): OperationModel {
  const method = raw.opType ?? defaultMethods[kind] ?? 'GET';
  // A missing relURI is reported by the schema (or by the caller for reads).
  const relURISource = raw.relURI ?? '/';
  const relURI = context.template(`${at}/relURI`, relURISource, scope);
  if (relURI.parts === undefined) {
    context.problems.add(`${at}/relURI`, `${label}.relURI may only hold {{expression}} placeholders, not blocks`);
  } else if (relURI.parts.some((p) => typeof p === 'string' && /[?#]/.test(p))) {
    context.problems.add(`${at}/relURI`, `${label}.relURI must be a path only: put query parameters in "query"`);
  } else if (!relURISource.startsWith('/') && !relURISource.startsWith('{{')) {
    context.problems.add(`${at}/relURI`, `${label}.relURI must start with "/" (it is relative to connection.baseURL)`);
  }
  if (raw.customPayload !== undefined && (method === 'GET' || method === 'DELETE')) {
    context.problems.add(`${at}/customPayload`, `${label} is a ${method} request and cannot have a customPayload`);
  }
  return {
    label,
    kind,
    method,
    relURI,
    query: context.templates(`${at}/query`, raw.query, scope),
    headers: context.templates(`${at}/headers`, raw.headers, scope),
    ...(raw.customPayload !== undefined && { payload: context.payload(`${at}/customPayload`, raw.customPayload, scope) }),
    ...(raw.expectedStatus !== undefined && { expectedStatus: new Set(raw.expectedStatus) }),
    ...(raw.jsonResourcesTag !== undefined && { resources: context.location(`${at}/jsonResourcesTag`, raw.jsonResourcesTag) }),
    paging: raw.paging ? context.guard(`${at}/paging`, () => buildPaging(context, `${at}/paging`, raw.paging!), defaultPaging) : defaultPaging,
    notFound: raw.notFound ?? 'error',
    batchable: raw.batchable ?? method !== 'GET',
    alreadyDone: new Set(raw.alreadyDone ?? defaultAlreadyDone[kind] ?? []),
  };
}
