// cursor paging: each page carries an opaque token that the next request sends back in
// cursorParam. An absent, null or empty token ends the walk; a token seen twice means the
// server is walking in circles.
import { connectorError } from '../errors.js';
import type { PreparedRequest } from '../http/types.js';
import {
  fetchPageBody,
  firstWithParams,
  nextWithParams,
  pageItems,
  pagingContext,
  resolvedPageSize,
  type PageStrategy,
  type PagingOf,
} from './page-source.js';

export const cursorPages: PageStrategy<PagingOf<'cursor'>> = async function* (paging, args) {
  const pageSize = resolvedPageSize(args);
  const sizeParam: Array<readonly [string, string]> =
    paging.pageSizeParam !== undefined && pageSize !== undefined ? [[paging.pageSizeParam, String(pageSize)]] : [];
  let token = args.resumeFrom;
  const seen = new Set<string>(token === undefined ? [] : [token]);
  for (let pageNumber = 1; ; pageNumber++) {
    const params = token === undefined ? sizeParam : [...sizeParam, [paging.cursorParam, token] as const];
    const request = pageNumber === 1 ? firstWithParams(args.first, params) : nextWithParams(args.first, params);
    const body = await fetchPageBody(args, request);
    const items = pageItems(body, args, request, pageNumber);
    const next = readToken(paging.cursor.first(body), paging.cursor.source, request, pageNumber);
    if (next === undefined) {
      yield { items };
      return;
    }
    if (seen.has(next)) {
      throw connectorError('OperationFailed', `paging loop: page ${pageNumber} returned a cursor that was already used`, {
        ...pagingContext(request),
        hint: 'the target returned the same cursor twice',
      });
    }
    seen.add(next);
    yield { items, continuation: next };
    token = next;
  }
};

function readToken(value: unknown, source: string, request: PreparedRequest, pageNumber: number): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw connectorError('OperationFailed', `page ${pageNumber}: the cursor at "${source}" is neither a string nor a number (found ${typeof value})`, pagingContext(request));
}
