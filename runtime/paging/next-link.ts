// nextLink paging: each page carries the absolute URL of the next one (OData
// @odata.nextLink, HAL next...). The link is followed as given - it already holds the
// server's own paging state, so no parameter is re-added - but only on the origin of the
// first request: the transport adds credentials to every request, and a link to another
// host would hand them over.
import { connectorError } from '../errors.js';
import type { PreparedRequest } from '../http/types.js';
import {
  fetchPageBody,
  firstWithParams,
  pageItems,
  pageRequest,
  pagingContext,
  resolvedPageSize,
  type PageStrategy,
  type PagingOf,
  type PaginateArgs,
} from './page-source.js';
import { urlWithoutQuery } from './query-params.js';

export const nextLinkPages: PageStrategy<PagingOf<'nextLink'>> = async function* (paging, args) {
  const origin = new URL(args.first.url).origin;
  const pageSize = resolvedPageSize(args);
  let request: PreparedRequest =
    args.resumeFrom !== undefined
      ? pageRequest(args.first, checkedLink(args.resumeFrom, origin, args.first))
      : firstWithParams(args.first, paging.pageSizeParam !== undefined && pageSize !== undefined ? [[paging.pageSizeParam, String(pageSize)]] : []);
  // A server that hands back a link it already gave would make us walk in circles forever.
  const followed = new Set<string>([request.url]);
  for (let pageNumber = 1; ; pageNumber++) {
    const body = await fetchPageBody(args, request);
    const items = pageItems(body, args, request, pageNumber);
    const link = readLink(paging.nextLink.first(body), paging.nextLink.source, request, pageNumber);
    if (link === undefined) {
      yield { items };
      return;
    }
    const next = checkedLink(link, origin, request);
    if (followed.has(next)) {
      throw connectorError('OperationFailed', `paging loop: page ${pageNumber} links to ${urlWithoutQuery(next)}, which was already followed`, {
        ...pagingContext(request),
        hint: 'the target returned the same next link twice',
      });
    }
    followed.add(next);
    yield { items, continuation: next };
    request = pageRequest(args.first, next);
  }
};

function readLink(value: unknown, source: string, request: PreparedRequest, pageNumber: number): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') return value;
  throw connectorError('OperationFailed', `page ${pageNumber}: the next link at "${source}" is not a string (found ${typeof value})`, pagingContext(request));
}

/** Resolves the link (a relative one against the request) and refuses any other origin. */
function checkedLink(link: string, origin: string, request: PaginateArgs['first']): string {
  let parsed: URL;
  try {
    parsed = new URL(link, request.url);
  } catch {
    throw connectorError('OperationFailed', 'the next link is not a URL', pagingContext(request));
  }
  if (parsed.origin !== origin) {
    throw connectorError('ConfigurationError', `the next link points to another origin, ${parsed.origin}; only ${origin} is followed`, {
      ...pagingContext(request),
      hint: 'credentials are never sent to another origin; check the connection baseURL against the links the target returns',
    });
  }
  // An absolute link is used exactly as the server wrote it.
  return /^[a-z][a-z0-9+.-]*:/i.test(link) ? link : parsed.href;
}
