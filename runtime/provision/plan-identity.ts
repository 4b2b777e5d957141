// Plans one identity against what exists: create (or restore), update of what differs only,
// delete or disable, or nothing. Special attribute values are read only for accounts that
// exist and only for the attributes the policy manages.
import { getAtPath } from '../definition/attribute-path.js';
import { isConnectorError } from '../errors.js';
import { resolveLookupInputs } from '../mapping/lookup-resolver.js';
import { uidOf } from '../operations/connector-object.js';
import { fetchRaw } from '../operations/read-objects.js';
import type { ConnectorSession } from '../operations/session.js';
import { changedAttributes, updateSteps } from '../operations/update-object.js';
import type { Desired, DesiredAbsent, DesiredPresent } from './desired-state.js';
import { describeCreate, describeSteps } from './describe-plan.js';
import type { IdentityPlan, PlannedIdentity } from './plan-types.js';
import type { ProvisionPolicyModel } from './policy-model.js';
import { withReadMemo } from './read-memo.js';
import type { ReferenceResolver } from './reference-resolver.js';
import { resolveSpecials } from './resolve-specials.js';

export interface PlanContext {
  readonly session: ConnectorSession;
  readonly policy: ProvisionPolicyModel;
  /** Existing accounts by lower-case name (the bulk read). */
  readonly current: ReadonlyMap<string, unknown>;
  readonly resolver: ReferenceResolver;
  /** Lower-case names of the accounts this run will create. */
  readonly creating: ReadonlySet<string>;
}

export const applyJournalOperation = 'apply';

export async function planIdentity(ctx: PlanContext, wanted: Desired, source?: string): Promise<PlannedIdentity> {
  const { session, policy } = ctx;
  const cls = policy.cls;
  const base = { key: wanted.key, ...(wanted.name !== undefined && { name: wanted.name }), ...(source !== undefined && { source }) };
  if (wanted.kind === 'invalid') return { plan: { ...base, action: 'error', error: { kind: 'InvalidAttributeValue', message: wanted.message } } };
  const open = session.state?.findOpenJournal(session.definition.name, cls.name, applyJournalOperation, { name: wanted.name });
  let current = ctx.current.get(wanted.name.toLowerCase());
  // An interrupted run created it moments ago: the listing may not show it yet, its uid does.
  if (current === undefined && open?.uid !== undefined) current = await fetchQuietly(session, policy, open.uid);
  const withOpen = open ? { open } : {};
  if (wanted.kind === 'absent') return { plan: planAbsent(policy, base, wanted, current), ...withOpen };
  const given = wanted;

  const resolution = await resolveSpecials(policy, given, ctx.resolver, ctx.creating, session.state);
  const desired = withLookupIds(ctx, given, resolution.problems);
  if (resolution.problems.length > 0) return { plan: { ...base, action: 'error', error: { kind: 'InvalidAttributeValue', message: resolution.problems.join('; ') } } };
  const deferred = resolution.deferred.length > 0 ? { deferred: resolution.deferred } : {};
  const specials = resolution.resolved;
  if (current === undefined) {
    const remembered = policy.deprovision.restoreDeleted && cls.operations.restore ? session.state?.findAccountsByName(session.definition.name, cls.name, desired.name)[0] : undefined;
    const described = describeCreate(session, policy, desired, specials);
    const plan: IdentityPlan = remembered
      ? { ...base, action: 'restore', uid: remembered.uid, ...described }
      : { ...base, action: 'create', ...described };
    return { plan, desired, specials, ...deferred, ...withOpen };
  }
  const uid = uidOf(cls, current)!;
  const attributes = new Map([...desired.attributes].filter(([name]) => name !== cls.nameAttribute.name));
  const context = { objectClass: cls.name, operation: 'apply', name: desired.name, uid };
  const steps = await updateSteps(withReadMemo(session), cls, uid, { attributes, specials }, current, context);
  const changed = changedAttributes(cls, attributes, current);
  const plan: IdentityPlan = steps.length === 0 ? { ...base, action: 'none', uid } : { ...base, action: 'update', uid, ...describeSteps(session, policy, steps, changed) };
  return { plan, desired, specials, steps, ...deferred, ...withOpen };
}

function planAbsent(policy: ProvisionPolicyModel, base: Pick<IdentityPlan, 'key' | 'name' | 'source'>, desired: DesiredAbsent, current: unknown): IdentityPlan {
  if (current === undefined) return { ...base, action: 'none', reason: `${desired.reason}; no account` };
  const cls = policy.cls;
  const uid = uidOf(cls, current)!;
  if (policy.deprovision.action === 'delete') return { ...base, action: 'delete', uid, reason: desired.reason };
  const status = cls.statusAttribute ? getAtPath(current, cls.statusAttribute.targetPath) : undefined;
  if (status === cls.statusValues.disabled) return { ...base, action: 'none', uid, reason: `${desired.reason}; already disabled` };
  return { ...base, action: 'disable', uid, reason: desired.reason };
}

/** Attribute values given as lookup code keys or decodes become target ids (synced lookups only). */
function withLookupIds(ctx: PlanContext, desired: DesiredPresent, problems: string[]): DesiredPresent {
  const { policy, session } = ctx;
  try {
    const resolved = resolveLookupInputs({ definition: policy.definition, state: session.state }, policy.cls, Object.fromEntries(desired.attributes)) as Record<string, unknown>;
    return { ...desired, attributes: new Map(Object.entries(resolved)) };
  } catch (error) {
    problems.push((error as Error).message);
    return desired;
  }
}

async function fetchQuietly(session: ConnectorSession, policy: ProvisionPolicyModel, uid: string): Promise<unknown> {
  try {
    return await fetchRaw(session, policy.cls, uid);
  } catch (error) {
    if (isConnectorError(error) && error.kind === 'UnknownUid') return undefined;
    throw error;
  }
}

export type { DesiredPresent };
