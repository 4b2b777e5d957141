// create: the object, then its special attributes. A create is never re-sent blindly:
// after a timeout or 5xx the object is first looked up by name (idempotent create). If a
// follow-up step fails, the result names the new uid and the failed steps, nothing is
// deleted, and a rerun with the same input retries only those steps (from the journal).
import { randomUUID } from 'node:crypto';
import { connectorError, isConnectorError } from '../errors.js';
import { getAtPath } from '../definition/attribute-path.js';
import type { ObjectClassModel } from '../definition/model.js';
import { backoffCap } from '../http/retry-policy.js';
import { sleep } from '../http/sleep.js';
import type { HttpResponse } from '../http/types.js';
import { buildRequest } from './build-request.js';
import { normalizeInput } from './connector-input.js';
import { textValue } from './connector-object.js';
import { findUidByName } from './find-by-name.js';
import { runSteps, type Step, type StepResult } from './run-steps.js';
import { sendOperation } from './send-operation.js';
import type { ConnectorSession } from './session.js';
import { specialAssignSteps } from './special-steps.js';
import { attributesContext, standardPayload, withCreateDefaults } from './standard-payload.js';
import { auditFailure, finishWrite, type WriteResult } from './write-result.js';

const transientForCreate = new Set(['ConnectionFailed', 'ServiceUnavailable']);

export async function createObject(session: ConnectorSession, cls: ObjectClassModel, rawAttributes: unknown): Promise<WriteResult> {
  const create = cls.operations.create;
  if (!create) throw connectorError('ConfigurationError', `class ${cls.name} has no create operation`, { objectClass: cls.name, operation: 'create' });
  const config = session.connection.context.config;
  const input = normalizeInput(cls, rawAttributes, 'create', session.redactor);
  const attributes = withCreateDefaults(cls, input.attributes, config);
  const name = textValue(attributes.get(cls.nameAttribute.name));
  const context = { objectClass: cls.name, operation: 'create', ...(name !== undefined && { name }) };
  const followUps: Step[] = [...input.specials].flatMap(([special, desired]) => specialAssignSteps(session.connection, cls, cls.specialAttributes.get(special)!, desired, undefined, context));

  const state = session.state;
  const open = state && name !== undefined ? state.findOpenJournal(session.definition.name, cls.name, 'create', { name }) : undefined;
  const done = new Set(open?.steps.filter((s) => s.status === 'done').map((s) => s.id) ?? []);
  let uid = open?.uid !== undefined && done.has('create') ? open.uid : undefined;
  // A crash while the create was in flight: it may have reached the target.
  if (uid === undefined && open?.steps.find((s) => s.id === 'create')?.status === 'running' && name !== undefined) {
    uid = await findUidByName(session, cls, name, false);
  }
  const stepIds = ['create', ...followUps.map((s) => s.id)];
  const reuse = open !== undefined && stepIds.every((id) => open.steps.some((s) => s.id === id));
  if (open && !reuse) state!.finishJournal(open.id, 'failed');
  const journalId = reuse
    ? open!.id
    : state?.beginJournal({
        definition: session.definition.name,
        objectClass: cls.name,
        operation: 'create',
        ...(name !== undefined && { name }),
        ...(uid !== undefined && { uid }),
        input: session.redactor.redactValue(rawAttributes),
        steps: [{ id: 'create', label: create.label }, ...followUps.map((s) => ({ id: s.id, label: s.label }))],
      });

  let createdAt: number | undefined;
  if (uid === undefined) {
    if (journalId !== undefined) state!.markStep(journalId, 'create', 'running');
    const variables = { name, attrs: attributesContext(attributes), password: cls.passwordAttribute ? attributes.get(cls.passwordAttribute.name) : undefined };
    const request = buildRequest(session.connection, create, variables, { body: standardPayload(cls, attributes), errorContext: context });
    try {
      // One x-request-id for every attempt of this create, so the target can tie them together.
      const stableRequest = { ...request, requestId: request.requestId ?? randomUUID() };
      uid = await sendCreate(session, cls, name, () => sendOperation(session, create, stableRequest, context), context);
    } catch (error) {
      if (journalId !== undefined) {
        state!.markStep(journalId, 'create', 'failed', isConnectorError(error) ? error.toJSON() : { message: String(error) });
        state!.finishJournal(journalId, 'failed');
      }
      auditFailure(session, cls, 'create', { ...(name !== undefined && { name }) }, isConnectorError(error) ? error : {});
      throw error;
    }
    createdAt = Date.now();
  }
  if (journalId !== undefined) {
    state!.setJournalUid(journalId, uid);
    state!.markStep(journalId, 'create', 'done');
  }
  const previousSteps: StepResult[] = followUps.filter((step) => done.has(step.id)).map((step) => ({ id: step.id, label: step.label, status: 'done' as const }));
  const pending = followUps.filter((step) => !done.has(step.id));
  const results = await runSteps(session, pending, { uid, ...(createdAt !== undefined && { createdAt }), ...(journalId !== undefined && { journalId }), context });
  const steps: StepResult[] = [{ id: 'create', label: create.label, status: 'done' }, ...previousSteps, ...results];
  return finishWrite(session, cls, { operation: 'create', objectClass: cls.name, uid, ...(name !== undefined && { name }), status: 'success', steps, ...(open && { resumedFrom: open.id }) }, journalId);
}

