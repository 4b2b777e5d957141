// Identities for apply: CSV (a header row of claim names), NDJSON (one JSON object of claims
// per line; values may be lists) or JSON (an array of such objects). Each becomes claims
// with the place it came from; a bad line is an error naming file and line.
import { extname } from 'node:path';
import { connectorError } from '../errors.js';
import { csvIdentityRecords, FileProblem } from '../state/identity-file-records.js';
import { readTextChunks } from '../state/read-text-chunks.js';
import type { IdentityInput } from './apply.js';

export type IdentitiesFormat = 'csv' | 'ndjson' | 'json';

export function identitiesFormat(file: string, text?: string): IdentitiesFormat {
  const extension = extname(file).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (extension === '.ndjson' || extension === '.jsonl') return 'ndjson';
  if (extension === '.json') return 'json';
  return text?.trimStart().startsWith('[') ? 'json' : 'ndjson';
}

function problem(file: string, line: number, message: string): Error {
  return connectorError('ConfigurationError', `${file}:${line}: ${message}`, { operation: 'read identities' });
}

/** Reads the whole file (identities are planned together). `text` replaces reading (stdin). */
export function readIdentities(file: string, options: { format?: IdentitiesFormat; text?: string } = {}): IdentityInput[] {
  const chunks = (): Iterable<string> => (options.text !== undefined ? [options.text] : readTextChunks(file));
  const format = options.format ?? identitiesFormat(file, options.text);
  if (format === 'csv') {
    const out: IdentityInput[] = [];
    try {
      for (const record of csvIdentityRecords(chunks())) {
        if ('problem' in record) throw problem(file, record.line, record.problem);
        out.push({ claims: record.fields, source: `${file}:${record.line}` });
      }
    } catch (error) {
      if (error instanceof FileProblem) throw problem(file, error.line, error.message);
      throw error;
    }
    return out;
  }
  const text = [...chunks()].join('');
  if (format === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw problem(file, 1, `is not JSON: ${(error as Error).message}`);
    }
    const list = Array.isArray(value) ? value : (value as { identities?: unknown } | null)?.identities;
    if (!Array.isArray(list)) throw problem(file, 1, 'must hold an array of identities (objects of claims), or {"identities": [...]}');
    return list.map((claims, i) => {
      if (!isClaims(claims)) throw problem(file, 1, `identity ${i + 1} is not an object of claims`);
      return { claims, source: `${file}#${i + 1}` };
    });
  }
  return text.split('\n').flatMap((line, i): IdentityInput[] => {
    if (line.trim() === '') return [];
    let claims: unknown;
    try {
      claims = JSON.parse(line);
    } catch (error) {
      throw problem(file, i + 1, `is not JSON: ${(error as Error).message}`);
    }
    if (!isClaims(claims)) throw problem(file, i + 1, 'must be one JSON object of claims');
    return [{ claims, source: `${file}:${i + 1}` }];
  });
}

export function isClaims(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
