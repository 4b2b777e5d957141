// What a write operation returns, and how it is journaled and audited.
import type { ObjectClassModel } from '../definition/model.js';
import type { StepResult } from './run-steps.js';
import type { ConnectorSession } from './session.js';

export interface WriteResult {
  operation: string;
  objectClass: string;
  uid: string;
  name?: string;
  /** success: every step done; partial: the main step done, some follow-up steps failed. */
  status: 'success' | 'partial';
  steps: StepResult[];
  /** Set when a rerun continued an unfinished operation from the journal. */
  resumedFrom?: number;
}

export function finishWrite(session: ConnectorSession, cls: ObjectClassModel, result: WriteResult, journalId: number | undefined): WriteResult {
  const failed = result.steps.filter((s) => s.status === 'failed');
  const outcome = failed.length === 0 ? 'succeeded' : 'partial';
  const state = session.state;
  if (state) {
    if (journalId !== undefined) state.finishJournal(journalId, outcome);
    state.audit({
      definition: session.definition.name,
      objectClass: cls.name,
      operation: result.operation,
      uid: result.uid,
      ...(result.name !== undefined && { name: result.name }),
      outcome: failed.length === 0 ? 'success' : 'failure',
      ...(failed[0] && { kind: String(failed[0].error?.kind ?? 'OperationFailed'), message: session.redactor.redactText(String(failed[0].error?.message ?? '')) }),
      actor: session.actor,
      details: session.redactor.redactValue({ steps: result.steps.map((s) => ({ id: s.id, status: s.status })) }),
    });
  }
  return { ...result, status: failed.length === 0 ? 'success' : 'partial' };
}

export function auditFailure(session: ConnectorSession, cls: ObjectClassModel, operation: string, target: { uid?: string; name?: string }, error: { kind?: string; message?: string }): void {
  session.state?.audit({
    definition: session.definition.name,
    objectClass: cls.name,
    operation,
    ...(target.uid !== undefined && { uid: target.uid }),
    ...(target.name !== undefined && { name: target.name }),
    outcome: 'failure',
    kind: error.kind ?? 'OperationFailed',
    message: session.redactor.redactText(error.message ?? ''),
    actor: session.actor,
  });
}
