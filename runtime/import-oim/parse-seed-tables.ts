// Lookup tables as the connector guide prints them (text copied from the HTML or PDF guide):
// a caption "Table 1-3 Entries in the Lookup.<Prefix>.Configuration Lookup Definition", a
// header ("Code Key Decode Description"), then one block per cell, blocks separated
// by blank lines. A long decode may be wrapped over several blocks; a description may
// have several. Text outside tables (the rest of the guide) is skipped.
import { classifySection } from './classify-section.js';
import type { OimEntry, OimSection } from './input-model.js';
import { normalizeQuotes } from './normalize-text.js';
import { splitBlocks, type TextBlock } from './text-blocks.js';

/** "Table 1-3 Entries in ..." but not "Table 1-16 lists the entries in this lookup definition." */
const caption = /^Table \d+-\d+\s+([A-Z].*[^.:])$/;
const heading = /^\d+(\.\d+)+\s+\S/;

export function looksLikeGuideTables(text: string): boolean {
  // A tab-separated "Code Key<TAB>Decode" header belongs to the line format instead.
  return text.split('\n').some((line) => caption.test(line.trim()) || (/^Code Key\b/.test(line.trim()) && !line.includes('\t')));
}

function isProse(text: string): boolean {
  return /^Note:/.test(text) || (/[.:]$/.test(text) && text.split(/\s+/).length >= 4);
}

/** A decode goes on in the next block when the list was cut at a comma or a quote. */
function continuesDecode(previous: string, next: string): boolean {
  return /,\s*$/.test(previous) || /^["“”„,]/.test(next);
}

export function parseGuideTables(file: string, text: string): OimSection[] {
  const blocks = splitBlocks(text);
  const sections: OimSection[] = [];
  let i = 0;
  while (i < blocks.length) {
    const p = blocks[i]!;
    const captionMatch = caption.exec(p.text);
    const isHeader = /^Code Key\b/.test(p.text);
    if (!captionMatch && !isHeader) {
      i++;
      continue;
    }
    const headerIndex = isHeader ? i : i + 1;
    const header = blocks[headerIndex]?.text ?? '';
    const columns = /Description\s*$/i.test(header) ? 3 : 2;
    // Without a caption only the configuration table is recognisable, by its bare header.
    const uncaptioned = columns === 3 || /^Code Key Decode$/i.test(header) ? 'Configuration' : undefined;
    const lookupName = captionMatch ? /\b(Lookup\.[^\s]+?)\.?(?:\s|$)/.exec(captionMatch[1] ?? '')?.[1] : uncaptioned;
    const section: OimSection = {
      name: lookupName ?? p.text,
      origin: { file, line: p.line },
      entries: [],
      ...(lookupName
        ? classifySection(lookupName)
        : { kind: 'ignored' as const, reason: captionMatch ? 'the table is not a lookup definition' : 'a table without a caption naming its lookup' }),
    };
    i = readRows(blocks, headerIndex + 1, columns, file, section.entries);
    sections.push(section);
  }
  return sections;
}

/** Reads rows from `start` until the table ends; returns the index after it. */
function readRows(blocks: readonly TextBlock[], start: number, columns: 2 | 3, file: string, entries: OimEntry[]): number {
  let i = start;
  while (i < blocks.length) {
    const key = blocks[i]!;
    if (caption.test(key.text) || heading.test(key.text) || /^Code Key\b/.test(key.text)) return i;
    if (isProse(key.text)) {
      if (columns === 2) return i + 1; // a note under a two-column table ends it
      i++; // a description that goes on
      continue;
    }
    const decode = blocks[i + 1];
    if (!decode || caption.test(decode.text) || heading.test(decode.text)) {
      entries.push({ code: normalizeQuotes(key.text), decode: '', origin: { file, line: key.line }, decodeLine: key.line });
      return i + 1;
    }
    let decodeText = decode.raw;
    i += 2;
    while (i < blocks.length && continuesDecode(decodeText, blocks[i]!.text)) {
      decodeText += '\n\n' + blocks[i]!.raw;
      i++;
    }
    entries.push({ code: normalizeQuotes(key.text), decode: decodeText.trim(), origin: { file, line: key.line }, decodeLine: decode.line });
    if (columns === 3) i = skipDescription(blocks, i);
  }
  return i;
}

/** A description is one block, plus prose that follows it and whatever follows a colon. */
function skipDescription(blocks: readonly TextBlock[], start: number): number {
  let i = start;
  if (i < blocks.length && !caption.test(blocks[i]!.text) && !heading.test(blocks[i]!.text)) i++;
  while (i < blocks.length) {
    const previous = blocks[i - 1]!.text;
    const text = blocks[i]!.text;
    if (caption.test(text) || heading.test(text)) break;
    if (!/:$/.test(previous) && !isProse(text)) break;
    i++;
  }
  return i;
}
