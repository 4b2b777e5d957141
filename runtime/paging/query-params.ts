// Query editing for follow-up page requests. The first request's query was encoded by the
// templates ($select=id,displayName, OData literals...); re-serializing it through
// URLSearchParams would re-encode it (form style, '+' for space), so the existing pairs are
// kept byte for byte and only the paging parameters are replaced or appended.
import { encodeQueryComponent } from '../template/url-encoding.js';

export type QueryParams = ReadonlyArray<readonly [string, string]>;

function pairName(pair: string): string {
  const raw = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/** The URL with each named parameter set to its value (an existing one is replaced, not repeated). */
export function withQueryParams(url: string, params: QueryParams): string {
  if (params.length === 0) return url;
  const hashAt = url.indexOf('#');
  const withoutFragment = hashAt < 0 ? url : url.slice(0, hashAt);
  const queryAt = withoutFragment.indexOf('?');
  const base = queryAt < 0 ? withoutFragment : withoutFragment.slice(0, queryAt);
  const existing = queryAt < 0 ? [] : withoutFragment.slice(queryAt + 1).split('&').filter((pair) => pair !== '');
  const replaced = new Set(params.map(([name]) => name));
  const pairs = existing.filter((pair) => !replaced.has(pairName(pair)));
  for (const [name, value] of params) pairs.push(`${encodeQueryComponent(name)}=${encodeQueryComponent(value)}`);
  return `${base}?${pairs.join('&')}`;
}

/** "GET https://host/path" for messages: the query may hold tokens or filter values, so it is left out. */
export function describeRequest(method: string, url: string): string {
  return `${method} ${urlWithoutQuery(url)}`;
}

export function urlWithoutQuery(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return url.replace(/[?#].*$/, '');
  }
}
