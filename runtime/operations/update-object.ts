// update: only what changed. Attributes are compared with the object as it is now and
// only differing ones are sent; special attributes become add/remove diffs against their
// current values. Steps that do not depend on each other run concurrently.
import { isDeepStrictEqual } from 'node:util';
import { connectorError } from '../errors.js';
import { getAtPath } from '../definition/attribute-path.js';
import type { ObjectClassModel } from '../definition/model.js';
import { buildRequest } from './build-request.js';
import { splitDedicatedUpdates } from './dedicated-updates.js';
import { normalizeInput, type ConnectorInput } from './connector-input.js';
import { textValue } from './connector-object.js';
import { fetchRaw, readSpecialValues } from './read-objects.js';
import { runSteps, thrownError, type Step } from './run-steps.js';
import type { ConnectorSession } from './session.js';
import { diffSpecialValues, normalizeSpecialValue, type SpecialValue } from './special-values.js';
import { specialAssignSteps } from './special-steps.js';
import { attributesContext, standardPayload } from './standard-payload.js';
import { finishWrite, type WriteResult } from './write-result.js';

/** Attributes whose requested value differs from the current one (write-only ones always count). */
export function changedAttributes(cls: ObjectClassModel, requested: ReadonlyMap<string, unknown>, current: unknown): Map<string, unknown> {
  const changed = new Map<string, unknown>();
  for (const [name, value] of requested) {
    const attribute = cls.attributes.get(name)!;
    const now = getAtPath(current, attribute.targetPath);
    const same = attribute.readable && (isDeepStrictEqual(now ?? null, value ?? null) || (Array.isArray(now) && Array.isArray(value) && now.length === 0 && value.length === 0));
    if (!same) changed.set(name, value);
  }
  return changed;
}

export function attributeUpdateStep(session: ConnectorSession, cls: ObjectClassModel, changed: ReadonlyMap<string, unknown>, context: Record<string, string>): Step {
  const update = cls.operations.update;
  if (!update) throw connectorError('ConfigurationError', `class ${cls.name} has no update operation`, { objectClass: cls.name, operation: 'update' });
  const changes = [...changed].map(([name, value]) => ({ name, path: cls.attributes.get(name)!.targetName, value }));
  return {
    id: 'update',
    label: update.label,
    op: update,
    build: (uid) => buildRequest(session.connection, update, { uid, attrs: attributesContext(changed), changes }, { body: standardPayload(cls, changed), errorContext: { ...context, uid } }),
  };
}

/** The steps that bring an object from `current` to the requested input. */
export async function updateSteps(session: ConnectorSession, cls: ObjectClassModel, uid: string, input: ConnectorInput, current: unknown, context: Record<string, string>): Promise<Step[]> {
  const steps: Step[] = [];
  const changed = changedAttributes(cls, input.attributes, current);
  if (changed.size > 0) steps.push(attributeUpdateStep(session, cls, changed, context));
  for (const [name, desired] of input.specials) {
    const special = cls.specialAttributes.get(name)!;
    const now = await readSpecialValues(session, cls, special, uid, current);
    if (special.multiValued) {
      // Values read as plain keys (e.g. a license's skuId) become full values, so a remove step's payload can name item.skuId.
      const current = (now as SpecialValue[]).map((value) => normalizeSpecialValue(special, value));
      const diff = diffSpecialValues(special, current, desired as SpecialValue[]);
      steps.push(...specialAssignSteps(session.connection, cls, special, desired, diff, context));
    } else {
      const nowKey = now === null ? null : typeof now === 'string' ? now.toLowerCase() : JSON.stringify(now);
      const wantKey = desired === null ? null : typeof desired === 'string' ? desired.toLowerCase() : JSON.stringify(desired);
      if (nowKey !== wantKey) steps.push(...specialAssignSteps(session.connection, cls, special, desired, undefined, context));
    }
  }
  return steps;
}

export async function updateObject(session: ConnectorSession, cls: ObjectClassModel, uid: string, rawAttributes: unknown): Promise<WriteResult> {
  const dedicated = splitDedicatedUpdates(session, cls, rawAttributes);
  const input = normalizeInput(cls, dedicated.rest, 'update', session.redactor);
  const context = { objectClass: cls.name, operation: 'update', uid };
  const current = await fetchRaw(session, cls, uid);
  if (current === undefined) throw connectorError('UnknownUid', `no ${cls.name} with uid ${uid}`, context);
  const name = textValue(getAtPath(current, cls.nameAttribute.targetPath));
  const steps = [...(await updateSteps(session, cls, uid, input, current, context)), ...dedicated.steps(current)];
  const journalId = steps.length > 1 ? session.state?.beginJournal({
    definition: session.definition.name,
    objectClass: cls.name,
    operation: 'update',
    uid,
    ...(name !== undefined && { name }),
    input: session.redactor.redactValue(rawAttributes),
    steps: steps.map((s) => ({ id: s.id, label: s.label })),
  }) : undefined;
  const results = await runSteps(session, steps, { uid, ...(journalId !== undefined && { journalId }), context });
  const result = finishWrite(session, cls, { operation: 'update', objectClass: cls.name, uid, ...(name !== undefined && { name }), status: 'success', steps: results }, journalId);
  return failIfNothingDone(result);
}

/** For single-step operations a failed step is the operation's failure. */
export function failIfNothingDone(result: WriteResult): WriteResult {
  const failed = result.steps.filter((s) => s.status === 'failed');
  if (failed.length > 0 && failed.length === result.steps.length && result.operation !== 'create') {
    const thrown = thrownError(failed[0]!);
    if (thrown) throw thrown;
    const error = failed[0]!.error ?? {};
    throw connectorError((error.kind as never) ?? 'OperationFailed', String(error.message ?? 'failed'), { objectClass: result.objectClass, uid: result.uid });
  }
  return result;
}
