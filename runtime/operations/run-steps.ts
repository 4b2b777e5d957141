// Runs the independent steps of one operation (e.g. the memberships after a create)
// concurrently, each with the eventual-consistency retry, recording each in the journal.
// A failed step never undoes the others: the result says exactly which steps failed.
import { isConnectorError, type ConnectorError, type ErrorContext } from '../errors.js';
import type { OperationModel } from '../definition/model.js';
import type { PreparedRequest } from '../http/types.js';
import { createdRecently, withConsistencyRetry } from './consistency-retry.js';
import { resolveUnknownValue } from './resolve-value.js';
import { runConcurrently } from './run-concurrently.js';
import { sendOperation } from './send-operation.js';
import type { ConnectorSession } from './session.js';
import type { WriteStep } from './special-steps.js';

export interface Step {
  readonly id: string;
  readonly label: string;
  readonly op: OperationModel;
  build(uid: string): PreparedRequest;
}

export type StepStatus = 'done' | 'alreadyDone' | 'failed';

export interface StepResult {
  id: string;
  label: string;
  status: StepStatus;
  error?: Record<string, unknown>;
}

export interface StepRun {
  uid: string;
  /** When the object was created in this operation (enables the consistency retry). */
  createdAt?: number;
  journalId?: number;
  context: ErrorContext;
}

function isWriteStep(step: Step): step is WriteStep {
  return 'special' in step;
}

async function runStep(session: ConnectorSession, step: Step, run: StepRun): Promise<StepStatus> {
  const context = { ...run.context, uid: run.uid, operation: step.label };
  let build = (): PreparedRequest => step.build(run.uid);
  let resolverTried = false;
  const attempt = async (): Promise<StepStatus> => {
    try {
      const outcome = await sendOperation(session, step.op, build(), context);
      return outcome.kind === 'alreadyDone' ? 'alreadyDone' : 'done';
    } catch (error) {
      // A value the target does not know may be another kind of id (e.g. a role template).
      // Resolve it before waiting out replication, which cannot make such a value appear.
      if (!resolverTried && isConnectorError(error) && error.kind === 'UnknownUid' && isWriteStep(step) && step.action === 'add' && step.resolver) {
        resolverTried = true;
        const resolved = await resolveUnknownValue(session, step, run.uid, context);
        if (resolved) {
          build = () => resolved;
          const outcome = await sendOperation(session, step.op, resolved, context);
          return outcome.kind === 'alreadyDone' ? 'alreadyDone' : 'done';
        }
      }
      throw error;
    }
  };
  return withConsistencyRetry(session, run.createdAt ?? (() => createdRecently(session, run.context.objectClass, run.uid)), attempt);
}

export async function runSteps(session: ConnectorSession, steps: readonly Step[], run: StepRun): Promise<StepResult[]> {
  const state = session.state;
  const results = await runConcurrently(steps, session.concurrency, async (step) => {
    if (state && run.journalId !== undefined) state.markStep(run.journalId, step.id, 'running');
    return runStep(session, step, run);
  });
  return results.map((result, i) => {
    const step = steps[i]!;
    if (result.ok) {
      if (state && run.journalId !== undefined) state.markStep(run.journalId, step.id, 'done', { status: result.value });
      return { id: step.id, label: step.label, status: result.value };
    }
    const error = toErrorJson(result.error);
    if (state && run.journalId !== undefined) state.markStep(run.journalId, step.id, 'failed', error);
    const failed: StepResult = { id: step.id, label: step.label, status: 'failed', error };
    // The thrown error rides along (not serialized) so a one-step operation can rethrow it as it was.
    Object.defineProperty(failed, 'thrown', { value: result.error, enumerable: false });
    return failed;
  });
}

export function thrownError(result: StepResult): unknown {
  return (result as StepResult & { thrown?: unknown }).thrown;
}

export function toErrorJson(error: unknown): Record<string, unknown> {
  if (isConnectorError(error)) return (error as ConnectorError).toJSON();
  return { kind: 'OperationFailed', message: error instanceof Error ? error.message : String(error) };
}
