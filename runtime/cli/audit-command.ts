// `connector audit <definition>`: the audit log of the state database, newest first: who
// wrote what to which object, when, and how it ended. --json gives NDJSON records.
import { loadDefinition } from '../definition/load-definition.js';
import { findClass } from '../definition/model.js';
import { openStateStore } from '../state/index.js';
import type { AuditOutcome } from '../state/types.js';
import { table } from './apply-output.js';
import { exitCodes, UsageError } from './exit-codes.js';
import { writeJsonLines } from './output.js';

export interface AuditCommandOptions {
  state?: string;
  since?: string;
  limit?: string;
  outcome?: string;
  class?: string;
  json?: boolean;
}

const units: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** An ISO date-time, or a duration back from now: 30s, 15m, 2h, 7d. */
export function parseSince(value: string, now = Date.now()): Date {
  const relative = /^(\d+)\s*([smhd])$/i.exec(value.trim());
  if (relative) return new Date(now - Number(relative[1]) * units[relative[2]!.toLowerCase()]!);
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) throw new UsageError(`--since must be a date-time (2026-01-31T08:00:00Z) or a duration such as 15m, 2h, 7d, not "${value}"`);
  return time;
}

export async function auditCommand(path: string, options: AuditCommandOptions): Promise<number> {
  const definition = await loadDefinition(path);
  const limit = options.limit === undefined ? 100 : Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a positive integer, not "${options.limit}"`);
  if (options.outcome !== undefined && options.outcome !== 'success' && options.outcome !== 'failure') throw new UsageError('--outcome must be success or failure');
  const cls = options.class === undefined ? undefined : findClass(definition, options.class);
  if (options.class !== undefined && !cls) throw new UsageError(`definition ${definition.name} has no class "${options.class}"`);
  const state = openStateStore(options.state);
  try {
    const records = state.listAudit({
      definition: definition.name,
      limit,
      ...(options.since !== undefined && { since: parseSince(options.since) }),
      ...(options.outcome !== undefined && { outcome: options.outcome as AuditOutcome }),
      ...(cls && { objectClass: cls.name }),
    });
    if (options.json) {
      await writeJsonLines(process.stdout, (async function* () { yield* records; })());
      return exitCodes.ok;
    }
    const rows = [['AT', 'ACTOR', 'OPERATION', 'CLASS', 'OBJECT', 'OUTCOME', 'MESSAGE']];
    for (const record of records) {
      const object = record.name !== undefined && record.uid !== undefined ? `${record.name} (${record.uid})` : (record.name ?? record.uid ?? '');
      const message = record.outcome === 'failure' ? `${record.kind ?? ''}: ${record.message ?? ''}` : '';
      rows.push([record.at, record.actor ?? '', record.operation, record.objectClass, object, record.outcome, message]);
    }
    process.stdout.write(records.length === 0 ? 'no audit records\n' : table(rows) + '\n');
    return exitCodes.ok;
  } finally {
    state.close();
  }
}
