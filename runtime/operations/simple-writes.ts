// One-request writes: delete, restore, enable, disable, set-password; and add-values /
// remove-values (special attributes directly; plain multi-valued attributes by read-modify-write).
import { isDeepStrictEqual } from 'node:util';
import { connectorError } from '../errors.js';
import { getAtPath } from '../definition/attribute-path.js';
import type { ObjectClassModel, OperationModel } from '../definition/model.js';
import type { PreparedRequest } from '../http/types.js';
import { buildRequest } from './build-request.js';
import { normalizeInput } from './connector-input.js';
import { fetchRaw } from './read-objects.js';
import { runSteps, type Step } from './run-steps.js';
import type { ConnectorSession } from './session.js';
import { specialWriteSteps } from './special-steps.js';
import { passwordChange, statusChange } from './status-and-password.js';
import { attributeUpdateStep, failIfNothingDone } from './update-object.js';
import { finishWrite, type WriteResult } from './write-result.js';

async function runSingle(session: ConnectorSession, cls: ObjectClassModel, operation: string, uid: string, op: OperationModel, request: PreparedRequest): Promise<WriteResult> {
  const step: Step = { id: operation, label: op.label, op, build: () => request };
  const results = await runSteps(session, [step], { uid, context: { objectClass: cls.name, operation, uid } });
  return failIfNothingDone(finishWrite(session, cls, { operation, objectClass: cls.name, uid, status: 'success', steps: results }, undefined));
}

function requireOperation(cls: ObjectClassModel, kind: 'delete' | 'restore' | 'update'): OperationModel {
  const op = cls.operations[kind];
  if (!op) throw connectorError('ConfigurationError', `class ${cls.name} has no ${kind} operation`, { objectClass: cls.name, operation: kind });
  return op;
}

export function deleteObject(session: ConnectorSession, cls: ObjectClassModel, uid: string): Promise<WriteResult> {
  const op = requireOperation(cls, 'delete');
  return runSingle(session, cls, 'delete', uid, op, buildRequest(session.connection, op, { uid }, { errorContext: { objectClass: cls.name, uid } }));
}

export function restoreObject(session: ConnectorSession, cls: ObjectClassModel, uid: string): Promise<WriteResult> {
  const op = requireOperation(cls, 'restore');
  return runSingle(session, cls, 'restore', uid, op, buildRequest(session.connection, op, { uid }, { errorContext: { objectClass: cls.name, uid } }));
}

export function setEnabled(session: ConnectorSession, cls: ObjectClassModel, uid: string, enable: boolean): Promise<WriteResult> {
  const op = (enable ? cls.operations.enable : cls.operations.disable) ?? requireOperation(cls, 'update');
  return runSingle(session, cls, enable ? 'enable' : 'disable', uid, op, statusChange(session.connection, cls, uid, enable));
}

export function setPassword(session: ConnectorSession, cls: ObjectClassModel, uid: string, rawAttributes: unknown): Promise<WriteResult> {
  const input = normalizeInput(cls, rawAttributes, 'password', session.redactor);
  const op = cls.operations.setPassword ?? requireOperation(cls, 'update');
  return runSingle(session, cls, 'set-password', uid, op, passwordChange(session.connection, cls, uid, input));
}

export async function changeValues(session: ConnectorSession, cls: ObjectClassModel, uid: string, rawAttributes: unknown, action: 'add' | 'remove'): Promise<WriteResult> {
  const operation = action === 'add' ? 'add-values' : 'remove-values';
  const input = normalizeInput(cls, rawAttributes, 'values', session.redactor);
  const context = { objectClass: cls.name, operation, uid };
  const steps: Step[] = [];
  for (const [name, values] of input.specials) {
    const special = cls.specialAttributes.get(name)!;
    const list = Array.isArray(values) ? values : values === null ? [] : [values];
    const singleAction = action === 'add' ? 'set' : 'clear';
    steps.push(...specialWriteSteps(session.connection, cls, special, special.multiValued ? action : singleAction, list, context));
  }
  if (input.attributes.size > 0) {
    for (const name of input.attributes.keys()) {
      if (!cls.attributes.get(name)!.multiValued) throw connectorError('InvalidAttributeValue', `${name} is single-valued: use update to change it`, { ...context, field: name });
    }
    const current = await fetchRaw(session, cls, uid);
    if (current === undefined) throw connectorError('UnknownUid', `no ${cls.name} with uid ${uid}`, context);
    const merged = new Map<string, unknown>();
    for (const [name, values] of input.attributes) {
      const now = (getAtPath(current, cls.attributes.get(name)!.targetPath) as unknown[] | null | undefined) ?? [];
      const given = values as unknown[];
      const next = action === 'add' ? [...now, ...given.filter((v) => !now.some((n) => isDeepStrictEqual(n, v)))] : now.filter((n) => !given.some((v) => isDeepStrictEqual(n, v)));
      if (!isDeepStrictEqual(next, now)) merged.set(name, next);
    }
    if (merged.size > 0) steps.push(attributeUpdateStep(session, cls, merged, context));
  }
  const results = await runSteps(session, steps, { uid, context });
  return failIfNothingDone(finishWrite(session, cls, { operation, objectClass: cls.name, uid, status: 'success', steps: results }, undefined));
}

