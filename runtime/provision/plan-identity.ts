// Plans one identity against what exists: create (or restore), update of what differs only,
// delete or disable, or nothing. Special attribute values are read only for accounts that
// exist and only for the attributes the policy manages (or come from the bulk inverse reads).
import { getAtPath } from '../definition/attribute-path.js';
import { isConnectorError } from '../errors.js';
import { uidOf } from '../operations/connector-object.js';
import { fetchRaw } from '../operations/read-objects.js';
import type { Step } from '../operations/run-steps.js';
import type { ConnectorSession } from '../operations/session.js';
import { specialAssignSteps } from '../operations/special-steps.js';
import { diffSpecialValues, type SpecialValue } from '../operations/special-values.js';
import { changedAttributes, updateSteps } from '../operations/update-object.js';
import type { DesiredAbsent } from './desired-state.js';
import { describeCreate, describeSteps } from './describe-plan.js';
import type { InverseValues } from './inverse-reads.js';
import type { IdentityPlan, PlannedIdentity } from './plan-types.js';
import type { ProvisionPolicyModel } from './policy-model.js';
import { withReadMemo } from './read-memo.js';
import type { ReferenceResolver } from './reference-resolver.js';
import type { ResolvedIdentity } from './resolve-identity.js';
import type { JournalEntry } from '../state/types.js';

export interface PlanContext {
  readonly session: ConnectorSession;
  readonly policy: ProvisionPolicyModel;
  /** Existing accounts by lower-case name (the bulk read). */
  readonly current: ReadonlyMap<string, unknown>;
  readonly resolver: ReferenceResolver;
  /** Lower-case names of the accounts this run will create. */
  readonly creating: ReadonlySet<string>;
  /** Special attributes read in bulk through their inverse, by name. */
  readonly inverse: ReadonlyMap<string, InverseValues>;
  /** Unfinished apply journal entries of interrupted runs, by lower-case account name. */
  readonly openJournals: ReadonlyMap<string, JournalEntry>;
}

/** Every unfinished apply entry of the class, read once per run. */
export function openApplyJournals(session: ConnectorSession, policy: ProvisionPolicyModel): Map<string, JournalEntry> {
  const entries = session.state?.listJournals({ definition: session.definition.name, objectClass: policy.cls.name, operation: applyJournalOperation, open: true, limit: 1_000_000_000 }) ?? [];
  const byName = new Map<string, JournalEntry>();
  // Newest first: the first entry of a name is its latest.
  for (const entry of entries) if (entry.name !== undefined && !byName.has(entry.name.toLowerCase())) byName.set(entry.name.toLowerCase(), entry);
  return byName;
}

export const applyJournalOperation = 'apply';

export async function planIdentity(ctx: PlanContext, identity: ResolvedIdentity, source?: string): Promise<PlannedIdentity> {
  const { session, policy } = ctx;
  const cls = policy.cls;
  const wanted = identity.desired;
  const base = { key: wanted.key, ...(wanted.name !== undefined && { name: wanted.name }), ...(source !== undefined && { source }) };
  if (wanted.kind === 'invalid') return { plan: { ...base, action: 'error', error: { kind: 'InvalidAttributeValue', message: wanted.message } } };
  const open = ctx.openJournals.get(wanted.name.toLowerCase());
  let current = ctx.current.get(wanted.name.toLowerCase());
  // An interrupted run created it moments ago: the listing may not show it yet, its uid does.
  if (current === undefined && open?.uid !== undefined) current = await fetchQuietly(session, policy, open.uid);
  const createStep = open?.steps.find((step) => step.id === 'create' && step.status !== 'pending');
  const withOpen = open ? { open, ...(createStep && { createdAt: Date.parse(createStep.updatedAt) }) } : {};
  if (wanted.kind === 'absent') return { plan: planAbsent(policy, base, wanted, current), ...withOpen };

  const resolution = identity.resolution!;
  if (resolution.problems.length > 0) return { plan: { ...base, action: 'error', error: { kind: 'InvalidAttributeValue', message: resolution.problems.join('; ') } } };
  const desired = wanted;
  const deferred = resolution.deferred.length > 0 ? { deferred: resolution.deferred } : {};
  const specials = resolution.resolved;
  if (current === undefined) {
    const remembered = policy.deprovision.restoreDeleted && cls.operations.restore ? session.state?.findAccountsByName(session.definition.name, cls.name, desired.name)[0] : undefined;
    const described = describeCreate(session, policy, desired, specials);
    const plan: IdentityPlan = remembered ? { ...base, action: 'restore', uid: remembered.uid, ...described } : { ...base, action: 'create', ...described };
    return { plan, desired, specials, ...deferred, ...withOpen };
  }
  const uid = uidOf(cls, current)!;
  const attributes = new Map([...desired.attributes].filter(([name]) => name !== cls.nameAttribute.name));
  const context = { objectClass: cls.name, operation: 'apply', name: desired.name, uid };
  const perAccount = new Map([...specials].filter(([name]) => !ctx.inverse.has(name)));
  const steps = await updateSteps(withReadMemo(session), cls, uid, { attributes, specials: perAccount }, current, context);
  steps.push(...inverseSteps(ctx, uid, specials, context));
  const changed = changedAttributes(cls, attributes, current);
  const plan: IdentityPlan = steps.length === 0 ? { ...base, action: 'none', uid } : { ...base, action: 'update', uid, ...describeSteps(session, policy, steps, changed) };
  return { plan, desired, specials, steps, ...deferred, ...withOpen };
}

/** Diffs against the bulk-read values: only values of the universe are added or removed. */
function inverseSteps(ctx: PlanContext, uid: string, specials: ReadonlyMap<string, SpecialValue[] | SpecialValue | null>, context: Record<string, string>): Step[] {
  const steps: Step[] = [];
  for (const [name, known] of ctx.inverse) {
    const desired = specials.get(name);
    if (!Array.isArray(desired)) continue;
    const special = ctx.policy.cls.specialAttributes.get(name)!;
    const now = known.byAccount.get(uid.toLowerCase()) ?? [];
    const diff = diffSpecialValues(special, now, desired);
    steps.push(...specialAssignSteps(ctx.session.connection, ctx.policy.cls, special, desired, diff, context));
  }
  return steps;
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

async function fetchQuietly(session: ConnectorSession, policy: ProvisionPolicyModel, uid: string): Promise<unknown> {
  try {
    return await fetchRaw(session, policy.cls, uid);
  } catch (error) {
    if (isConnectorError(error) && error.kind === 'UnknownUid') return undefined;
    throw error;
  }
}