async function sendCreate(
  session: ConnectorSession,
  cls: ObjectClassModel,
  name: string | undefined,
  send: () => Promise<Awaited<ReturnType<typeof sendOperation>>>,
  context: Record<string, string>,
): Promise<string> {
  const create = cls.operations.create!;
  const retry = session.definition.connection.retry;
  const maxAttempts = retry.maxAttempts;
  for (let attempt = 1; ; attempt++) {
    try {
      const outcome = await send();
      if (outcome.kind !== 'ok') throw outcome.kind === 'alreadyDone' ? outcome.error : connectorError('OperationFailed', 'create answered 404', context);
      return uidFromResponse(cls, outcome.response, context);
    } catch (error) {
      const retryable = isConnectorError(error) && transientForCreate.has(error.kind) && create.findBeforeRetry && name !== undefined;
      // Our own earlier attempt may have created it: AlreadyExists on a retry means found.
      if (isConnectorError(error) && error.kind === 'AlreadyExists' && attempt > 1 && name !== undefined) {
        const found = await findUidByName(session, cls, name, true);
        if (found) return found;
      }
      if (!retryable || attempt >= maxAttempts) throw error;
      // Wait first (what the target asked for in Retry-After, at least the definition's
      // backoff), then look the object up, then send again only if it is not there.
      const backoff = Math.floor(Math.random() * backoffCap(attempt, retry));
      await sleep(Math.max(error.context.retryAfterMs ?? 0, backoff));
      const found = await findUidByName(session, cls, name!, false);
      if (found) return found;
    }
  }
}

function uidFromResponse(cls: ObjectClassModel, response: HttpResponse, context: Record<string, string>): string {
  const create = cls.operations.create!;
  const fromBody = create.uidPath ? create.uidPath.first(response.body) : getAtPath(response.body, cls.uidAttribute.targetPath);
  let uid = textValue(fromBody);
  if (uid === undefined && create.uidFromLocation) {
    const location = response.headers.location;
    const url = Array.isArray(location) ? location[0] : location;
    uid = url ? decodeURIComponent(new URL(url, response.url).pathname.split('/').filter(Boolean).pop() ?? '') || undefined : undefined;
  }
  if (uid === undefined) {
    throw connectorError('OperationFailed', `the target created the object but its response has no uid at "${create.uidPath?.source ?? cls.uidAttribute.targetPath.join('.')}"`, context);
  }
  return uid;
}
