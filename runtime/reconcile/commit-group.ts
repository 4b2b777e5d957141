// Pages are reconciled the moment they arrive, inside a store transaction that stays open
// across pages, and committed in groups: while one page is worked on, the request for the next
// is already on the wire, so the target's latency and our work overlap. Committing costs more
// than its rows: on a 100k-account first run every commit rewrites most index pages of the
// accounts table (uids are random), so a group holds up to ~5,000 objects (at loopback speed
// grouping takes a 100k first run from 2.95 s to 2.75 s). When the target kept us waiting at
// least as long as committing the pending pages takes, a commit now is free (the next page is
// on its way): commit at once; with 50 ms per request every page commits alone. A second
// without a commit also commits. A kill loses at most the uncommitted group: the rerun redoes
// it from the last checkpoint and cuts its lines off.
import type { OpenTransaction, StateStore } from '../state/types.js';

export interface CommitHooks {
  /** Writes the checkpoint (inside the transaction, just before it commits). */
  checkpoint(continuation: string | undefined, pages: number): void;
  /** After each commit, with the number of pages it committed. */
  committed(pages: number): void;
}

const minFreeWaitMs = 2;

export class CommitGroup {
  private open: OpenTransaction | undefined;
  private objects = 0;
  private pages = 0;
  private continuation: string | undefined;
  private lastCommit = performance.now();
  /** How long committing one page took recently (0 until the first commit). */
  private msPerPage = 0;

  constructor(
    private readonly state: StateStore,
    private readonly hooks: CommitHooks,
    private readonly maxObjects = 5000,
    private readonly maxMs = 1000,
  ) {}

  /** Runs the synchronous writes of one page (or of a chunk of deletions) in the group's transaction. */
  write<T>(fn: () => T): T {
    this.open ??= this.state.openTransaction();
    return fn();
  }

  /** Ends a page: `continuation` resumes after it; `waitedMs`: how long the page kept us waiting. */
  pageDone(objects: number, continuation: string | undefined, waitedMs: number): void {
    this.pages++;
    this.objects += objects;
    this.continuation = continuation;
    // A wait of a millisecond or two is our own event loop, not a slow target.
    const free = waitedMs >= Math.max(this.msPerPage * this.pages, minFreeWaitMs);
    if (free || this.objects >= this.maxObjects || performance.now() - this.lastCommit >= this.maxMs) this.commit();
  }

  /** Commits what is pending (with its checkpoint), if anything. */
  commit(): void {
    if (!this.open) return;
    const started = performance.now();
    this.hooks.checkpoint(this.continuation, this.pages);
    this.open.commit();
    this.open = undefined;
    this.lastCommit = performance.now();
    const pages = this.pages;
    const perPage = (this.lastCommit - started) / Math.max(pages, 1);
    this.msPerPage = this.msPerPage === 0 ? perPage : 0.7 * this.msPerPage + 0.3 * perPage;
    this.pages = 0;
    this.objects = 0;
    this.hooks.committed(pages);
  }

  /** Undoes the uncommitted group (the run failed): its rows, lines and checkpoint are redone by the rerun. */
  abandon(): void {
    const open = this.open;
    this.open = undefined;
    open?.rollback();
  }
}
