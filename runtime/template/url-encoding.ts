// Encoding of template values into URLs. A path placeholder's value is always exactly one
// path segment; a query value is always exactly one query value.

export class PlaceholderValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlaceholderValueError';
  }
}

/** Percent-encodes a value as one path segment: '/', '?', '#', '%' and the rest are escaped. */
export function encodePathSegment(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Characters RFC 3986 allows raw in a query that we keep readable ($select=id,displayName). */
const readableInQuery: Record<string, string> = { '%2C': ',', '%3A': ':', '%2F': '/', '%40': '@', '%24': '$' };

export function encodeQueryComponent(value: string): string {
  return encodeURIComponent(value)
    .replace(/%(2C|3A|2F|40|24)/g, (m) => readableInQuery[m] ?? m)
    .replace(/'/g, '%27');
}

export function buildQueryString(entries: ReadonlyArray<readonly [string, string]>): string {
  if (entries.length === 0) return '';
  return '?' + entries.map(([name, value]) => `${encodeQueryComponent(name)}=${encodeQueryComponent(value)}`).join('&');
}
