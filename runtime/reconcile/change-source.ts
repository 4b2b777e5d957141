// What a reconciliation run reads from the target, whatever the strategy: batches of objects
// (raw target JSON) and deleted uids, with the continuation to resume after each batch, and at
// the end the token (delta link or watermark) that the next incremental round starts from.
import { heapTrimmer } from '../heap-trim.js';
import type { RoundChange, StateStore } from '../state/types.js';

export interface ChangeBatch {
  /** Objects as the target returned them. */
  upserts: unknown[];
  /** Uids the target reports as deleted. */
  deletions: string[];
  /** Resume after this batch from here; undefined when the source cannot resume mid-way. */
  continuation?: string;
}

export type NextToken = { readonly kind: 'delta' | 'watermark'; readonly value: string };

export interface ChangeSource {
  /** Words for progress and messages, e.g. "delta changes round". */
  readonly description: string;
  /** True when the batches list every object of the class: known accounts not seen are deleted. */
  readonly enumeratesAll: boolean;
  batches(): AsyncIterable<ChangeBatch>;
  /** Once the batches are exhausted: the token for the next round (undefined: keep the old one). */
  nextToken(): NextToken | undefined;
  /** Progress to keep in checkpoints besides the continuation (the greatest timestamp so far). */
  maxTimestamp?(): string | undefined;
}

/** Where a round too large for memory goes: the state store, under a key of its own. */
export interface RoundSpill {
  state: StateStore;
  /** One key per kind of round (e.g. the reconciliation of a class): a new round clears it. */
  key: string;
  /** Objects held in memory before the round moves to the store (default 10,000). */
  after?: number;
}

/**
 * Collapses the changes of one incremental round by uid: the last state of an object wins, in
 * the order objects were last seen. A round is read whole before it is reconciled (so that an
 * object reported twice counts once); past `spill.after` objects it moves from memory to the
 * state store, so that a round of 100k changes keeps memory flat instead of holding them all.
 */
export class RoundCollector {
  private latest = new Map<string, unknown>();
  private pending: RoundChange[] = [];
  private spilled = false;

  constructor(private readonly spill?: RoundSpill) {}

  upsert(uid: string, raw: unknown): void {
    this.put(uid, raw);
  }

  delete(uid: string): void {
    this.put(uid, deleted);
  }

  *batches(size: number): IterableIterator<ChangeBatch> {
    let batch: ChangeBatch = { upserts: [], deletions: [] };
    for (const [uid, raw] of this.entries()) {
      if (raw === deleted) batch.deletions.push(uid);
      else batch.upserts.push(raw);
      if (batch.upserts.length + batch.deletions.length >= size) {
        yield batch;
        batch = { upserts: [], deletions: [] };
      }
    }
    if (batch.upserts.length + batch.deletions.length > 0) yield batch;
    if (this.spilled) this.spill!.state.clearRoundChanges(this.spill!.key);
  }

  private put(uid: string, raw: unknown): void {
    if (this.spilled) {
      this.pending.push(toChange(uid, raw));
      if (this.pending.length >= spillChunk) this.flush();
      return;
    }
    this.latest.delete(uid);
    this.latest.set(uid, raw);
    if (this.spill && this.latest.size > (this.spill.after ?? 10_000)) {
      this.spill.state.clearRoundChanges(this.spill.key);
      this.spilled = true;
      for (const [key, value] of this.latest) this.pending.push(toChange(key, value));
      this.latest = new Map();
      this.flush();
    }
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const { state, key } = this.spill!;
    const changes = this.pending;
    this.pending = [];
    state.transaction(() => state.putRoundChanges(key, changes));
    // Reading a big round turns the heap over fast, before any page is reconciled (see heap-trim.ts).
    trimHeap();
  }

  private *entries(): IterableIterator<[string, unknown]> {
    if (!this.spilled) {
      yield* this.latest;
      return;
    }
    this.flush();
    for (const change of this.spill!.state.roundChanges(this.spill!.key)) yield [change.uid, change.raw === null ? deleted : (JSON.parse(change.raw) as unknown)];
  }
}

const deleted = Symbol('deleted');
const spillChunk = 500;

function toChange(uid: string, raw: unknown): RoundChange {
  return { uid, raw: raw === deleted ? null : JSON.stringify(raw) };
}
const trimHeap = heapTrimmer(64);
