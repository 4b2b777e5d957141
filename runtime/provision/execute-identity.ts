// Carries out the plan of one identity. Engine operations audit themselves; one identity's
// failure is its own outcome and never stops the others.
import { isConnectorError } from '../errors.js';
import { deleteObject, restoreObject, setEnabled } from '../operations/simple-writes.js';
import { toErrorJson } from '../operations/run-steps.js';
import type { WriteResult } from '../operations/write-result.js';
import { linkAndUpdate, outcomeOf, type ExecuteContext } from './execute-common.js';
import { executeCreate } from './execute-create.js';
import { runUpdate } from './execute-update.js';
import type { IdentityOutcome, PlannedIdentity } from './plan-types.js';

export async function executeIdentity(ctx: ExecuteContext, planned: PlannedIdentity): Promise<IdentityOutcome> {
  const plan = planned.plan;
  const base = { key: plan.key, action: plan.action, ...(plan.name !== undefined && { name: plan.name }), ...(plan.uid !== undefined && { uid: plan.uid }), ...(plan.source !== undefined && { source: plan.source }) };
  // An interrupted change to an account that is now deprovisioned will not be finished.
  const moot = plan.action === 'delete' || plan.action === 'disable' || (plan.action === 'none' && plan.uid === undefined);
  if (planned.open && moot) ctx.session.state?.finishJournal(planned.open.id, 'failed');
  try {
    switch (plan.action) {
      case 'error':
        return { ...base, outcome: 'failed', ...(plan.error && { error: plan.error }) };
      case 'none':
        // An interrupted entry whose changes the target now shows is closed.
        if (planned.open && plan.uid !== undefined) await runUpdate(ctx.session, ctx.policy.cls, { uid: plan.uid, input: null }, [], planned.open);
        return { ...base, outcome: 'unchanged' };
      case 'create':
        return await executeCreate(ctx, planned);
      case 'restore':
        return await executeRestore(ctx, planned);
      case 'update': {
        const target = { uid: plan.uid!, input: { plan }, ...(plan.name !== undefined && { name: plan.name }), ...(planned.createdAt !== undefined && { createdAt: planned.createdAt }) };
        return { ...base, ...outcomeOf(await runUpdate(ctx.session, ctx.policy.cls, target, planned.steps ?? [], planned.open)) };
      }
      case 'delete':
        if (plan.name !== undefined) ctx.session.state?.rememberAccount({ definition: ctx.session.definition.name, objectClass: ctx.policy.cls.name, uid: plan.uid! }, plan.name);
        return { ...base, ...outcomeOf(await alreadyGoneIsDone(() => deleteObject(ctx.session, ctx.policy.cls, plan.uid!))) };
      case 'disable':
        return { ...base, ...outcomeOf(await setEnabled(ctx.session, ctx.policy.cls, plan.uid!, false)) };
    }
  } catch (error) {
    const json = toErrorJson(error);
    return { ...base, outcome: 'failed', error: { kind: String(json.kind), message: String(json.message) } };
  }
}

async function executeRestore(ctx: ExecuteContext, planned: PlannedIdentity): Promise<IdentityOutcome> {
  const { session, policy } = ctx;
  const uid = planned.plan.uid!;
  try {
    await restoreObject(session, policy.cls, uid);
  } catch (error) {
    // Purged, or its name is taken again: a new account instead.
    if (!isConnectorError(error) || (error.kind !== 'UnknownUid' && error.kind !== 'AlreadyExists')) throw error;
    session.state?.forgetAccount({ definition: session.definition.name, objectClass: policy.cls.name, uid });
    const created = await executeCreate(ctx, { ...planned, plan: { ...planned.plan, action: 'create' } });
    return created;
  }
  const updated = await linkAndUpdate(ctx, planned, uid, planned.open);
  const plan = planned.plan;
  return { key: plan.key, action: 'restore', uid, ...(plan.name !== undefined && { name: plan.name }), ...(plan.source !== undefined && { source: plan.source }), ...updated, outcome: updated.outcome === 'partial' ? 'partial' : 'success' };
}

async function alreadyGoneIsDone(write: () => Promise<WriteResult>): Promise<WriteResult | undefined> {
  try {
    return await write();
  } catch (error) {
    if (isConnectorError(error) && error.kind === 'UnknownUid') return undefined;
    throw error;
  }
}
