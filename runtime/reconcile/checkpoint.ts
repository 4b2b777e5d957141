// Where an interrupted run resumes: stored as the `checkpoint` sync token of the mode's
// account class, committed in the same transaction as each batch's events. It names the run,
// what the run was asked for (a rerun with other options starts afresh), the continuation of
// the last completed page, and how far the output got (bytes, counts), so that a rerun after
// kill -9 cuts the output back to what was committed and carries on without repeating a line.
import type { ReconRunMode, StateStore, SyncTokenKey } from '../state/types.js';
import { countsFrom, totalEvents, type EventCounts } from './events.js';

export interface Checkpoint {
  runId: number;
  /** What the run was asked for (mode, filters, specials): a rerun resumes only the same request. */
  request: string;
  /** Continuation after the last completed page; absent when the source restarts from its token. */
  continuation?: string;
  /** Bytes of the output file that belong to committed batches. */
  bytes: number;
  counts: EventCounts;
  objects: number;
  pages: number;
  /** Timestamp strategy: the greatest modification time seen so far in this round. */
  maxTimestamp?: string;
}

export function checkpointKey(definition: string, accountClass: string): SyncTokenKey {
  return { definition, objectClass: accountClass, kind: 'checkpoint' };
}

export function saveCheckpoint(state: StateStore, key: SyncTokenKey, checkpoint: Checkpoint): void {
  state.setToken(key, JSON.stringify(checkpoint), totalEvents(checkpoint.counts));
}

/** The checkpoint of the open run of this kind, if it was made for the same request. */
export function resumableCheckpoint(state: StateStore, key: SyncTokenKey, mode: ReconRunMode, request: string): Checkpoint | undefined {
  const run = state.getOpenRun(key.definition, key.objectClass, mode);
  const token = state.getToken(key);
  if (!run || !token) return undefined;
  const checkpoint = parseCheckpoint(token.value);
  if (!checkpoint || checkpoint.runId !== run.id || checkpoint.request !== request) return undefined;
  return checkpoint;
}

function parseCheckpoint(text: string): Checkpoint | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  const raw = value as Record<string, unknown>;
  const number = (key: string): number => (typeof raw[key] === 'number' && Number.isInteger(raw[key]) && (raw[key] as number) >= 0 ? (raw[key] as number) : 0);
  if (typeof raw.runId !== 'number' || typeof raw.request !== 'string') return undefined;
  return {
    runId: raw.runId,
    request: raw.request,
    ...(typeof raw.continuation === 'string' && { continuation: raw.continuation }),
    bytes: number('bytes'),
    counts: countsFrom(raw.counts),
    objects: number('objects'),
    pages: number('pages'),
    ...(typeof raw.maxTimestamp === 'string' && { maxTimestamp: raw.maxTimestamp }),
  };
}
