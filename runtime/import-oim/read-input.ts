// Reads one or more input files into lookup sections. The format is recognised by content:
// JSON (starts with { or [), the guide's tables (a "Table n-m ..." caption or a "Code Key"
// header), otherwise code=decode / tab-separated lines.
import { readFileSync } from 'node:fs';
import { displayPath } from '../definition/read-definition-files.js';
import { OimInputError, type OimInput, type OimSection } from './input-model.js';
import { parseJsonInput } from './parse-json-input.js';
import { parseLines } from './parse-lines.js';
import { looksLikeGuideTables, parseGuideTables } from './parse-seed-tables.js';

export function parseInputText(file: string, text: string): OimSection[] {
  const content = text.replace(/^\uFEFF/, '');
  if (/^\s*[[{]/.test(content) && !/^\s*\[[^\]\n]*\]\s*\n/.test(content)) return parseJsonInput(file, content);
  if (looksLikeGuideTables(content)) return parseGuideTables(file, content);
  return parseLines(file, content);
}

export function readInputFiles(paths: readonly string[]): OimInput {
  const sections: OimSection[] = [];
  for (const path of paths) {
    const file = displayPath(path);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file' : (error as Error).message;
      throw new OimInputError({ file, line: 1 }, `cannot read the input: ${reason}`);
    }
    if (text.includes('\u0000')) throw new OimInputError({ file, line: 1 }, 'cannot read the input: it is a binary file, not text');
    sections.push(...parseInputText(file, text));
  }
  const first = paths[0] === undefined ? 'input' : displayPath(paths[0]);
  if (!sections.some((s) => s.kind === 'configuration' && s.entries.length > 0)) {
    throw new OimInputError({ file: first, line: 1 }, 'no OIM configuration lookup found (expected entries such as relURIs, opTypes, uidAttributes; see runtime/import-oim/README.md)');
  }
  return { sections };
}
