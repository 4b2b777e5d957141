// Identity import and export, CSV (header row = field names) or NDJSON, streamed both ways.
// An import is one transaction: a file with any bad line changes nothing, and the error lists
// every bad line (up to a limit) with file, line and what is wrong. CSV carries text only:
// numbers and booleans come back as strings; NDJSON keeps the types.
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { extname } from 'node:path';
import { ConnectorError, describe, type ErrorContext } from '../errors.js';
import { CsvSyntaxError, formatCsvRow } from './csv.js';
import { csvIdentityRecords, FileProblem, type FileRecord, type IdentityFileFormat, ndjsonIdentityRecords } from './identity-file-records.js';
import { valueText } from './identity-fields.js';
import { readTextChunks, TextFileError } from './read-text-chunks.js';
import type { IdentityValue, StateStore } from './types.js';

export type { IdentityFileFormat };

export interface ImportProblem {
  file: string;
  line: number;
  message: string;
}

export class IdentityImportError extends ConnectorError {
  constructor(readonly file: string, readonly problems: readonly ImportProblem[], truncated: boolean) {
    const context: ErrorContext = { operation: 'identity import', hint: 'fix the lines above and import again' };
    const list = problems.map((p) => `\n  ${p.line > 0 ? `${p.file}:${p.line}: ` : ''}${p.message}`).join('');
    super('ConfigurationError', describe('ConfigurationError', `nothing was imported from ${file}${list}${truncated ? '\n  (more problems not shown)' : ''}`, context), context);
    this.name = 'IdentityImportError';
  }
}

export interface ImportOptions {
  /** Default: from the file extension (.csv, else NDJSON). */
  format?: IdentityFileFormat;
  /** Update the identity whose field has the record's value (exact match) instead of creating one. */
  keyField?: string;
  /** Stop reading after this many problems (default 20). */
  maxProblems?: number;
}

export interface ImportResult {
  records: number;
  created: number;
  updated: number;
  unchanged: number;
}

export function importIdentities(store: StateStore, file: string, options: ImportOptions = {}): ImportResult {
  const format = options.format ?? formatOf(file);
  const maxProblems = options.maxProblems ?? 20;
  const problems: ImportProblem[] = [];
  const result: ImportResult = { records: 0, created: 0, updated: 0, unchanged: 0 };
  const addProblem = (line: number, message: string): void => { problems.push({ file, line, message }); };
  store.transaction(() => {
    try {
      const chunks = readTextChunks(file);
      const records = format === 'csv' ? csvIdentityRecords(chunks) : ndjsonIdentityRecords(chunks);
      for (const record of records) {
        if ('problem' in record) addProblem(record.line, record.problem);
        else if (options.keyField !== undefined && (record.fields[options.keyField] ?? null) === null) {
          addProblem(record.line, `has no value for the key field "${options.keyField}"`);
        }
        // After the first problem the file is only checked: the transaction will be rolled back.
        else if (problems.length === 0) apply(store, record, options.keyField, result, addProblem);
        if (problems.length > maxProblems) break;
      }
    } catch (error) {
      if (error instanceof FileProblem || error instanceof CsvSyntaxError) addProblem(error.line, error.message);
      else if (error instanceof TextFileError) addProblem(0, error.message);
      else throw error;
    }
    // Thrown inside the transaction, so everything written so far is rolled back.
    if (problems.length > 0) throw new IdentityImportError(file, problems.slice(0, maxProblems), problems.length > maxProblems);
  });
  return result;
}

type Valid = Extract<FileRecord, { fields: unknown }>;

function apply(store: StateStore, record: Valid, keyField: string | undefined, result: ImportResult, addProblem: (line: number, message: string) => void): void {
  result.records += 1;
  if (keyField === undefined) {
    store.createIdentity(record.fields);
    result.created += 1;
    return;
  }
  const key = record.fields[keyField];
  if (key === undefined || key === null) return;
  const matches = store.findIdentities(keyField, key);
  const [match] = matches;
  if (matches.length > 1) return addProblem(record.line, `${keyField} "${valueText(key)}" matches ${matches.length} identities; the key field must be unique`);
  if (match === undefined) {
    store.createIdentity(record.fields);
    result.created += 1;
  } else if (store.updateIdentity(match, record.fields).length > 0) {
    result.updated += 1;
  } else {
    result.unchanged += 1;
  }
}

export interface ExportOptions {
  /** Default: from the file extension (.csv, else NDJSON). */
  format?: IdentityFileFormat;
  /** CSV columns in this order; default: every field name in order of first appearance. */
  fields?: readonly string[];
}

/**
 * Writes every identity to `file` from one consistent read of the store. The file appears
 * only when complete (written next to it, then renamed). Returns the number of identities.
 */
export function exportIdentities(store: StateStore, file: string, options: ExportOptions = {}): number {
  const format = options.format ?? formatOf(file);
  const temporary = `${file}.${process.pid}.partial`;
  const fd = openSync(temporary, 'w');
  try {
    const count = store.transaction(() => writeRecords(store, fd, format, options.fields));
    closeSync(fd);
    renameSync(temporary, file);
    return count;
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
}

function writeRecords(store: StateStore, fd: number, format: IdentityFileFormat, fields: readonly string[] | undefined): number {
  let buffered = '';
  const write = (text: string): void => {
    buffered += text;
    if (buffered.length >= 64 * 1024) {
      writeSync(fd, buffered);
      buffered = '';
    }
  };
  const columns = format === 'csv' ? fields ?? fieldNames(store) : undefined;
  if (columns) write(formatCsvRow(columns));
  let count = 0;
  for (const identity of store.allIdentities()) {
    write(columns ? formatCsvRow(columns.map((name) => csvCell(identity.fields[name]))) : `${JSON.stringify(identity.fields)}\n`);
    count += 1;
  }
  writeSync(fd, buffered);
  return count;
}

/** A first pass over the identities: only the names are kept, not the records. */
function fieldNames(store: StateStore): string[] {
  const names = new Set<string>();
  for (const identity of store.allIdentities()) for (const name of Object.keys(identity.fields)) names.add(name);
  return [...names];
}

function csvCell(value: IdentityValue | undefined): string | null {
  return value === undefined || value === null ? null : valueText(value);
}

function formatOf(file: string): IdentityFileFormat {
  return extname(file).toLowerCase() === '.csv' ? 'csv' : 'ndjson';
}
