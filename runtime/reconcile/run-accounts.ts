// What a run knows about the accounts the store held when it started, to skip store work that
// cannot find anything:
// - A first run (the store knew no account of the class) reads no stored state, except for a
//   uid it may have saved itself earlier in the run (a target repeating an object across pages),
//   which a Bloom filter tells. On 100k accounts the reads were a sixth of the run.
// - A full listing that saw every account known at the start has nothing to report as deleted,
//   so the walk of the accounts table for unseen ones is skipped.
// Another process adding accounts of the class during a first run is not seen by it: those
// accounts are taken as new (one event too many, nothing lost); the next run reads them.
import type { AccountState } from '../state/types.js';
import { UidFilter } from './uid-filter.js';

export class RunAccounts {
  private readonly saved: UidFilter | undefined;
  private seenKnown = 0;

  constructor(
    private readonly knownAtStart: number,
    private readonly runId: number,
  ) {
    if (knownAtStart === 0) this.saved = new UidFilter();
  }

  /** The uids whose stored state must be read. */
  toRead(uids: readonly string[]): readonly string[] {
    const saved = this.saved;
    return saved ? uids.filter((uid) => saved.mayHave(uid)) : uids;
  }

  /** Each account as read before its actions (undefined: not in the store). */
  noteRead(state: AccountState | undefined): void {
    if (state && (state.lastSeenRun === undefined || state.lastSeenRun < this.runId)) this.seenKnown++;
  }

  noteSaved(uid: string): void {
    this.saved?.add(uid);
  }

  /** True when every account known at the start has been seen by this run: none can be unseen. */
  get sawAllKnown(): boolean {
    return this.seenKnown >= this.knownAtStart;
  }
}
