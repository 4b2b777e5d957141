// JSON input. Either
//   {"relURIs": "...", "opTypes": "...", ...}              the configuration lookup alone
//   [{"code": "relURIs", "decode": "..."}, ...]             the same as rows
//   {"Lookup.Acme.Configuration": {...} | [...],             several lookup definitions, named
//    "Lookup.Acme.UM.ProvAttrMap": {...} | [...], ...}       as in OIM (see classify-section.ts)
// Top-level string members are configuration entries; object or array members are lookups.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { lineStarts, locationAt } from '../definition/json-source.js';
import { classifySection } from './classify-section.js';
import { OimInputError, type OimEntry, type OimSection } from './input-model.js';
import { normalizeQuotes } from './normalize-text.js';

export function parseJsonInput(file: string, text: string): OimSection[] {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const starts = lineStarts(text);
  const lineOf = (offset: number): number => locationAt(file, starts, offset).line;
  const first = errors[0];
  if (first || !root) {
    throw new OimInputError({ file, line: first ? lineOf(first.offset) : 1 }, `invalid JSON: ${first ? printParseErrorCode(first.error) : 'the file is empty'}`);
  }
  const section = (name: string, node: Node): OimSection => ({
    name,
    origin: { file, line: lineOf(node.offset) },
    entries: readEntries(node, file, lineOf),
    ...classifySection(name),
  });
  if (root.type === 'array') return [section('Configuration', root)];
  if (root.type !== 'object') throw new OimInputError({ file, line: 1 }, 'expected a JSON object or an array of {"code", "decode"} rows');
  const configuration: OimSection = { name: 'Configuration', origin: { file, line: 1 }, entries: [], ...classifySection('Configuration') };
  const sections: OimSection[] = [configuration];
  for (const member of root.children ?? []) {
    const [key, value] = member.children ?? [];
    if (!key || !value) continue;
    const name = String(key.value);
    if (value.type === 'string') configuration.entries.push(entry(file, name, value, key, lineOf));
    else if (value.type === 'object' || value.type === 'array') sections.push(section(name, value));
    else throw new OimInputError({ file, line: lineOf(value.offset) }, `"${name}": a decode must be a string, or a lookup an object or an array`);
  }
  return sections.filter((s) => s !== configuration || s.entries.length > 0);
}

function entry(file: string, code: string, value: Node, key: Node, lineOf: (offset: number) => number): OimEntry {
  return { code: normalizeQuotes(code), decode: String(value.value), origin: { file, line: lineOf(key.offset) }, decodeLine: lineOf(value.offset) };
}

function readEntries(node: Node, file: string, lineOf: (offset: number) => number): OimEntry[] {
  if (node.type === 'object') {
    return (node.children ?? []).map((member) => {
      const [key, value] = member.children ?? [];
      if (!key || !value || value.type !== 'string') {
        throw new OimInputError({ file, line: lineOf(member.offset) }, `"${String(key?.value)}": a decode must be a string`);
      }
      return entry(file, String(key.value), value, key, lineOf);
    });
  }
  return (node.children ?? []).map((row) => {
    const cells = row.type === 'array' ? row.children ?? [] : cellsOfRow(row);
    const [code, decode] = cells;
    if (!code || !decode || code.type !== 'string' || decode.type !== 'string') {
      throw new OimInputError({ file, line: lineOf(row.offset) }, 'a row must be {"code": "...", "decode": "..."} or ["code", "decode"] with string values');
    }
    return entry(file, String(code.value), decode, code, lineOf);
  });
}

/** The code and decode values of an object row, by their usual names. */
function cellsOfRow(row: Node): Node[] {
  const find = (names: RegExp): Node | undefined =>
    (row.children ?? []).find((member) => names.test(String(member.children?.[0]?.value ?? '')))?.children?.[1];
  const code = find(/^(code|code ?key|key)$/i);
  const decode = find(/^(decode|value)$/i);
  return code && decode ? [code, decode] : [];
}
