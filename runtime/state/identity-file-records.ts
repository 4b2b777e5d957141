// Identity files (CSV with a header row, or NDJSON) turned into field records, each with its
// line, or with the problem that line has. Problems that make the rest unreadable (bad CSV
// syntax, a bad header) are thrown as FileProblem.
import { CsvParser, type CsvRecord } from './csv.js';
import { fieldNameProblem, fieldValueProblem } from './identity-fields.js';
import { NdjsonLines, type NumberedLine } from './ndjson-lines.js';
import type { IdentityValue } from './types.js';

export type IdentityFileFormat = 'csv' | 'ndjson';

export type FileRecord = { line: number; fields: Record<string, IdentityValue> } | { line: number; problem: string };

export class FileProblem extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
    this.name = 'FileProblem';
  }
}

export function* csvIdentityRecords(chunks: Iterable<string>): IterableIterator<FileRecord> {
  const parser = new CsvParser();
  let header: string[] | undefined;
  const records = function* (): IterableIterator<CsvRecord> {
    for (const chunk of chunks) yield* parser.push(chunk);
    yield* parser.end();
  };
  for (const record of records()) {
    if (header === undefined) {
      header = checkHeader(record);
      continue;
    }
    if (record.cells.length !== header.length) {
      yield { line: record.line, problem: `has ${record.cells.length} values, the header has ${header.length} columns` };
      continue;
    }
    const fields: Record<string, IdentityValue> = {};
    header.forEach((name, i) => { fields[name] = record.cells[i] ?? null; });
    yield { line: record.line, fields };
  }
  if (header === undefined) throw new FileProblem(1, 'is empty; a CSV identity file starts with a header row of field names');
}

function checkHeader(record: CsvRecord): string[] {
  const names: string[] = [];
  record.cells.forEach((cell, i) => {
    const name = cell ?? '';
    const problem = fieldNameProblem(name);
    if (problem !== undefined) throw new FileProblem(record.line, `header column ${i + 1}: ${problem}`);
    if (names.includes(name)) throw new FileProblem(record.line, `header column ${i + 1}: field "${name}" appears twice`);
    names.push(name);
  });
  return names;
}

export function* ndjsonIdentityRecords(chunks: Iterable<string>): IterableIterator<FileRecord> {
  const splitter = new NdjsonLines();
  for (const chunk of chunks) yield* splitter.push(chunk).map(ndjsonRecord);
  yield* splitter.end().map(ndjsonRecord);
}

function ndjsonRecord({ line, text }: NumberedLine): FileRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { line, problem: `is not JSON: ${(error as Error).message}` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { line, problem: `holds ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}; each line must be one JSON object of field name to value` };
  }
  const fields: Record<string, IdentityValue> = {};
  for (const [name, field] of Object.entries(value)) {
    const problem = fieldNameProblem(name) ?? fieldValueProblem(name, field);
    if (problem !== undefined) return { line, problem };
    fields[name] = field as IdentityValue;
  }
  return { line, fields };
}
