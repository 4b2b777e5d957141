// Compiled JSON locations (jsonResourcesTag, nextLinkPath, specialAttributeTargetFormat...).
// Simple paths ("value", "$.a.b", "$['@odata.nextLink']") are read with a key walk; anything
// with wildcards or filters goes through jsonpath-plus.
import { JSONPath } from 'jsonpath-plus';

export interface JsonLocator {
  readonly source: string;
  /** The first value found, or undefined. */
  first(document: unknown): unknown;
  /** Every value found (a wildcard path may find several). */
  all(document: unknown): unknown[];
}

/** Parses "$.a.b['c.d'][0]" into keys when it has no wildcard, filter or recursion. */
export function simpleKeys(path: string): string[] | undefined {
  if (!path.startsWith('$')) return [path];
  const keys: string[] = [];
  const pattern = /\.([A-Za-z_$@][\w$@-]*)|\['((?:[^'\\]|\\.)*)'\]|\["((?:[^"\\]|\\.)*)"\]|\[(\d+)\]/y;
  let index = 1;
  while (index < path.length) {
    pattern.lastIndex = index;
    const m = pattern.exec(path);
    if (!m) return undefined;
    keys.push(m[1] ?? m[2] ?? m[3] ?? m[4]!);
    index = pattern.lastIndex;
  }
  return keys;
}

function walkKeys(document: unknown, keys: readonly string[]): unknown {
  let value = document;
  for (const key of keys) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

export function compileJsonLocation(source: string): JsonLocator {
  const keys = simpleKeys(source);
  if (keys) {
    return {
      source,
      first: (document) => walkKeys(document, keys),
      all: (document) => {
        const value = walkKeys(document, keys);
        return value === undefined ? [] : [value];
      },
    };
  }
  // "$.a.b[*]" (a list in the object, e.g. $.assignedLicenses[*]) is read on every object of a
  // search: walked directly, it costs nothing, where jsonpath-plus allocates kilobytes per call.
  const listKeys = source.endsWith('[*]') ? simpleKeys(source.slice(0, -3)) : undefined;
  if (listKeys) {
    const items = (document: unknown): unknown[] => {
      const value = walkKeys(document, listKeys);
      if (Array.isArray(value)) return [...value];
      return value !== null && typeof value === 'object' ? Object.values(value) : [];
    };
    return { source, first: (document) => items(document)[0], all: items };
  }
  const query = (document: unknown): unknown[] =>
    document !== null && typeof document === 'object' ? (JSONPath({ path: source, json: document, wrap: true, eval: 'safe' }) as unknown[]) : [];
  return { source, first: (document) => query(document)[0], all: query };
}

/** Checks a JSONPath for syntax at load time; returns a message when it cannot be used. */
export function jsonLocationProblem(source: string): string | undefined {
  if (!source.startsWith('$') || simpleKeys(source)) return undefined;
  const problem = bracketProblem(source);
  return problem ? `invalid JSONPath "${source}": ${problem}` : undefined;
}

/** jsonpath-plus accepts unbalanced input silently, so brackets and quotes are checked here. */
function bracketProblem(source: string): string | undefined {
  const stack: string[] = [];
  let quote: string | undefined;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '[' || c === '(') stack.push(c === '[' ? ']' : ')');
    else if (c === ']' || c === ')') {
      if (stack.pop() !== c) return `unexpected "${c}" at position ${i + 1}`;
    }
  }
  if (quote) return 'a quoted name is not closed';
  if (stack.length > 0) return `"${stack[stack.length - 1]}" is missing at the end`;
  return undefined;
}
