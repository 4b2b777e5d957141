// Turns an operation of the definition plus its variables into a PreparedRequest:
// the relURI with encoded path segments, the query, the headers and the JSON body.
import { connectorError, type ErrorContext } from '../errors.js';
import type { OperationModel } from '../definition/model.js';
import type { PreparedRequest } from '../http/types.js';
import { renderPayload } from '../template/payload-template.js';
import { renderPath } from '../template/path-template.js';
import { buildQueryString, PlaceholderValueError } from '../template/url-encoding.js';
import type { ResolvedConnection } from './resolved-connection.js';

export interface RequestVariables {
  readonly [name: string]: unknown;
}

/** POSTs that are harmless to repeat: their duplicates are recognised (alreadyDone) or are reads. */
const retrySafePostKinds = new Set(['add', 'remove', 'set', 'clear', 'search', 'lookup', 'find', 'read', 'delta', 'get']);

export function buildRequest(
  connection: ResolvedConnection,
  op: OperationModel,
  variables: RequestVariables,
  options: { body?: unknown; extraQuery?: ReadonlyArray<readonly [string, string]>; errorContext?: ErrorContext } = {},
): PreparedRequest {
  const context = { ...connection.context, ...variables };
  let path: string;
  try {
    path = renderPath(op.relURI, context);
  } catch (error) {
    if (error instanceof PlaceholderValueError) {
      throw connectorError('InvalidAttributeValue', `${op.label}: ${error.message}`, options.errorContext ?? {});
    }
    throw error;
  }
  const query: Array<readonly [string, string]> = [];
  for (const [name, template] of op.query) {
    const value = template.render(context);
    if (value !== '') query.push([name, value]);
  }
  for (const entry of options.extraQuery ?? []) query.push(entry);
  const body = op.payload ? renderPayload(op.payload, context) : options.body;
  // A request without a body carries no Content-Type (left out rather than deleted: this
  // runs for every request, and deleting a property slows every later use of the object).
  const bodyless = body === undefined || op.method === 'GET' || op.method === 'DELETE';
  const headers: Record<string, string> = {};
  for (const name in connection.headers) {
    if (!bodyless || name.toLowerCase() !== 'content-type') headers[name] = connection.headers[name]!;
  }
  for (const [name, template] of op.headers) {
    const value = template.render(context);
    if (value !== '' && (!bodyless || name.toLowerCase() !== 'content-type')) headers[name] = value;
  }
  return {
    method: op.method,
    url: connection.baseURL + path + buildQueryString(query),
    headers,
    ...(body !== undefined && op.method !== 'GET' && op.method !== 'DELETE' && { body }),
    label: op.label,
    retrySafe: op.method !== 'POST' || retrySafePostKinds.has(op.kind),
  };
}
