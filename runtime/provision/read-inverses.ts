// The bulk inverse reads of a run: for every special attribute the policy reads through its
// inverse, the values any existing account wants plus the constants the policy names.
import { findClass } from '../definition/model.js';
import type { ConnectorSession } from '../operations/session.js';
import { readInverse, type InverseValues } from './inverse-reads.js';
import type { ProvisionPolicyModel } from './policy-model.js';
import type { ReferenceResolver } from './reference-resolver.js';
import type { ResolvedIdentity } from './resolve-identity.js';

export async function readInverses(
  session: ConnectorSession,
  policy: ProvisionPolicyModel,
  identities: readonly ResolvedIdentity[],
  current: ReadonlyMap<string, unknown>,
  resolver: ReferenceResolver,
): Promise<Map<string, InverseValues>> {
  const out = new Map<string, InverseValues>();
  const existing = identities.filter((identity) => identity.desired.kind === 'present' && current.has(identity.desired.name.toLowerCase()));
  for (const rule of policy.specials) {
    if (!rule.inverse) continue;
    const name = rule.special.name;
    // Only accounts that exist have values to compare: a run of creates reads nothing.
    if (existing.length === 0) {
      out.set(name, { universe: new Set(), byAccount: new Map() });
      continue;
    }
    const values: string[] = [];
    for (const constant of rule.constants) {
      const uid = rule.by === 'name' ? await resolver.resolve(findClass(policy.definition, rule.special.objectClass!)!, constant) : constant;
      if (uid !== undefined) values.push(uid);
    }
    for (const identity of existing) {
      const wanted = identity.resolution?.resolved.get(name);
      if (Array.isArray(wanted)) for (const value of wanted) if (typeof value === 'string') values.push(value);
    }
    out.set(name, await readInverse(session, rule, values));
  }
  return out;
}
