// Splits a list decode as OIM shows it - `"__ACCOUNT__.CREATEOP=POST","__ACCOUNT__.UPDATEOP=PATCH"` -
// into its items. It copes with what copies of it really hold: curly quotes, line
// breaks and blank lines between items, a leading or trailing comma, a trailing `""`,
// `\"` escapes inside payloads, unquoted items, and spaces around `=`.
import type { OimEntry, Origin } from './input-model.js';
import { normalizeQuotes } from './normalize-text.js';

export interface OimItem {
  /** Text before the first '=' (trimmed), e.g. "__ACCOUNT__.CREATEOP"; absent for plain items. */
  key?: string;
  /** Text after the first '=' (trimmed), or the whole item when it has no '='. */
  value: string;
  /** The item as it was written, for the report. */
  raw: string;
  /** The entry's code key, e.g. "relURIs". */
  code: string;
  origin: Origin;
}

/** `relURIs: __ACCOUNT__.CREATEOP=/...` - how report entries quote an item. */
export function describeItem(item: OimItem): string {
  return `${item.code}: ${item.raw}`;
}

interface RawItem {
  text: string;
  raw: string;
  offset: number;
}

export function splitDecodeList(entry: OimEntry, code = entry.code): OimItem[] {
  const text = normalizeQuotes(entry.decode);
  const lineAt = (offset: number): number => entry.decodeLine + (text.slice(0, offset).match(/\n/g)?.length ?? 0);
  return tokenize(text)
    .filter((item) => item.text.trim() !== '')
    .map((item) => {
      const origin = { file: entry.origin.file, line: lineAt(item.offset) };
      const cleaned = item.text.trim();
      const equals = cleaned.indexOf('=');
      const raw = item.raw.trim();
      if (equals <= 0) return { value: cleaned, raw, code, origin };
      return { key: cleaned.slice(0, equals).trim(), value: cleaned.slice(equals + 1).trim(), raw, code, origin };
    });
}

function tokenize(text: string): RawItem[] {
  const items: RawItem[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /[\s,]/.test(text[i]!)) i++;
    if (i >= text.length) break;
    const start = i;
    const quoted = text[i] === '"';
    const { value, end } = quoted ? readQuoted(text, i + 1) : readBare(text, i);
    items.push({ text: value, raw: text.slice(start, end), offset: start });
    i = end;
  }
  return items;
}

/** A quoted item ends at a quote followed by a comma, another quote or the end, outside braces. */
function readQuoted(text: string, from: number): { value: string; end: number } {
  let value = '';
  let depth = 0;
  let i = from;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      value += text[i + 1] === '\\' ? '\\' : text[i + 1]!;
      i += 2;
      continue;
    }
    if (c === '"' && depth <= 0) {
      const rest = text.slice(i + 1).trimStart();
      if (rest === '' || rest.startsWith(',') || rest.startsWith('"')) return { value, end: i + 1 };
    }
    if (c === '{' || c === '[') depth++;
    if (c === '}' || c === ']') depth--;
    value += c;
    i++;
  }
  return { value, end: i };
}

/** An unquoted item ends at a comma outside braces and brackets. */
function readBare(text: string, from: number): { value: string; end: number } {
  let depth = 0;
  let i = from;
  let value = '';
  while (i < text.length) {
    const c = text[i]!;
    if (c === ',' && depth <= 0) break;
    if (c === '\\' && i + 1 < text.length) {
      value += text[i + 1]!;
      i += 2;
      continue;
    }
    if (c === '{' || c === '[') depth++;
    if (c === '}' || c === ']') depth--;
    value += c;
    i++;
  }
  return { value, end: i };
}
