// `connector identities import <file>` and `connector identities export`: the identity store
// (OIM Users) that trusted reconciliation fills and target reconciliation matches against,
// loaded from or written to CSV (header row = field names) or NDJSON.
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { exportIdentities, importIdentities, openStateStore, type IdentityFileFormat } from '../state/index.js';
import { exitCodes, UsageError } from './exit-codes.js';

export interface IdentitiesOptions {
  state?: string;
  format?: string;
  key?: string;
  out?: string;
  fields?: string;
  json?: boolean;
}

export function identitiesImportCommand(file: string, options: IdentitiesOptions): number {
  const format = formatOf(options.format);
  const state = openStateStore(options.state);
  try {
    const result = importIdentities(state, file, { ...(format && { format }), ...(options.key !== undefined && { keyField: options.key }) });
    const line = options.json
      ? JSON.stringify({ file, ...result, identities: state.countIdentities() })
      : `${file}: ${result.records} records, ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged (${state.countIdentities()} identities)`;
    process.stdout.write(`${line}\n`);
    return exitCodes.ok;
  } finally {
    state.close();
  }
}

export async function identitiesExportCommand(options: IdentitiesOptions): Promise<number> {
  const format = formatOf(options.format) ?? (options.out === undefined || options.out === '-' ? 'ndjson' : undefined);
  const fields = options.fields?.split(',').map((field) => field.trim()).filter(Boolean);
  const exportOptions = { ...(format && { format }), ...(fields && { fields }) };
  const state = openStateStore(options.state);
  try {
    if (options.out !== undefined && options.out !== '-') {
      const count = exportIdentities(state, options.out, exportOptions);
      process.stderr.write(`${count} identities written to ${options.out}\n`);
      return exitCodes.ok;
    }
    // The export writes a complete file or none; for stdout it goes through a temporary one.
    const dir = mkdtempSync(join(tmpdir(), 'connector-identities-'));
    try {
      const file = join(dir, format === 'csv' ? 'identities.csv' : 'identities.ndjson');
      exportIdentities(state, file, exportOptions);
      await pipeline(createReadStream(file), process.stdout, { end: false });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return exitCodes.ok;
  } finally {
    state.close();
  }
}

function formatOf(value: string | undefined): IdentityFileFormat | undefined {
  if (value === undefined) return undefined;
  if (value === 'csv' || value === 'ndjson') return value;
  throw new UsageError(`--format must be csv or ndjson, not "${value}"`);
}
