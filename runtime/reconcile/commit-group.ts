// Pages are committed in groups when we are slower than the target: one transaction per
// ~5,000 objects. On a 100k-account first run, committing every page rewrote the same index
// pages of the accounts table a hundred times; grouping writes each of them about a fifth as
// often. When a page kept us waiting at least as long as committing the pending pages takes,
// the target is the bottleneck and a commit now is free (it runs while the next page is on its
// way): commit at once, page by page. A second without a commit also commits. A kill loses at
// most the uncommitted group, which the rerun redoes.
import type { PreparedBatch } from './reconcile-batch.js';

export type CommitPages = (batches: readonly PreparedBatch[], continuation: string | undefined, pages: number) => void;

export class CommitGroup {
  private batches: PreparedBatch[] = [];
  private objects = 0;
  private continuation: string | undefined;
  private lastCommit = performance.now();
  /** How long a commit took per page, recently (starts at 0: the first pages commit alone). */
  private msPerPage = 0;

  constructor(
    private readonly commit: CommitPages,
    private readonly maxObjects = 5000,
    private readonly maxMs = 1000,
  ) {}

  /** Adds a page; `continuation` resumes after it; `waitedMs`: how long the page kept us waiting. */
  add(batch: PreparedBatch, continuation: string | undefined, waitedMs: number): void {
    this.batches.push(batch);
    this.objects += batch.objects.length + batch.deletions.length;
    this.continuation = continuation;
    const targetIsSlower = waitedMs >= this.msPerPage * this.batches.length;
    if (targetIsSlower || this.objects >= this.maxObjects || performance.now() - this.lastCommit >= this.maxMs) this.flush();
  }

  flush(): void {
    if (this.batches.length === 0) return;
    const batches = this.batches;
    this.batches = [];
    this.objects = 0;
    const started = performance.now();
    this.commit(batches, this.continuation, batches.length);
    this.lastCommit = performance.now();
    const perPage = (this.lastCommit - started) / batches.length;
    this.msPerPage = this.msPerPage === 0 ? perPage : 0.7 * this.msPerPage + 0.3 * perPage;
  }
}
