// Desired special attribute values with names turned into uids. A reference to an account
// this run is about to create (a new manager) is deferred until that account exists.
import { findClass } from '../definition/model.js';
import { normalizeSpecialValues } from '../operations/special-values.js';
import type { DesiredPresent } from './desired-state.js';
import type { ProvisionPolicyModel } from './policy-model.js';
import type { ReferenceResolver } from './reference-resolver.js';

export interface SpecialResolution {
  resolved: Map<string, ReturnType<typeof normalizeSpecialValues>>;
  deferred: Array<{ special: string; name: string }>;
  problems: string[];
}

export async function resolveSpecials(policy: ProvisionPolicyModel, desired: DesiredPresent, resolver: ReferenceResolver, creating: ReadonlySet<string>): Promise<SpecialResolution> {
  const out: SpecialResolution = { resolved: new Map(), deferred: [], problems: [] };
  const accounts = policy.cls;
  for (const { rule, values } of desired.specials) {
    const special = rule.special;
    const uids: string[] = [];
    let deferred = false;
    for (const value of values) {
      if (rule.by === 'uid') {
        uids.push(value);
        continue;
      }
      const targetClass = special.objectClass === undefined ? undefined : findClass(policy.definition, special.objectClass);
      const uid = targetClass ? await resolver.resolve(targetClass, value) : undefined;
      if (uid !== undefined) uids.push(uid);
      else if (targetClass === accounts && creating.has(value.toLowerCase())) {
        out.deferred.push({ special: special.name, name: value });
        deferred = true;
      } else out.problems.push(`${special.name}: no ${special.objectClass ?? 'object'} named "${value}"`);
    }
    // A single value waiting for its account is left alone now rather than cleared.
    if (deferred && !special.multiValued) continue;
    try {
      out.resolved.set(special.name, normalizeSpecialValues(special, special.multiValued ? uids : (uids[0] ?? null)));
    } catch (error) {
      out.problems.push((error as Error).message);
    }
  }
  return out;
}
