// Paging: one strategy per file, this dispatcher on top. Pages stream one at a time (the
// caller's for-await pulls the next request only when it wants more), so memory stays flat
// in the number of objects; maxObjects cuts the last page and stops before another request.
import type { PagingModel } from '../definition/model.js';
import { cursorPages } from './cursor.js';
import { nextLinkPages } from './next-link.js';
import { singlePage } from './none.js';
import { offsetPages } from './offset.js';
import type { PaginateArgs, RawPage } from './page-source.js';

export type { PaginateArgs } from './page-source.js';
export { withQueryParams } from './query-params.js';

export interface Page {
  items: unknown[];
  /** Serializable state to resume AFTER this page (undefined on the last page). */
  continuation?: string;
  /** 1 for the first page of this run (a resumed run counts from 1 again). */
  pageNumber: number;
}

export async function* paginate(args: PaginateArgs): AsyncGenerator<Page, void, undefined> {
  const cap = objectCap(args.paging, args.maxObjects);
  if (cap !== undefined && cap <= 0) return;
  let remaining = cap ?? Number.POSITIVE_INFINITY;
  let pageNumber = 0;
  for await (const raw of pagesOf(args)) {
    pageNumber++;
    if (raw.items.length < remaining) {
      remaining -= raw.items.length;
      yield page(raw.items, raw.continuation, pageNumber);
      continue;
    }
    // The cap is reached on this page: cut it, and leave the loop so that no further
    // page is requested (returning closes the strategy's generator).
    const cut = raw.items.length > remaining;
    const items = cut ? raw.items.slice(0, remaining) : raw.items;
    yield page(items, cut ? raw.resumeWithin?.(remaining) : raw.continuation, pageNumber);
    return;
  }
}

function pagesOf(args: PaginateArgs): AsyncGenerator<RawPage, void, undefined> {
  const paging = args.paging;
  switch (paging.type) {
    case 'nextLink':
      return nextLinkPages(paging, args);
    case 'offset':
      return offsetPages(paging, args);
    case 'cursor':
      return cursorPages(paging, args);
    case 'none':
      return singlePage(paging, args);
  }
}

function objectCap(paging: PagingModel, callerCap: number | undefined): number | undefined {
  const caps = [paging.maxObjects, callerCap].filter((cap): cap is number => cap !== undefined);
  return caps.length === 0 ? undefined : Math.min(...caps);
}

function page(items: unknown[], continuation: string | undefined, pageNumber: number): Page {
  return continuation === undefined ? { items, pageNumber } : { items, continuation, pageNumber };
}
