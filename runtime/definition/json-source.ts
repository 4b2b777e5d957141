// Parses one definition file (JSON with comments and trailing commas) and keeps the
// position of every value and key, so problems can be reported as file:line:col.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { childPointer } from './json-pointer.js';
import type { Problem, SourceLocation } from './problems.js';

export interface JsonSource {
  file: string;
  value: unknown;
  /** Place of the value (and of its key, when it is an object member) at each pointer. */
  places: Map<string, { value: SourceLocation; key?: SourceLocation }>;
}

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

export function locationAt(file: string, starts: readonly number[], offset: number): SourceLocation {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { file, line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
}

export function parseJsonSource(file: string, text: string): { source?: JsonSource; problems: Problem[] } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  const starts = lineStarts(text);
  const problems: Problem[] = errors.map((e) => ({
    ...locationAt(file, starts, e.offset),
    message: `invalid JSON: ${describeParseError(printParseErrorCode(e.error))}`,
  }));
  if (!root || problems.length > 0) {
    if (problems.length === 0) problems.push({ file, line: 1, column: 1, message: 'invalid JSON: the file is empty' });
    return { problems };
  }
  const places: JsonSource['places'] = new Map();
  const value = walk(root, '', places, (offset) => locationAt(file, starts, offset), problems);
  return { source: { file, value, places }, problems };
}

function describeParseError(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'invalid number',
    PropertyNameExpected: 'a property name in double quotes is expected',
    ValueExpected: 'a value is expected',
    ColonExpected: "':' is expected",
    CommaExpected: "',' is expected",
    CloseBraceExpected: "'}' is expected",
    CloseBracketExpected: "']' is expected",
    EndOfFileExpected: 'end of file expected (extra content after the JSON value)',
    UnexpectedEndOfString: 'unterminated string',
    UnexpectedEndOfComment: 'unterminated comment',
    InvalidEscapeCharacter: 'invalid escape sequence in a string',
    InvalidCharacter: 'invalid character in a string',
  };
  return words[code] ?? code;
}

function walk(
  node: Node,
  pointer: string,
  places: JsonSource['places'],
  at: (offset: number) => SourceLocation,
  problems: Problem[],
): unknown {
  const existing = places.get(pointer);
  places.set(pointer, { ...existing, value: at(node.offset) });
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode || !valueNode) continue;
        const key = String(keyNode.value);
        const child = childPointer(pointer, key);
        if (Object.hasOwn(out, key)) {
          problems.push({ ...at(keyNode.offset), message: `duplicate key "${key}"` });
          continue;
        }
        places.set(child, { key: at(keyNode.offset), value: at(valueNode.offset) });
        // Own data property even for "__proto__", so no prototype is ever touched.
        Object.defineProperty(out, key, { value: walk(valueNode, child, places, at, problems), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map((child, i) => walk(child, childPointer(pointer, i), places, at, problems));
    default:
      return node.value;
  }
}
