// --to-microsoft-graph: an imported Azure AD Graph definition (OIM's Office 365 connector)
// rewritten for Microsoft Graph v1.0. Each change is reported with the OIM entry it came from.
import type { ConnectorDefinition, HttpRequestFields, ObjectClass } from '../../generated/definition.js';
import { sourceOf, type ImportContext } from '../import-context.js';
import { graphConnection } from './graph-connection.js';
import { renameClassAttributes, renameMappingAttributes, renameReadFields, renameTemplate } from './graph-identifiers.js';
import { translateRequest } from './graph-paths.js';
import { translatePayloadForGraph } from './graph-payloads.js';

function change(context: ImportContext, target: string, what: string, from: unknown, to: unknown): void {
  context.report.add('changed', what, { ...sourceOf(context, target), target, from, to });
}

/** "PUT /x?a=b": how a request reads in the report. */
function requestLine(request: HttpRequestFields): string {
  const query = Object.entries(request.query ?? {}).map(([name, value]) => `${name}=${value}`).join('&');
  return `${request.opType ?? '(default method)'} ${request.relURI ?? ''}${query ? `?${query}` : ''}`;
}

function translateOne(context: ImportContext, target: string, request: HttpRequestFields, update = false): void {
  const before = requestLine(request);
  const changes = translateRequest(request, update ? { update } : {});
  if (changes.length > 0) change(context, target, changes.map((c) => c.what).join('; '), before, requestLine(request));
  if (request.customPayload !== undefined) {
    const { payload, changes } = translatePayloadForGraph(request.customPayload, request.relURI);
    request.customPayload = payload;
    for (const c of changes) change(context, `${target}.customPayload`, c.what, c.from, c.to);
  }
}

/** Graph returns only a default set of properties: ask for the class's attributes. */
function selectAttributes(context: ImportContext, className: string, cls: ObjectClass): void {
  const fromObject = Object.values(cls.specialAttributes ?? {}).flatMap((s) => (s?.read?.fromObject ? [/^\$\.([^.[]+)/.exec(s.read.fromObject)?.[1]] : []));
  const select = ['{{select}}', ...fromObject.filter((p): p is string => p !== undefined)].join(',');
  for (const kind of ['get', 'search'] as const) {
    const op = cls.operations[kind];
    if (!op) continue;
    op.query = { $select: select, ...op.query };
    change(context, `${className}.operations.${kind}.query`, 'Microsoft Graph returns a default property set only: $select asks for the class\'s attributes', undefined, `$select=${select}`);
  }
}

function translateClass(context: ImportContext, className: string, cls: ObjectClass): void {
  for (const c of renameClassAttributes(className, cls)) change(context, c.target, c.what, c.from, c.to);
  for (const [kind, op] of Object.entries(cls.operations)) {
    if (op) translateOne(context, `${className}.operations.${kind}`, op, kind === 'update');
  }
  for (const [name, special] of Object.entries(cls.specialAttributes ?? {})) {
    if (!special) continue;
    const target = `${className}.specialAttributes.${name}`;
    if (special.read) {
      if (special.read.relURI !== undefined) translateOne(context, `${target}.read`, special.read);
      for (const c of renameReadFields(`${target}.read`, special.read)) change(context, c.target, c.what, c.from, c.to);
    }
    for (const action of ['add', 'remove', 'set', 'clear'] as const) {
      const request = special[action];
      if (request) translateOne(context, `${target}.${action}`, request);
    }
  }
  selectAttributes(context, className, cls);
}

export function translateToMicrosoftGraph(definition: ConnectorDefinition, context: ImportContext): void {
  for (const [className, cls] of Object.entries(definition.objectClasses ?? {})) {
    if (cls) translateClass(context, className, cls);
  }
  for (const [name, lookup] of Object.entries(definition.lookups ?? {})) {
    for (const key of ['code', 'decode', 'id'] as const) {
      const template = lookup?.[key];
      if (lookup && template !== undefined && renameTemplate(template) !== template) {
        change(context, `lookups.${name}.${key}`, 'objectId is id in Microsoft Graph', template, renameTemplate(template));
        lookup[key] = renameTemplate(template);
      }
    }
  }
  for (const [className, mappings] of Object.entries(definition.mappings ?? {})) {
    if (mappings) for (const c of renameMappingAttributes(className, mappings)) change(context, c.target, c.what, c.from, c.to);
  }
  const previous = definition.connection!;
  definition.connection = graphConnection(previous, context.settings);
  const connection = definition.connection;
  change(context, 'connection.baseURL', 'Microsoft Graph v1.0 endpoint (setting graphBaseUrl); the Azure AD Graph settings baseUrl and apiVersion are gone', previous.baseURL, connection.baseURL);
  change(context, 'connection.paging', 'Microsoft Graph pages by @odata.nextLink with $top', previous.paging, connection.paging);
  change(context, 'connection.batch', 'independent writes may travel in Microsoft Graph JSON batches (POST /$batch, 20 per batch)', undefined, connection.batch);
  change(context, 'connection.errors', 'Microsoft Graph error rules: 400 ObjectConflict and "added object references already exist" are AlreadyExists, 404 Request_ResourceNotFound is UnknownUid', undefined, '8 rules');
  change(context, 'connection.retry', 'retries of 429 and 5xx with Retry-After, a client-request-id per request, and retries of UnknownUid right after a create (replication)', undefined, connection.retry);
}
