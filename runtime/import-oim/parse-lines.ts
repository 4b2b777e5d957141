// `.properties`-style text: `code=decode` or `Code Key<TAB>Decode[<TAB>Description]` per
// entry, `[Lookup name]` lines start a section (default: the configuration lookup), `#` and
// `!` start comments. A decode may go on over several lines, blank lines included, the way
// the OIM console wraps long lists: a line that starts with a quote or a comma, or that
// follows a line ending in a comma, continues the decode before it.
import { classifySection } from './classify-section.js';
import { OimInputError, type OimEntry, type OimSection } from './input-model.js';
import { normalizeQuotes } from './normalize-text.js';

const sectionHeader = /^\s*\[(.+)\]\s*$/;
const continuationStart = /^\s*["“”„,]/;

function newSection(name: string, file: string, line: number): OimSection {
  return { name, origin: { file, line }, entries: [], ...classifySection(name) };
}

export function parseLines(file: string, text: string): OimSection[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const sections: OimSection[] = [newSection('Configuration', file, 1)];
  let current: OimEntry | undefined;
  lines.forEach((raw, index) => {
    const line = index + 1;
    const section = sections[sections.length - 1]!;
    if (raw.trim() === '') return; // blank lines may sit inside a wrapped decode
    if (/^\s*[#!]/.test(raw)) return;
    const header = sectionHeader.exec(raw);
    if (header?.[1]) {
      current = undefined;
      sections.push(newSection(header[1].trim(), file, line));
      return;
    }
    if (current && (continuationStart.test(raw) || /,\s*$/.test(current.decode))) {
      current.decode += '\n' + raw.trim();
      return;
    }
    const entry = splitEntry(raw, file, line);
    if (entry.code.toLowerCase().replace(/\s+/g, ' ') === 'code key') return; // a copied table header
    section.entries.push(entry);
    current = entry;
  });
  return sections.filter((s, i) => i > 0 || s.entries.length > 0);
}

function splitEntry(raw: string, file: string, line: number): OimEntry {
  const tab = raw.indexOf('\t');
  const equals = raw.indexOf('=');
  // A tab before any '=' separates the columns (decodes such as `a=b` keep their '=').
  if (tab > 0 && (equals < 0 || tab < equals)) {
    const [code = '', decode = ''] = raw.split('\t').map((cell) => cell.trim());
    return { code: normalizeQuotes(code), decode, origin: { file, line }, decodeLine: line };
  }
  if (equals > 0) {
    return { code: normalizeQuotes(raw.slice(0, equals).trim()), decode: raw.slice(equals + 1).trim(), origin: { file, line }, decodeLine: line };
  }
  throw new OimInputError({ file, line }, `expected "code=decode", "Code Key<TAB>Decode" or a [section] line, not ${JSON.stringify(raw.trim().slice(0, 60))}`);
}
