// One batch of a run: target JSON -> connector objects (with the special attributes this run
// reads, fetched concurrently before anything is written), then every account and deletion
// through the action rules, synchronously, inside the caller's store transaction.
// Within a run an account yields at most one event: a page repeated by the target, or the page
// redone after a kill, does not report it twice (recordEmitted / wasEmitted).
import type { ConnectorObject } from '../operations/connector-object.js';
import { toConnectorObject } from '../operations/connector-object.js';
import { readSpecialValues, requireSpecial } from '../operations/read-objects.js';
import { runConcurrently } from '../operations/run-concurrently.js';
import type { ConnectorSession } from '../operations/session.js';
import { reconcileAccount, reconcileDeletion } from './account-actions.js';
import type { ReconEvent } from './events.js';
import type { ReconScope } from './recon-scope.js';

export interface PreparedBatch {
  objects: ConnectorObject[];
  deletions: readonly string[];
  /** Objects the target returned without a uid (not reconcilable). */
  withoutUid: number;
}

export async function prepareBatch(session: ConnectorSession, scope: ReconScope, upserts: readonly unknown[], deletions: readonly string[]): Promise<PreparedBatch> {
  const objects: ConnectorObject[] = [];
  const raws: unknown[] = [];
  for (const raw of upserts) {
    const object = toConnectorObject(scope.cls, raw);
    if (object.__UID__ === '') continue;
    objects.push(object);
    raws.push(raw);
  }
  const specials = scope.map.requestedSpecials.filter((name) => !scope.unread.has(name)).map((name) => requireSpecial(scope.cls, name));
  if (specials.length > 0) {
    const results = await runConcurrently(objects, session.concurrency, async (object, index) => {
      for (const special of specials) object[special.name] = await readSpecialValues(session, scope.cls, special, object.__UID__, raws[index]);
    });
    const failed = results.find((result) => !result.ok);
    if (failed && !failed.ok) throw failed.error;
  }
  return { objects, deletions, withoutUid: upserts.length - objects.length };
}

export function reconcileBatch(scope: ReconScope, batch: PreparedBatch, runId: number, dedupe: boolean): ReconEvent[] {
  const events: ReconEvent[] = [];
  const inBatch = new Set<string>();
  const keep = (event: ReconEvent | undefined): void => {
    if (!event) return;
    if (dedupe && (inBatch.has(event.uid) || scope.state.wasEmitted(runId, event.uid))) return;
    inBatch.add(event.uid);
    events.push(event);
  };
  for (const object of batch.objects) keep(reconcileAccount(scope, object, runId));
  for (const uid of batch.deletions) keep(reconcileDeletion(scope, uid));
  scope.state.recordEmittedMany(runId, events.map((event) => event.uid));
  return events;
}
