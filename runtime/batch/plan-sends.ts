// Which queued writes go out now, and how: a pure function of the queue, so the grouping
// rules can be read (and tested) in one place.
import { unitState, type BatchEntry, type BatchUnit } from './batch-entry.js';

export type PlannedSend =
  | { readonly kind: 'batch'; readonly entries: BatchEntry[]; readonly serial: boolean }
  /** Sent one by one through the transport, in order (a chain waits for each answer). */
  | { readonly kind: 'direct'; readonly entries: BatchEntry[] };

export interface SendPlan {
  readonly sends: PlannedSend[];
  /** Units that stay queued: blocked behind a dependency, or (mode "full") too few to fill a batch. */
  readonly keep: BatchUnit[];
  /** Units whose dependency failed: answered 424 without being sent. */
  readonly dependencyFailed: BatchUnit[];
}

export interface BatchLimits {
  readonly maxRequests: number;
  readonly minRequests: number;
}

/**
 * mode "full" sends only full batches of independent writes (the queue filled up before the
 * linger ended); mode "all" sends everything ready. Independent writes share batches; a
 * chain gets a batch of its own (targets run a batch either wholly in order or wholly in
 * parallel), split into segments of maxRequests that follow each other. A group smaller
 * than minRequests goes directly through the transport: a batch of one is waste.
 */
export function planSends(queue: readonly BatchUnit[], limits: BatchLimits, mode: 'full' | 'all'): SendPlan {
  const keep: BatchUnit[] = [];
  const dependencyFailed: BatchUnit[] = [];
  const singles: BatchEntry[] = [];
  const chains: BatchUnit[] = [];
  for (const unit of queue) {
    const state = unitState(unit);
    if (state === 'dependencyFailed') dependencyFailed.push(unit);
    else if (state === 'blocked') keep.push(unit);
    else if (unit.entries.length === 1) singles.push(unit.entries[0]!);
    else chains.push(unit);
  }

  const sends: PlannedSend[] = [];
  const fullChunks = Math.floor(singles.length / limits.maxRequests) * limits.maxRequests;
  const sendable = mode === 'full' ? fullChunks : singles.length;
  for (let start = 0; start < sendable; start += limits.maxRequests) {
    const group = singles.slice(start, Math.min(start + limits.maxRequests, sendable));
    if (group.length >= limits.minRequests) sends.push({ kind: 'batch', entries: group, serial: false });
    else for (const entry of group) sends.push({ kind: 'direct', entries: [entry] });
  }
  for (const entry of singles.slice(sendable)) keep.push({ entries: [entry] });

  for (const chain of chains) {
    if (mode === 'full') {
      keep.push(chain);
      continue;
    }
    const segment = chain.entries.slice(0, limits.maxRequests);
    const rest = chain.entries.slice(limits.maxRequests);
    sends.push(segment.length >= limits.minRequests ? { kind: 'batch', entries: segment, serial: true } : { kind: 'direct', entries: segment });
    if (rest.length > 0) keep.push({ entries: rest, after: segment[segment.length - 1]! });
  }
  return { sends, keep, dependencyFailed };
}
