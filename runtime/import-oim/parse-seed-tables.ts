// Lookup tables as the connector guide prints them (text copied from the HTML or PDF guide):
// a caption "Table 1-3 Entries in the Lookup.Office365.Configuration Lookup Definition", a
// header ("Code Key Decode Description"), then one paragraph per cell, paragraphs separated
// by blank lines. A long decode may be wrapped over several paragraphs; a description may
// have several. Text outside tables (the rest of the guide) is skipped.
import { classifySection } from './classify-section.js';
import type { OimEntry, OimSection } from './input-model.js';
import { normalizeQuotes } from './normalize-text.js';
import { splitParagraphs, type Paragraph } from './paragraphs.js';

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

/** A decode goes on in the next paragraph when the list was cut at a comma or a quote. */
function continuesDecode(previous: string, next: string): boolean {
  return /,\s*$/.test(previous) || /^["“”„,]/.test(next);
}

export function parseGuideTables(file: string, text: string): OimSection[] {
  const paragraphs = splitParagraphs(text);
  const sections: OimSection[] = [];
  let i = 0;
  while (i < paragraphs.length) {
    const p = paragraphs[i]!;
    const captionMatch = caption.exec(p.text);
    const isHeader = /^Code Key\b/.test(p.text);
    if (!captionMatch && !isHeader) {
      i++;
      continue;
    }
    const headerIndex = isHeader ? i : i + 1;
    const header = paragraphs[headerIndex]?.text ?? '';
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
    i = readRows(paragraphs, headerIndex + 1, columns, file, section.entries);
    sections.push(section);
  }
  return sections;
}

/** Reads rows from `start` until the table ends; returns the index after it. */
function readRows(paragraphs: readonly Paragraph[], start: number, columns: 2 | 3, file: string, entries: OimEntry[]): number {
  let i = start;
  while (i < paragraphs.length) {
    const key = paragraphs[i]!;
    if (caption.test(key.text) || heading.test(key.text) || /^Code Key\b/.test(key.text)) return i;
    if (isProse(key.text)) {
      if (columns === 2) return i + 1; // a note under a two-column table ends it
      i++; // a description that goes on
      continue;
    }
    const decode = paragraphs[i + 1];
    if (!decode || caption.test(decode.text) || heading.test(decode.text)) {
      entries.push({ code: normalizeQuotes(key.text), decode: '', origin: { file, line: key.line }, decodeLine: key.line });
      return i + 1;
    }
    let decodeText = decode.raw;
    i += 2;
    while (i < paragraphs.length && continuesDecode(decodeText, paragraphs[i]!.text)) {
      decodeText += '\n\n' + paragraphs[i]!.raw;
      i++;
    }
    entries.push({ code: normalizeQuotes(key.text), decode: decodeText.trim(), origin: { file, line: key.line }, decodeLine: decode.line });
    if (columns === 3) i = skipDescription(paragraphs, i);
  }
  return i;
}

/** A description is one paragraph, plus prose that follows it and whatever follows a colon. */
function skipDescription(paragraphs: readonly Paragraph[], start: number): number {
  let i = start;
  if (i < paragraphs.length && !caption.test(paragraphs[i]!.text) && !heading.test(paragraphs[i]!.text)) i++;
  while (i < paragraphs.length) {
    const previous = paragraphs[i - 1]!.text;
    const text = paragraphs[i]!.text;
    if (caption.test(text) || heading.test(text)) break;
    if (!/:$/.test(previous) && !isProse(text)) break;
    i++;
  }
  return i;
}
