// References to accounts the same run created (a manager hired with the team): set once
// every create is done, as an update of the referring account.
import { specialAssignSteps } from '../operations/special-steps.js';
import { outcomeOf, type ExecuteContext } from './execute-common.js';
import { runUpdate } from './execute-update.js';
import type { IdentityOutcome, PlannedIdentity } from './plan-types.js';

export async function setDeferredReferences(ctx: ExecuteContext, planned: readonly PlannedIdentity[], outcomes: IdentityOutcome[]): Promise<void> {
  const { session, policy } = ctx;
  const cls = policy.cls;
  for (const [i, entry] of planned.entries()) {
    const outcome = outcomes[i]!;
    if (!entry.deferred || outcome.uid === undefined || outcome.outcome === 'failed') continue;
    const context = { objectClass: cls.name, operation: 'update', uid: outcome.uid, ...(outcome.name !== undefined && { name: outcome.name }) };
    const steps = [];
    const missing: string[] = [];
    for (const reference of entry.deferred) {
      const special = cls.specialAttributes.get(reference.special)!;
      const uid = await ctx.resolver.resolve(cls, reference.name);
      if (uid === undefined) missing.push(`${reference.special}: ${reference.name} was not created`);
      else steps.push(...specialAssignSteps(session.connection, cls, special, special.multiValued ? [uid] : uid, special.multiValued ? { add: [uid], remove: [] } : undefined, context));
    }
    const result = await runUpdate(session, cls, { uid: outcome.uid, input: { deferred: entry.deferred }, ...(outcome.name !== undefined && { name: outcome.name }) }, steps, undefined);
    const extra = outcomeOf(result);
    outcomes[i] = {
      ...outcome,
      steps: [...(outcome.steps ?? []), ...(extra.steps ?? [])],
      outcome: missing.length > 0 || extra.outcome === 'partial' ? 'partial' : outcome.outcome === 'unchanged' && extra.outcome === 'success' ? 'success' : outcome.outcome,
      ...(missing.length > 0 && { error: { kind: 'UnknownUid', message: missing.join('; ') } }),
    };
  }
}
