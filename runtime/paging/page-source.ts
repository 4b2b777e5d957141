// What every paging strategy shares: the arguments, the raw page a strategy yields, sending
// one page request, and reading the item list out of a page.
import { connectorError } from '../errors.js';
import type { JsonLocator } from '../definition/json-location.js';
import type { PagingModel } from '../definition/model.js';
import type { HttpResponse, PreparedRequest } from '../http/types.js';
import { describeRequest, withQueryParams, type QueryParams } from './query-params.js';

export interface PaginateArgs {
  paging: PagingModel;
  /** The first request, fully built (URL with its query). */
  first: PreparedRequest;
  /** transport.send */
  send: (request: PreparedRequest) => Promise<HttpResponse>;
  /** Where the item list is in a page; absent: the body itself is the array. */
  resources?: JsonLocator;
  /** Resolved page size (the caller renders PageSize templates). */
  pageSize?: number;
  /** Overall cap (min of paging.maxObjects and the caller's limit). */
  maxObjects?: number;
  /** A continuation from a previous run's Page. */
  resumeFrom?: string;
  /** The caller classifies non-2xx responses. */
  onError: (response: HttpResponse, request: PreparedRequest) => never;
}

export type PagingOf<T extends PagingModel['type']> = Extract<PagingModel, { type: T }>;

/** A page as a strategy sees it; the dispatcher numbers pages and applies maxObjects. */
export interface RawPage {
  items: unknown[];
  /** State to resume after this page; undefined when it is the last. */
  continuation?: string;
  /** State to resume after only the first `kept` items (when maxObjects cuts the page); undefined when the strategy cannot say. */
  resumeWithin?: (kept: number) => string;
}

export type PageStrategy<P extends PagingModel> = (paging: P, args: PaginateArgs) => AsyncGenerator<RawPage, void, undefined>;

/** Sends one page request and returns its body; non-2xx goes to the caller's classifier. */
export async function fetchPageBody(args: PaginateArgs, request: PreparedRequest): Promise<unknown> {
  const response = await args.send(request);
  if (response.status < 200 || response.status > 299) {
    args.onError(response, request);
    // onError is typed `never`; this only guards a classifier that returns by mistake.
    throw connectorError('OperationFailed', `page request answered HTTP ${response.status}`, pagingContext(request));
  }
  return response.body;
}

export function pageItems(body: unknown, args: PaginateArgs, request: PreparedRequest, pageNumber: number): unknown[] {
  const list = args.resources ? args.resources.first(body) : body;
  if (Array.isArray(list)) return list;
  const where = args.resources ? `at "${args.resources.source}"` : 'in the response body';
  const found = list === null ? 'null' : Array.isArray(list) ? 'array' : typeof list;
  throw connectorError('OperationFailed', `page ${pageNumber}: the item list ${where} is not an array (found ${found})`, {
    ...pagingContext(request),
    hint: 'check the operation\'s jsonResourcesTag against a real response',
  });
}

/** A follow-up page request: same method, headers and label; a new request id (it is a new request, not a retry). */
export function pageRequest(first: PreparedRequest, url: string): PreparedRequest {
  const { requestId: _firstRequestId, ...rest } = first;
  return { ...rest, url };
}

/** The first request with paging parameters set; it keeps its request id. */
export function firstWithParams(first: PreparedRequest, params: QueryParams): PreparedRequest {
  return params.length === 0 ? first : { ...first, url: withQueryParams(first.url, params) };
}

export function nextWithParams(first: PreparedRequest, params: QueryParams): PreparedRequest {
  return pageRequest(first, withQueryParams(first.url, params));
}

export function pagingContext(request: PreparedRequest): { operation: string; request: string } {
  return { operation: request.label, request: describeRequest(request.method, request.url) };
}

/** The configured page size: the caller's resolved value, else a literal number from the definition. */
export function resolvedPageSize(args: PaginateArgs): number | undefined {
  if (args.pageSize !== undefined) return args.pageSize;
  const configured = 'pageSize' in args.paging ? args.paging.pageSize : undefined;
  return typeof configured === 'number' ? configured : undefined;
}
