// Desired special attribute values with names turned into uids. A reference to an account
// this run is about to create (a new manager) is deferred until that account exists.
import { findClass } from '../definition/model.js';
import { resolveLookupInputs } from '../mapping/lookup-resolver.js';
import type { StateStore } from '../state/types.js';
import { normalizeSpecialValues } from '../operations/special-values.js';
import type { DesiredPresent } from './desired-state.js';
import type { ProvisionPolicyModel } from './policy-model.js';
import type { ReferenceResolver } from './reference-resolver.js';

export interface SpecialResolution {
  resolved: Map<string, ReturnType<typeof normalizeSpecialValues>>;
  deferred: Array<{ special: string; name: string }>;
  problems: string[];
}

export async function resolveSpecials(
  policy: ProvisionPolicyModel,
  desired: DesiredPresent,
  resolver: ReferenceResolver,
  creating: ReadonlySet<string>,
  state: StateStore | undefined,
): Promise<SpecialResolution> {
  const out: SpecialResolution = { resolved: new Map(), deferred: [], problems: [] };
  const accounts = policy.cls;
  const lookupContext = { definition: policy.definition, state };
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
      // Uids may also be given as lookup code keys or decodes (OIM style), once the lookup is synced.
      const given = special.multiValued ? uids : (uids[0] ?? null);
      const looked = rule.by === 'uid' ? (resolveLookupInputs(lookupContext, accounts, { [special.name]: given }) as Record<string, unknown>)[special.name] : given;
      out.resolved.set(special.name, normalizeSpecialValues(special, looked));
    } catch (error) {
      out.problems.push((error as Error).message);
    }
  }
  return out;
}
