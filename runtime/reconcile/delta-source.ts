// Incremental reconciliation by delta query. Without a stored link the first round lists every
// object (streamed and resumable page by page, like a full run). With a link, a round of
// changes: collected first, so that an object reported twice counts once with its last state,
// and items carrying the removed marker are deletions. The next link is returned at the end and
// stored by the caller only after the round has been reconciled.
import type { DeltaOperationModel, ObjectClassModel } from '../definition/model.js';
import { uidOf } from '../operations/connector-object.js';
import type { ConnectorSession } from '../operations/session.js';
import { RoundCollector, type ChangeBatch, type ChangeSource, type NextToken, type RoundSpill } from './change-source.js';
import { readAhead } from '../operations/list-pages.js';
import { readDelta } from './read-delta.js';

export interface DeltaSourceOptions {
  /** The stored delta link: a changes round. */
  link?: string;
  /** A next link of an interrupted first round. */
  resumeFrom?: string;
  batchSize: number;
  /** The `select` variable of the first round (a delta link keeps the selection of its first round). */
  select?: string;
  /** Where a changes round too large for memory goes. */
  spill?: RoundSpill;
}

export function deltaSource(session: ConnectorSession, cls: ObjectClassModel, op: DeltaOperationModel, options: DeltaSourceOptions): ChangeSource {
  let token: NextToken | undefined;
  const changesRound = options.link !== undefined;
  const isRemoved = (item: unknown): boolean => op.removedMarker !== undefined && op.removedMarker.first(item) !== undefined;
  return {
    description: changesRound ? 'delta changes round' : 'delta first round',
    enumeratesAll: !changesRound,
    async *batches(): AsyncGenerator<ChangeBatch, void, undefined> {
      if (changesRound) {
        const round = new RoundCollector(options.spill);
        for await (const page of readAhead(readDelta(session, cls, op, options.link, options.select))) {
          for (const item of page.items) {
            const uid = uidOf(cls, item);
            if (uid === undefined) continue;
            if (isRemoved(item)) round.delete(uid);
            else round.upsert(uid, item);
          }
          if (page.deltaLink !== undefined) token = { kind: 'delta', value: page.deltaLink };
        }
        yield* round.batches(options.batchSize);
        return;
      }
      for await (const page of readAhead(readDelta(session, cls, op, options.resumeFrom, options.select))) {
        if (page.deltaLink !== undefined) token = { kind: 'delta', value: page.deltaLink };
        // A first round lists what exists; a removed marker there only repeats that it does not.
        const upserts = page.items.filter((item) => !isRemoved(item));
        yield { upserts, deletions: [], ...(page.continuation !== undefined && { continuation: page.continuation }) };
      }
    },
    nextToken: () => token,
  };
}
