// Shared by the executors: the context of a run, turning a write result into an outcome,
// and planning an account again once it is found (linked after AlreadyExists, or restored).
import { connectorError } from '../errors.js';
import { withConsistencyRetry } from '../operations/consistency-retry.js';
import { fetchRaw } from '../operations/read-objects.js';
import type { ConnectorSession } from '../operations/session.js';
import { updateSteps } from '../operations/update-object.js';
import type { WriteResult } from '../operations/write-result.js';
import type { JournalEntry } from '../state/types.js';
import { runUpdate } from './execute-update.js';
import type { IdentityOutcome, PlannedIdentity } from './plan-types.js';
import type { ProvisionPolicyModel } from './policy-model.js';
import type { ReferenceResolver } from './reference-resolver.js';

export interface ExecuteContext {
  readonly session: ConnectorSession;
  readonly policy: ProvisionPolicyModel;
  readonly resolver: ReferenceResolver;
}

export function outcomeOf(result: WriteResult | undefined): Pick<IdentityOutcome, 'outcome' | 'steps' | 'resumedFrom'> {
  if (!result) return { outcome: 'unchanged' };
  return {
    outcome: result.status === 'success' ? 'success' : 'partial',
    steps: result.steps.map((step) => ({ id: step.id, status: step.status, ...(step.error && { error: step.error }) })),
    ...(result.resumedFrom !== undefined && { resumedFrom: result.resumedFrom }),
  };
}

/** The account as it is now; one just created or restored may take a moment to be readable. */
export function fetchSettled(session: ConnectorSession, ctx: ExecuteContext, uid: string, since: number): Promise<unknown> {
  const cls = ctx.policy.cls;
  return withConsistencyRetry(session, since, async () => {
    const current = await fetchRaw(session, cls, uid);
    if (current === undefined) throw connectorError('UnknownUid', `no ${cls.name} with uid ${uid}`, { objectClass: cls.name, uid });
    return current;
  });
}

/** Brings an existing account (found by name, or restored) to the desired state. */
export async function linkAndUpdate(ctx: ExecuteContext, planned: PlannedIdentity, uid: string, open: JournalEntry | undefined): Promise<Pick<IdentityOutcome, 'outcome' | 'steps' | 'resumedFrom'>> {
  const { session, policy } = ctx;
  const cls = policy.cls;
  const desired = planned.desired!;
  ctx.resolver.learn(cls, desired.name, uid);
  const current = await fetchSettled(session, ctx, uid, Date.now());
  const attributes = new Map([...desired.attributes].filter(([name]) => name !== cls.nameAttribute.name));
  const context = { objectClass: cls.name, operation: 'apply', name: desired.name, uid };
  const steps = await updateSteps(session, cls, uid, { attributes, specials: planned.specials ?? new Map() }, current, context);
  // Found or restored just now: it may still be replicating, so steps retry on UnknownUid.
  const result = await runUpdate(session, cls, { uid, name: desired.name, input: { plan: planned.plan }, createdAt: planned.createdAt ?? Date.now() }, steps, open);
  return outcomeOf(result);
}
