// Text as it comes out of a word processor or a web page: curly quotes, non-breaking
// spaces, Windows line ends. OIM itself only knows the plain ASCII forms.

const doubleQuotes = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const singleQuotes = /[\u2018\u2019\u201A\u201B\u2032]/g;
const oddSpaces = /[\u00A0\u2007\u202F\u2009\u200A\u2002\u2003]/g;

/** Curly quotes to straight ones, odd spaces to plain spaces, CRLF to LF. */
export function normalizeQuotes(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(doubleQuotes, '"').replace(singleQuotes, "'").replace(oddSpaces, ' ').replace(/\u200B|\uFEFF/g, '');
}

/**
 * A configuration code key reduced for comparison: the guide prints "relURI’s" for
 * relURIs, and keys may carry stray spaces or a different case.
 */
export function canonicalCodeKey(code: string): string {
  return normalizeQuotes(code)
    .replace(/'s\b/g, 's')
    .replace(/["'\s_-]/g, '')
    .toLowerCase();
}

/** "account_id" -> "accountId", "Filter Suffix" -> "filterSuffix": a valid setting name. */
export function settingName(text: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
  const joined = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  return /^[A-Za-z_]/.test(joined) ? joined : `setting${joined}`;
}
