// Sends the steps of an update (changed attributes, membership and license diffs, manager)
// concurrently, journaled and audited; continues an interrupted run's journal entry.
import type { ObjectClassModel } from '../definition/model.js';
import { runSteps, type Step } from '../operations/run-steps.js';
import type { ConnectorSession } from '../operations/session.js';
import { finishWrite, type WriteResult } from '../operations/write-result.js';
import type { JournalEntry } from '../state/types.js';
import { journalSteps } from './journal-steps.js';

export interface UpdateTarget {
  readonly uid: string;
  readonly name?: string;
  /** What the journal records as the input (redacted there). */
  readonly input: unknown;
  /** The account was created moments ago (steps retry while it replicates). */
  readonly createdAt?: number;
}

export async function runUpdate(session: ConnectorSession, cls: ObjectClassModel, target: UpdateTarget, planned: readonly Step[], open: JournalEntry | undefined): Promise<WriteResult | undefined> {
  const journal = journalSteps(session, cls, target, planned, open);
  if (journal.steps.length === 0) return undefined;
  const context = { objectClass: cls.name, operation: 'update', uid: target.uid, ...(target.name !== undefined && { name: target.name }) };
  const results = await runSteps(session, journal.steps, {
    uid: target.uid,
    context,
    ...(journal.journalId !== undefined && { journalId: journal.journalId }),
    ...(target.createdAt !== undefined && { createdAt: target.createdAt }),
  });
  return finishWrite(
    session,
    cls,
    {
      operation: 'update',
      objectClass: cls.name,
      uid: target.uid,
      ...(target.name !== undefined && { name: target.name }),
      status: 'success',
      steps: results,
      ...(journal.resumedFrom !== undefined && { resumedFrom: journal.resumedFrom }),
    },
    journal.journalId,
  );
}
