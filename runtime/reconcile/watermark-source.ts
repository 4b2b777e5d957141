// Incremental reconciliation by modification timestamp, for targets without delta queries.
// Without a watermark the round lists everything (a full listing that remembers the greatest
// timestamp). With one, the search asks only for newer objects through the definition's filter
// or query templates (variable watermark), and the optional `deleted` operation lists what was
// deleted since. The new watermark - the greatest timestamp seen, in the target's own format -
// is returned at the end, for the caller to store once the round has been reconciled.
import { getAtPath } from '../definition/attribute-path.js';
import type { IncrementalModel, ObjectClassModel } from '../definition/model.js';
import { uidOf } from '../operations/connector-object.js';
import type { ConnectorSession } from '../operations/session.js';
import { RoundCollector, type ChangeBatch, type ChangeSource, type RoundSpill } from './change-source.js';
import { fullSource } from './full-source.js';
import { listPages } from '../operations/list-pages.js';
import { WatermarkTracker } from './timestamps.js';

type TimestampModel = Extract<IncrementalModel, { strategy: 'timestamp' }>;

export interface WatermarkSourceOptions {
  select?: string;
  watermark?: string;
  filter?: string;
  rawFilter?: string;
  /** First round only: resume an interrupted listing after this page, with the greatest timestamp it had seen. */
  resumeFrom?: string;
  maxSoFar?: string;
  batchSize: number;
  /** Where a changes round too large for memory goes. */
  spill?: RoundSpill;
}

export function watermarkSource(session: ConnectorSession, cls: ObjectClassModel, incremental: TimestampModel, options: WatermarkSourceOptions): ChangeSource {
  const attribute = cls.attributes.get(incremental.attribute);
  const path = attribute?.targetPath ?? [incremental.attribute];
  const tracker = new WatermarkTracker(options.watermark ?? options.maxSoFar);
  const see = (raw: unknown): void => tracker.see(getAtPath(raw, path));
  const common = {
    nextToken: () => (tracker.value === undefined ? undefined : { kind: 'watermark' as const, value: tracker.value }),
    maxTimestamp: () => tracker.value,
  };
  const filters = {
    ...(options.filter !== undefined && { filter: options.filter }),
    ...(options.rawFilter !== undefined && { rawFilter: options.rawFilter }),
    ...(options.select !== undefined && { select: options.select }),
  };
  if (options.watermark === undefined) {
    const first = fullSource(session, cls, { ...filters, ...(options.resumeFrom !== undefined && { resumeFrom: options.resumeFrom }), onObject: see });
    return { ...first, description: 'timestamp first round', ...common };
  }
  const context = { ...session.connection.context, watermark: options.watermark };
  const extraQuery = incremental.query.map(([name, template]) => [name, template.render(context)] as const).filter(([, value]) => value !== '');
  const extraRawFilter = incremental.filter?.render(context);
  const changes = fullSource(session, cls, { ...filters, extraQuery, ...(extraRawFilter !== undefined && extraRawFilter !== '' && { extraRawFilter }) });
  return {
    description: `changes after ${options.watermark}`,
    enumeratesAll: false,
    async *batches(): AsyncGenerator<ChangeBatch, void, undefined> {
      const round = new RoundCollector(options.spill);
      for await (const batch of changes.batches()) {
        for (const raw of batch.upserts) {
          see(raw);
          const uid = uidOf(cls, raw);
          if (uid !== undefined) round.upsert(uid, raw);
        }
      }
      if (incremental.deleted) {
        const pages = listPages(session, incremental.deleted, { watermark: options.watermark }, { objectClass: cls.name, operation: incremental.deleted.label });
        for await (const page of pages) {
          for (const raw of page.items) {
            const uid = uidOf(cls, raw);
            if (uid !== undefined) round.delete(uid);
          }
        }
      }
      yield* round.batches(options.batchSize);
    },
    ...common,
  };
}
