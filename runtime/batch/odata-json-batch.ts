// The OData JSON batch protocol: one POST {"requests":[{id,method,url,headers,body,dependsOn}]}
// answered by {"responses":[{id,status,headers,body}]} in any order. Only the wire format is
// here; grouping, retries and routing are the dispatcher's.
import type { HttpMethod } from '../http/types.js';

export interface BatchItem {
  readonly id: string;
  readonly method: HttpMethod;
  /** Relative to the connection base URL, e.g. "/items/1". */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly dependsOn?: readonly string[];
}

export interface BatchItemResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

export interface BatchItemInput {
  readonly method: HttpMethod;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

/**
 * The request body. With `serial`, each item depends on the one before it: the target runs
 * them in order and answers 424 for those after a failure. A batch is either wholly serial or
 * wholly parallel, because targets refuse mixed dependency graphs.
 */
export function encodeBatch(items: readonly BatchItemInput[], serial: boolean): { requests: BatchItem[] } {
  return {
    requests: items.map((item, index): BatchItem => {
      const hasBody = item.body !== undefined;
      const headers = hasBody && !hasHeader(item.headers, 'content-type') ? { ...item.headers, 'Content-Type': 'application/json' } : { ...item.headers };
      return {
        id: String(index + 1),
        method: item.method,
        url: item.url,
        headers,
        ...(hasBody && { body: item.body }),
        ...(serial && index > 0 && { dependsOn: [String(index)] }),
      };
    }),
  };
}

/** The item responses by id, or a message saying why the body is not a batch response. */
export function decodeBatchResponse(body: unknown): Map<string, BatchItemResponse> | string {
  const responses = isRecord(body) ? body.responses : undefined;
  if (!Array.isArray(responses)) return 'the batch response has no "responses" list';
  const byId = new Map<string, BatchItemResponse>();
  for (const entry of responses) {
    if (!isRecord(entry) || (typeof entry.id !== 'string' && typeof entry.id !== 'number') || typeof entry.status !== 'number') {
      return 'a batch response item lacks an id or a numeric status';
    }
    byId.set(String(entry.id), { status: entry.status, headers: stringHeaders(entry.headers), body: entry.body });
  }
  return byId;
}

function stringHeaders(value: unknown): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!isRecord(value)) return headers;
  for (const [name, header] of Object.entries(value)) {
    // Lower-case names, as the transport gives them, so callers read retry-after and location alike.
    if (typeof header === 'string' || typeof header === 'number') headers[name.toLowerCase()] = String(header);
  }
  return headers;
}

function hasHeader(headers: Readonly<Record<string, string>>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
