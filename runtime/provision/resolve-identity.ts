// Between the desired state and the plan: names and lookup codes become target ids, once per
// identity, before any account is planned (the bulk inverse reads need every value first).
import { resolveLookupInputs } from '../mapping/lookup-resolver.js';
import type { ConnectorSession } from '../operations/session.js';
import type { Desired, DesiredPresent } from './desired-state.js';
import type { ProvisionPolicyModel } from './policy-model.js';
import type { ReferenceResolver } from './reference-resolver.js';
import { resolveSpecials, type SpecialResolution } from './resolve-specials.js';

export interface ResolvedIdentity {
  /** For a present identity, with attribute lookup values turned into ids. */
  readonly desired: Desired;
  /** Present identities only. */
  readonly resolution?: SpecialResolution;
}

export async function resolveIdentity(session: ConnectorSession, policy: ProvisionPolicyModel, desired: Desired, resolver: ReferenceResolver, creating: ReadonlySet<string>): Promise<ResolvedIdentity> {
  if (desired.kind !== 'present') return { desired };
  const resolution = await resolveSpecials(policy, desired, resolver, creating, session.state);
  return { desired: withLookupIds(session, policy, desired, resolution.problems), resolution };
}

/** Attribute values given as lookup code keys or decodes become target ids (synced lookups only). */
function withLookupIds(session: ConnectorSession, policy: ProvisionPolicyModel, desired: DesiredPresent, problems: string[]): DesiredPresent {
  try {
    const resolved = resolveLookupInputs({ definition: policy.definition, state: session.state }, policy.cls, Object.fromEntries(desired.attributes)) as Record<string, unknown>;
    return { ...desired, attributes: new Map(Object.entries(resolved)) };
  } catch (error) {
    problems.push((error as Error).message);
    return desired;
  }
}
