// The only helpers templates may call (knownHelpersOnly). Each is a pure function of its
// arguments, shared by the Handlebars environment and the single-expression evaluator.

export type Helper = (...args: unknown[]) => unknown;

export interface HelperSpec {
  fn: Helper;
  /** Smallest and largest number of arguments. */
  arity: [number, number];
  description: string;
}

function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

/** OData literal: strings quoted with ' doubled (o'brien -> 'o''brien'); numbers, booleans, null bare. */
export function odataLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `'${String(value).replace(/'/g, "''")}'`;
}

/** JSON-style literal: strings double-quoted with \ and " escaped (SCIM filters and similar). */
export function jsonStringLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(String(value));
}

export const helpers: Readonly<Record<string, HelperSpec>> = {
  odata: { fn: odataLiteral, arity: [1, 1], description: "OData literal: 'text' with ' doubled; numbers and booleans bare" },
  jsonString: { fn: jsonStringLiteral, arity: [1, 1], description: 'double-quoted string with JSON escapes; numbers and booleans bare' },
  join: { fn: (list, separator) => (Array.isArray(list) ? list.map(text).join(text(separator)) : text(list)), arity: [2, 2], description: 'join a list with a separator' },
  default: { fn: (value, fallback) => (value === undefined || value === null || value === '' ? fallback : value), arity: [2, 2], description: 'the value, or the fallback when it is empty' },
  eq: { fn: (a, b) => a === b, arity: [2, 2], description: 'a equals b' },
  ne: { fn: (a, b) => a !== b, arity: [2, 2], description: 'a differs from b' },
  not: { fn: (a) => !a, arity: [1, 1], description: 'logical not' },
  and: { fn: (...args) => args.every(Boolean), arity: [2, 9], description: 'all are true' },
  or: { fn: (...args) => args.find(Boolean) ?? args[args.length - 1], arity: [2, 9], description: 'the first true value' },
  lower: { fn: (s) => text(s).toLowerCase(), arity: [1, 1], description: 'lower case' },
  upper: { fn: (s) => text(s).toUpperCase(), arity: [1, 1], description: 'upper case' },
  trim: { fn: (s) => text(s).trim(), arity: [1, 1], description: 'without surrounding white space' },
  localPart: { fn: (s) => text(s).split('@')[0] ?? '', arity: [1, 1], description: 'the part before @ (e.g. of a user principal name)' },
  domainPart: { fn: (s) => { const t = text(s); const at = t.lastIndexOf('@'); return at < 0 ? '' : t.slice(at + 1); }, arity: [1, 1], description: 'the part after @' },
  concat: { fn: (...args) => args.map(text).join(''), arity: [1, 9], description: 'the arguments joined as text' },
  json: { fn: (value) => JSON.stringify(value ?? null), arity: [1, 1], description: 'the value as JSON text' },
  urlEncode: { fn: (s) => encodeURIComponent(text(s)), arity: [1, 1], description: 'percent-encoded (for values inside other values)' },
  replace: { fn: (s, from, to) => text(s).split(text(from)).join(text(to)), arity: [3, 3], description: 'every occurrence of from replaced by to' },
};

export const blockHelpers = new Set(['if', 'unless', 'each', 'with']);
