// Creates an account and then its special attribute values, all in one journal entry begun
// before the first request. A create is never sent twice: an interrupted one is first looked
// up by name, and AlreadyExists links the existing account and plans its changes again.
import { isConnectorError } from '../errors.js';
import { createObject } from '../operations/create-object.js';
import { findUidByName } from '../operations/find-by-name.js';
import { runSteps, toErrorJson, type Step } from '../operations/run-steps.js';
import type { ConnectorSession } from '../operations/session.js';
import { specialAssignSteps } from '../operations/special-steps.js';
import type { SpecialValue } from '../operations/special-values.js';
import { auditFailure, finishWrite } from '../operations/write-result.js';
import { generatePassword, sessionIgnoringSecrets } from './generated-secrets.js';
import { stepFingerprint } from './journal-steps.js';
import { linkAndUpdate, outcomeOf, type ExecuteContext } from './execute-common.js';
import type { IdentityOutcome, PlannedIdentity } from './plan-types.js';
import { applyJournalOperation } from './plan-identity.js';

function withoutState(session: ConnectorSession): ConnectorSession {
  const { state: _state, ...rest } = session;
  return rest;
}

export async function executeCreate(ctx: ExecuteContext, planned: PlannedIdentity): Promise<IdentityOutcome> {
  const { session, policy } = ctx;
  const cls = policy.cls;
  const desired = planned.desired!;
  const name = desired.name;
  const state = session.state;
  const context = { objectClass: cls.name, operation: 'create', name };
  const base = { key: planned.plan.key, name, action: 'create' as const, ...(planned.plan.source !== undefined && { source: planned.plan.source }) };

  const open = planned.open;
  if (open?.steps.some((s) => s.id === 'create' && s.status !== 'pending')) {
    // The interrupted run may have created it (the answer was lost with the process).
    const found = await findUidByName(session, cls, name, false);
    if (found !== undefined) return { ...(await linkAndUpdate(ctx, planned, found, open)), ...base, uid: found };
  }
  if (open && state) state.finishJournal(open.id, 'failed');

  const attributes: Record<string, unknown> = { [cls.nameAttribute.name]: name, ...Object.fromEntries(desired.attributes), ...Object.fromEntries(desired.createOnly) };
  const generated = new Set<unknown>();
  for (const rule of desired.generated) {
    const value = 'generate' in rule.source ? generatePassword(rule.source.length) : undefined;
    attributes[rule.attribute.name] = value;
    generated.add(value);
  }
  const followUps: Step[] = [...(planned.specials ?? [])].flatMap(([specialName, value]) => {
    if (value === null || (Array.isArray(value) && value.length === 0)) return [];
    return specialAssignSteps(session.connection, cls, cls.specialAttributes.get(specialName)!, value as SpecialValue[] | SpecialValue, undefined, context);
  });
  const create = cls.operations.create!;
  const journalId = state?.beginJournal({
    definition: session.definition.name,
    objectClass: cls.name,
    operation: applyJournalOperation,
    name,
    input: session.redactor.redactValue({ plan: planned.plan }),
    steps: [{ id: 'create', label: create.label }, ...followUps.map((step) => ({ id: step.id, label: step.label, request: { fingerprint: stepFingerprint(step) } }))],
  });

  let uid: string;
  if (journalId !== undefined) state!.markStep(journalId, 'create', 'running');
  try {
    uid = (await createObject(sessionIgnoringSecrets(withoutState(session), generated), cls, attributes)).uid;
  } catch (error) {
    const existing = isConnectorError(error) && error.kind === 'AlreadyExists' ? await findUidByName(session, cls, name, true) : undefined;
    if (journalId !== undefined) {
      state!.markStep(journalId, 'create', existing !== undefined ? 'done' : 'failed', existing !== undefined ? { linked: existing } : toErrorJson(error));
      for (const step of followUps) state!.markStep(journalId, step.id, 'failed', { kind: 'Superseded', message: 'not sent: planned again against the existing account' });
      state!.finishJournal(journalId, 'failed');
    }
    if (existing !== undefined) return { ...(await linkAndUpdate(ctx, planned, existing, undefined)), ...base, uid: existing, linked: true };
    auditFailure(session, cls, 'create', { name }, isConnectorError(error) ? error : {});
    const json = toErrorJson(error);
    return { ...base, outcome: 'failed', error: { kind: String(json.kind), message: String(json.message) } };
  }
  const createdAt = Date.now();
  if (journalId !== undefined) {
    state!.setJournalUid(journalId, uid);
    state!.markStep(journalId, 'create', 'done');
  }
  ctx.resolver.learn(cls, name, uid);
  const results = await runSteps(session, followUps, { uid, createdAt, context, ...(journalId !== undefined && { journalId }) });
  const result = finishWrite(session, cls, { operation: 'create', objectClass: cls.name, uid, name, status: 'success', steps: [{ id: 'create', label: create.label, status: 'done' }, ...results] }, journalId);
  return { ...base, ...outcomeOf(result), uid };
}
