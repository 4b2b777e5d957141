// offset paging: pages addressed by position (SCIM startIndex/count, offset/limit). The
// position advances by the number of items actually received, because servers may cap the
// page size below what was asked. Stops on an empty page, on a short page when no total is
// known, or once the total is reached. Some servers (scimmy among them) answer a position
// past the end with the FIRST page again instead of an empty one: a page at or beyond the
// known total, or a page identical to this run's first, ends the walk instead of looping.
import { connectorError } from '../errors.js';
import {
  fetchPageBody,
  firstWithParams,
  nextWithParams,
  pageItems,
  resolvedPageSize,
  type PageStrategy,
  type PagingOf,
} from './page-source.js';

export const offsetPages: PageStrategy<PagingOf<'offset'>> = async function* (paging, args) {
  const pageSize = resolvedPageSize(args);
  let offset = args.resumeFrom !== undefined ? parseOffset(args.resumeFrom, paging.firstOffset, args.first.label) : paging.firstOffset;
  let firstPage: string | undefined;
  for (let pageNumber = 1; ; pageNumber++) {
    const params: Array<readonly [string, string]> = [[paging.offsetParam, String(offset)]];
    if (pageSize !== undefined) params.push([paging.limitParam, String(pageSize)]);
    const request = pageNumber === 1 ? firstWithParams(args.first, params) : nextWithParams(args.first, params);
    const body = await fetchPageBody(args, request);
    const items = pageItems(body, args, request, pageNumber);
    const total = readTotal(paging.total?.first(body));
    const position = offset - paging.firstOffset;
    // Asked for a position past the end: whatever came back is not the page we asked for.
    if (total !== undefined && position >= total && position > 0) return;
    const fingerprint = pageFingerprint(items);
    if (pageNumber === 1) firstPage = fingerprint;
    else if (items.length > 0 && fingerprint === firstPage) return;

    const pageOffset = offset;
    offset += items.length;
    const received = offset - paging.firstOffset;
    const more =
      items.length > 0 && (total !== undefined ? received < total : pageSize === undefined || items.length >= pageSize);
    const resumeWithin = (kept: number): string => String(pageOffset + kept);
    yield more ? { items, continuation: String(offset), resumeWithin } : { items, resumeWithin };
    if (!more) return;
  }
};

/** The total as a number; a numeric string is accepted (some APIs quote it), anything else is unknown. */
function readTotal(value: unknown): number | undefined {
  const total = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof total === 'number' && Number.isFinite(total) && total >= 0 ? total : undefined;
}

/** Cheap identity of a page: its size and its first and last items. */
function pageFingerprint(items: readonly unknown[]): string {
  return `${items.length}:${JSON.stringify(items[0]) ?? ''}:${JSON.stringify(items[items.length - 1]) ?? ''}`;
}

function parseOffset(continuation: string, firstOffset: number, label: string): number {
  const offset = /^\d+$/.test(continuation) ? Number(continuation) : Number.NaN;
  if (!Number.isSafeInteger(offset) || offset < firstOffset) {
    throw connectorError('ConfigurationError', `cannot resume offset paging from "${continuation}": expected a position of at least ${firstOffset}`, {
      operation: label,
    });
  }
  return offset;
}
