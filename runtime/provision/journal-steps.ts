// Apply's journal: one entry per account and change, written before the first request and
// step by step. A rerun after a crash continues an unfinished entry: steps it did are not
// sent again (even when a lagging read does not show them yet), steps the target already
// shows are marked done, and only what is missing is sent.
import { createHash } from 'node:crypto';
import type { ObjectClassModel } from '../definition/model.js';
import type { Step } from '../operations/run-steps.js';
import type { ConnectorSession } from '../operations/session.js';
import type { JournalEntry } from '../state/types.js';
import { applyJournalOperation } from './plan-identity.js';

/**
 * What a step sends, hashed: a done step counts only if it sent the same thing. Built with a
 * stand-in uid, because a create's follow-up steps are journaled before the uid exists.
 */
export function stepFingerprint(step: Step): string {
  const request = step.build('uid');
  return createHash('sha256').update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`).digest('hex').slice(0, 32);
}

export interface JournalPlan {
  journalId?: number;
  /** The steps still to send. */
  steps: Step[];
  resumedFrom?: number;
}

export function journalSteps(
  session: ConnectorSession,
  cls: ObjectClassModel,
  target: { name?: string; uid: string; input: unknown },
  planned: readonly Step[],
  open: JournalEntry | undefined,
): JournalPlan {
  const state = session.state;
  const fingerprints = new Map(planned.map((step) => [step.id, stepFingerprint(step)]));
  const sameStep = (id: string, status: string, entry: JournalEntry): boolean =>
    entry.steps.some((s) => s.id === id && s.status === status && (s.request as { fingerprint?: string } | undefined)?.fingerprint === fingerprints.get(id));
  let steps = [...planned];
  if (state && open) {
    if (steps.length === 0) {
      for (const s of open.steps) if (s.status !== 'done') state.markStep(open.id, s.id, 'done', { inPlace: true });
      state.finishJournal(open.id, 'succeeded');
      return { steps, resumedFrom: open.id };
    }
    steps = steps.filter((step) => !sameStep(step.id, 'done', open));
    if (steps.every((step) => open.steps.some((s) => s.id === step.id) && (sameStep(step.id, 'pending', open) || sameStep(step.id, 'running', open) || sameStep(step.id, 'failed', open)))) {
      // The target shows the rest as done already.
      for (const s of open.steps) if (s.status !== 'done' && !steps.some((step) => step.id === s.id)) state.markStep(open.id, s.id, 'done', { inPlace: true });
      if (open.uid === undefined) state.setJournalUid(open.id, target.uid);
      return { journalId: open.id, steps, resumedFrom: open.id };
    }
    state.finishJournal(open.id, 'failed');
  }
  if (!state || steps.length < 2) return { steps, ...(open && { resumedFrom: open.id }) };
  const journalId = state.beginJournal({
    definition: session.definition.name,
    objectClass: cls.name,
    operation: applyJournalOperation,
    uid: target.uid,
    ...(target.name !== undefined && { name: target.name }),
    input: session.redactor.redactValue(target.input),
    steps: steps.map((step) => ({ id: step.id, label: step.label, request: { fingerprint: fingerprints.get(step.id) } })),
  });
  return { journalId, steps, ...(open && { resumedFrom: open.id }) };
}
