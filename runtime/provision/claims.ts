// Identities are plain objects of claims (claim name -> value), as CSV rows, NDJSON lines or
// events give them. A claim may hold one value, a list, or several values in one text.
export type Claims = Readonly<Record<string, unknown>>;

/** The non-empty values of a claim as text; `separator` splits text values. */
export function claimValues(claims: Claims, name: string, separator?: string): string[] {
  return flattenValues(claims[name], separator);
}

export function flattenValues(value: unknown, separator?: string): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((item) => flattenValues(item, separator));
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (typeof value !== 'string') return [];
  const parts = separator === undefined ? [value] : value.split(separator);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

export function hasClaim(claims: Claims, name: string): boolean {
  return flattenValues(claims[name]).length > 0;
}

/** Case-insensitive match with * as a wildcard (e.g. "Internal/*"). */
export function wildcardMatcher(patterns: readonly string[]): (value: string) => boolean {
  const tests = patterns.map((pattern) => {
    if (!pattern.includes('*')) {
      const lower = pattern.toLowerCase();
      return (value: string) => value.toLowerCase() === lower;
    }
    const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
    const regex = new RegExp(`^${source}$`, 'i');
    return (value: string) => regex.test(value);
  });
  return (value) => tests.some((test) => test(value));
}
