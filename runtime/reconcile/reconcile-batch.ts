// One batch of a run: target JSON -> connector objects (with the special attributes this run
// reads, fetched concurrently before anything is written), then every account and deletion
// through the action rules, synchronously, inside the caller's store transaction: one read of
// the stored accounts, the actions, one write of their new state, and the event lines.
import type { ConnectorObject } from '../operations/connector-object.js';
import { readSpecialValues, requireSpecial } from '../operations/read-objects.js';
import { runConcurrently } from '../operations/run-concurrently.js';
import type { ConnectorSession } from '../operations/session.js';
import type { AccountState, AccountStateInput } from '../state/types.js';
import { reconcileAccount, reconcileDeletion } from './account-actions.js';
import { eventLine, type ReconEventType } from './events.js';
import type { ReconScope } from './recon-scope.js';
import type { RunAccounts } from './run-accounts.js';

export interface PreparedBatch {
  /** One object per uid: a uid the target repeated within the batch keeps its last state. */
  objects: ConnectorObject[];
  deletions: readonly string[];
}

export async function prepareBatch(session: ConnectorSession, scope: ReconScope, upserts: readonly unknown[], deletions: readonly string[]): Promise<PreparedBatch> {
  const byUid = new Map<string, { object: ConnectorObject; raw: unknown }>();
  for (const raw of upserts) {
    const object = scope.readObject(raw);
    if (object.__UID__ === '') continue;
    byUid.delete(object.__UID__);
    byUid.set(object.__UID__, { object, raw });
  }
  const entries = [...byUid.values()];
  const specials = scope.map.requestedSpecials.filter((name) => !scope.unread.has(name)).map((name) => requireSpecial(scope.cls, name));
  if (specials.length > 0) {
    const results = await runConcurrently(entries, session.concurrency, async ({ object, raw }) => {
      for (const special of specials) object[special.name] = await readSpecialValues(session, scope.cls, special, object.__UID__, raw);
    });
    const failed = results.find((result) => !result.ok);
    if (failed && !failed.ok) throw failed.error;
  }
  return { objects: entries.map((entry) => entry.object), deletions };
}

/**
 * Reconciles the batch a slice at a time, each slice read, decided, written and its lines
 * handed to `write` before the next: what a slice allocates dies young, instead of living (and
 * being promoted) for the whole page. All of it still commits in the caller's one transaction.
 */
export function reconcileBatch(scope: ReconScope, batch: PreparedBatch, accounts: RunAccounts, runId: number, write: (lines: string[]) => void): ReconEventType[] {
  const { state, definition, accountClass } = scope;
  const types: ReconEventType[] = [];
  for (let start = 0; start < batch.objects.length; start += sliceSize) {
    const slice = batch.objects.slice(start, start + sliceSize);
    const toRead = accounts.toRead(slice.map((object) => object.__UID__));
    const known = toRead.length === 0 ? noneKnown : state.getAccountStates(definition, accountClass, toRead);
    const saves: AccountStateInput[] = [];
    const lines: string[] = [];
    for (const object of slice) {
      const stored = known.get(object.__UID__);
      accounts.noteRead(stored);
      const outcome = reconcileAccount(scope, object, stored);
      accounts.noteSaved(object.__UID__);
      saves.push(outcome.save);
      if (outcome.event) {
        lines.push(eventLine(outcome.event, outcome.attributesJson));
        types.push(outcome.event.event);
      }
    }
    state.saveAccountStates(definition, accountClass, runId, saves);
    write(lines);
  }
  const lines: string[] = [];
  for (const uid of batch.deletions) {
    const event = reconcileDeletion(scope, uid);
    if (event) {
      lines.push(eventLine(event));
      types.push(event.event);
    }
  }
  write(lines);
  return types;
}

const sliceSize = 200;
const noneKnown: ReadonlyMap<string, AccountState> = new Map();
