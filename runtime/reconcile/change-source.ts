// What a reconciliation run reads from the target, whatever the strategy: batches of objects
// (raw target JSON) and deleted uids, with the continuation to resume after each batch, and at
// the end the token (delta link or watermark) that the next incremental round starts from.

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

/** Collapses the changes of one incremental round by uid: the last state of an object wins. */
export class RoundCollector {
  private readonly latest = new Map<string, unknown>();

  upsert(uid: string, raw: unknown): void {
    this.latest.delete(uid);
    this.latest.set(uid, raw);
  }

  delete(uid: string): void {
    this.latest.delete(uid);
    this.latest.set(uid, deleted);
  }

  get size(): number {
    return this.latest.size;
  }

  *batches(size: number): IterableIterator<ChangeBatch> {
    let batch: ChangeBatch = { upserts: [], deletions: [] };
    for (const [uid, raw] of this.latest) {
      if (raw === deleted) batch.deletions.push(uid);
      else batch.upserts.push(raw);
      if (batch.upserts.length + batch.deletions.length >= size) {
        yield batch;
        batch = { upserts: [], deletions: [] };
      }
    }
    if (batch.upserts.length + batch.deletions.length > 0) yield batch;
  }
}

const deleted = Symbol('deleted');
