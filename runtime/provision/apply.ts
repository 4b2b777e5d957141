// `apply`: identities + policy -> desired state -> bulk read of what exists -> the minimal
// plan -> (unless a dry run) concurrent, journaled, audited execution -> a report.
import { connectorError } from '../errors.js';
import type { Connector } from '../operations/connector.js';
import { getAtPath } from '../definition/attribute-path.js';
import { textValue, uidOf } from '../operations/connector-object.js';
import { runConcurrently } from '../operations/run-concurrently.js';
import type { ConnectorSession } from '../operations/session.js';
import type { Claims } from './claims.js';
import { readCurrent, type ReadStrategy } from './current-state.js';
import { desiredState, type Desired, type RunSettings } from './desired-state.js';
import { executeIdentity } from './execute-identity.js';
import { setDeferredReferences } from './deferred-references.js';
import { openApplyJournals, planIdentity, type PlanContext } from './plan-identity.js';
import { readInverses } from './read-inverses.js';
import { resolveIdentity, type ResolvedIdentity } from './resolve-identity.js';
import type { IdentityOutcome, IdentityPlan, PlannedIdentity } from './plan-types.js';
import type { ProvisionPolicyModel } from './policy-model.js';
import { ReferenceResolver } from './reference-resolver.js';
import { summarize, type ApplyReport } from './report.js';
import { toErrorJson } from '../operations/run-steps.js';

export interface IdentityInput {
  readonly claims: Claims;
  /** Where it came from, for messages (e.g. "identities.csv:12" or "event 3"). */
  readonly source?: string;
  /** The identity is gone (a user-deleted event): deprovision whatever its roles say. */
  readonly remove?: boolean;
}

export interface ApplyOptions {
  /** Plan only: nothing is written. */
  readonly dryRun?: boolean;
  /** Identities planned and applied at once (default 32). HTTP requests in flight stay capped by the connector. */
  readonly concurrency?: number;
  readonly readStrategy?: ReadStrategy;
  /** Called as each identity is planned (dry run) or done. */
  readonly onProgress?: (done: number, total: number) => void;
}

export function runSettings(session: ConnectorSession, policy: ProvisionPolicyModel): RunSettings {
  const config = session.connection.context.config;
  const setting = config[policy.name.domainSetting];
  const domain = policy.name.domain ?? (typeof setting === 'string' && setting !== '' ? setting : undefined);
  if (policy.name.appendDomain && domain === undefined) {
    throw connectorError('ConfigurationError', `the policy appends a domain to names, but gives no "domain" and the connector setting "${policy.name.domainSetting}" is not set`, { operation: 'apply' });
  }
  return { config, ...(domain !== undefined && { domain }) };
}

export async function planApply(connector: Connector, policy: ProvisionPolicyModel, identities: Iterable<IdentityInput>, options: ApplyOptions = {}): Promise<{ planned: PlannedIdentity[]; resolver: ReferenceResolver }> {
  const session = connector.session;
  const cls = policy.cls;
  const settings = runSettings(session, policy);
  const inputs = [...identities];
  const desired = markDuplicates(inputs.map((input) => desiredState(policy, input.claims, settings, { remove: input.remove === true })), inputs);
  const names = desired.flatMap((d) => (d.kind === 'invalid' ? [] : [d.name]));
  const current = await readCurrent(session, cls, names, options.readStrategy);
  const resolver = new ReferenceResolver(session);
  for (const [, raw] of current) {
    const uid = uidOf(cls, raw);
    const name = textValue(getAtPath(raw, cls.nameAttribute.targetPath));
    if (uid !== undefined && name !== undefined) resolver.learn(cls, name, uid);
  }
  const creating = new Set(desired.flatMap((d) => (d.kind === 'present' && !current.has(d.name.toLowerCase()) ? [d.name.toLowerCase()] : [])));
  const concurrency = options.concurrency ?? 32;
  const resolvedResults = await runConcurrently(desired, concurrency, (d) => resolveIdentity(session, policy, d, resolver, creating));
  const resolved = resolvedResults.map((result, i): ResolvedIdentity => {
    if (result.ok) return result.value;
    const d = desired[i]!;
    return { desired: { kind: 'invalid', key: d.key, ...(d.name !== undefined && { name: d.name }), message: String(toErrorJson(result.error).message) } };
  });
  const inverse = await readInverses(session, policy, resolved, current, resolver);
  const context: PlanContext = { session, policy, current, resolver, creating, inverse, openJournals: openApplyJournals(session, policy) };
  let done = 0;
  const results = await runConcurrently(resolved, concurrency, async (identity, i) => {
    const planned = await planIdentity(context, identity, inputs[i]!.source);
    options.onProgress?.(++done, desired.length);
    return planned;
  });
  const planned = results.map((result, i): PlannedIdentity => {
    if (result.ok) return result.value;
    const d = desired[i]!;
    const error = toErrorJson(result.error);
    const plan: IdentityPlan = { key: d.key, ...(d.name !== undefined && { name: d.name }), action: 'error', error: { kind: String(error.kind), message: String(error.message) }, ...(inputs[i]!.source !== undefined && { source: inputs[i]!.source }) };
    return { plan };
  });
  return { planned, resolver };
}

export async function applyPolicy(connector: Connector, policy: ProvisionPolicyModel, identities: Iterable<IdentityInput>, options: ApplyOptions = {}): Promise<ApplyReport> {
  const startedAt = new Date();
  const { onProgress, ...planOptions } = options;
  const { planned, resolver } = await planApply(connector, policy, identities, options.dryRun ? options : planOptions);
  if (options.dryRun) return summarize(startedAt, true, planned.map((p) => p.plan), undefined);
  const context = { session: connector.session, policy, resolver };
  let done = 0;
  const results = await runConcurrently(planned, options.concurrency ?? 32, async (p) => {
    const outcome = await executeIdentity(context, p);
    onProgress?.(++done, planned.length);
    return outcome;
  });
  const outcomes: IdentityOutcome[] = results.map((result, i) => (result.ok ? result.value : failedOutcome(planned[i]!.plan, result.error)));
  await setDeferredReferences(context, planned, outcomes);
  return summarize(startedAt, false, planned.map((p) => p.plan), outcomes);
}

function failedOutcome(plan: IdentityPlan, error: unknown): IdentityOutcome {
  const json = toErrorJson(error);
  return { key: plan.key, action: plan.action, outcome: 'failed', error: { kind: String(json.kind), message: String(json.message) }, ...(plan.name !== undefined && { name: plan.name }), ...(plan.source !== undefined && { source: plan.source }) };
}

/** Two identities for one account would undo each other: the later ones fail. */
function markDuplicates(desired: Desired[], inputs: readonly IdentityInput[]): Desired[] {
  const first = new Map<string, number>();
  return desired.map((d, i) => {
    if (d.kind === 'invalid') return d;
    const key = d.name.toLowerCase();
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, i);
      return d;
    }
    const where = inputs[earlier]!.source ?? `identity ${desired[earlier]!.key}`;
    return { kind: 'invalid', key: d.key, name: d.name, message: `the account ${d.name} is already given by ${where}` };
  });
}
