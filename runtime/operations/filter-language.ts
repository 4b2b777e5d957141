// The connector filter language, the same for every target:
//   department eq "Sales" and (startsWith(displayName, "A") or not (city eq 'Oslo'))
// eq / ne, startsWith(attr, value), contains(attr, value), and, or, not, parentheses;
// values are JSON-style "strings" (or 'strings' with '' for a quote), numbers, true, false, null.
import { connectorError } from '../errors.js';

export type FilterValue = string | number | boolean | null;
export type FilterNode =
  | { op: 'eq' | 'ne' | 'startsWith' | 'contains'; attribute: string; value: FilterValue }
  | { op: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { op: 'not'; operand: FilterNode };

type Token = { type: 'word' | 'string' | 'number' | 'punct'; text: string; value?: FilterValue; at: number };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ type: 'punct', text: c, at: i++ });
    } else if (c === '"') {
      const m = /^"(?:[^"\\]|\\.)*"/.exec(source.slice(i));
      if (!m) throw syntax(source, i, 'unterminated string');
      tokens.push({ type: 'string', text: m[0], value: JSON.parse(m[0]) as string, at: i });
      i += m[0].length;
    } else if (c === "'") {
      const m = /^'(?:[^']|'')*'/.exec(source.slice(i));
      if (!m) throw syntax(source, i, 'unterminated string');
      tokens.push({ type: 'string', text: m[0], value: m[0].slice(1, -1).replace(/''/g, "'"), at: i });
      i += m[0].length;
    } else if (/[-\d]/.test(c)) {
      const m = /^-?\d+(\.\d+)?([eE][-+]?\d+)?/.exec(source.slice(i));
      if (!m) throw syntax(source, i, 'invalid number');
      tokens.push({ type: 'number', text: m[0], value: Number(m[0]), at: i });
      i += m[0].length;
    } else {
      const m = /^[A-Za-z_][\w.]*/.exec(source.slice(i));
      if (!m) throw syntax(source, i, `unexpected "${c}"`);
      tokens.push({ type: 'word', text: m[0], at: i });
      i += m[0].length;
    }
  }
  return tokens;
}

function syntax(source: string, at: number, message: string): Error {
  return connectorError('InvalidAttributeValue', `filter syntax error at column ${at + 1}: ${message} in ${JSON.stringify(source)}`);
}

export function parseFilter(source: string): FilterNode {
  const tokens = tokenize(source);
  let pos = 0;
  const peek = () => tokens[pos];
  const isWord = (word: string) => peek()?.type === 'word' && peek()!.text.toLowerCase() === word.toLowerCase();
  const expect = (text: string) => {
    const token = tokens[pos];
    if (token?.text !== text) throw syntax(source, token?.at ?? source.length, `expected "${text}"`);
    pos++;
  };
  const value = (): FilterValue => {
    const token = tokens[pos++];
    if (!token) throw syntax(source, source.length, 'expected a value');
    if (token.type === 'string' || token.type === 'number') return token.value!;
    if (token.type === 'word' && /^(true|false|null)$/.test(token.text)) return token.text === 'null' ? null : token.text === 'true';
    throw syntax(source, token.at, `expected a value, not "${token.text}"`);
  };
  const attribute = (): string => {
    const token = tokens[pos++];
    if (token?.type !== 'word') throw syntax(source, token?.at ?? source.length, 'expected an attribute name');
    return token.text;
  };
  const primary = (): FilterNode => {
    const token = peek();
    if (!token) throw syntax(source, source.length, 'unexpected end of filter');
    if (token.text === '(') {
      pos++;
      const inner = or();
      expect(')');
      return inner;
    }
    if (isWord('not')) {
      pos++;
      return { op: 'not', operand: primary() };
    }
    if (isWord('startsWith') || isWord('contains')) {
      const op = isWord('startsWith') ? 'startsWith' : 'contains';
      pos++;
      expect('(');
      const name = attribute();
      expect(',');
      const v = value();
      expect(')');
      return { op, attribute: name, value: v };
    }
    const name = attribute();
    const opToken = tokens[pos++];
    const op = opToken?.text.toLowerCase();
    if (op !== 'eq' && op !== 'ne') throw syntax(source, opToken?.at ?? source.length, `expected eq or ne after ${name}`);
    return { op, attribute: name, value: value() };
  };
  const and = (): FilterNode => {
    let left = primary();
    while (isWord('and')) {
      pos++;
      left = { op: 'and', left, right: primary() };
    }
    return left;
  };
  const or = (): FilterNode => {
    let left = and();
    while (isWord('or')) {
      pos++;
      left = { op: 'or', left, right: and() };
    }
    return left;
  };
  const tree = or();
  if (pos < tokens.length) throw syntax(source, tokens[pos]!.at, `unexpected "${tokens[pos]!.text}"`);
  return tree;
}
