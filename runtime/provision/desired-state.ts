// What the policy wants for one identity: in scope or not, its account name, the attribute
// values to keep, the values for create only, and the special attribute values (still names
// when the policy says `by: name`; references are resolved later, once per run).
import { pointerToDotted } from '../definition/json-pointer.js';
import { checkAttribute } from '../operations/connector-input.js';
import { claimValues, type Claims } from './claims.js';
import { hasRoleTest } from './condition.js';
import type { CreateOnlyRule, ProvisionPolicyModel, SpecialRuleModel } from './policy-model.js';
import { pickValue } from './value-source.js';

export interface DesiredPresent {
  readonly kind: 'present';
  readonly key: string;
  readonly name: string;
  readonly attributes: ReadonlyMap<string, unknown>;
  readonly createOnly: ReadonlyMap<string, unknown>;
  /** Generated on create (e.g. a password), never shown or compared. */
  readonly generated: readonly CreateOnlyRule[];
  readonly specials: ReadonlyArray<{ readonly rule: SpecialRuleModel; readonly values: readonly string[] }>;
}

export interface DesiredAbsent {
  readonly kind: 'absent';
  readonly key: string;
  readonly name: string;
  readonly reason: string;
}

export interface DesiredInvalid {
  readonly kind: 'invalid';
  readonly key: string;
  readonly name?: string;
  readonly message: string;
}

export type Desired = DesiredPresent | DesiredAbsent | DesiredInvalid;

export interface RunSettings {
  readonly config: Readonly<Record<string, unknown>>;
  /** The domain appended to names without @ (when the policy asks for it). */
  readonly domain?: string;
}

export function accountName(policy: ProvisionPolicyModel, claims: Claims, settings: RunSettings): string | undefined {
  const raw = claimValues(claims, policy.name.claim)[0];
  if (raw === undefined) return undefined;
  return policy.name.appendDomain ? withDomain(raw, settings.domain) : raw;
}

export function withDomain(value: string, domain: string | undefined): string {
  return domain === undefined || value.includes('@') ? value : `${value}@${domain}`;
}

export function identityKey(policy: ProvisionPolicyModel, claims: Claims): string | undefined {
  return claimValues(claims, policy.identityKey)[0] ?? claimValues(claims, policy.name.claim)[0];
}

export function inScope(policy: ProvisionPolicyModel, claims: Claims): boolean {
  if (!policy.roles) return true;
  return policy.roles.provisioningRoles.some((role) => hasRoleTest(role, policy.roles)(claims));
}

/** `remove`: the identity is gone (a user-deleted event), whatever its roles say. */
export function desiredState(policy: ProvisionPolicyModel, claims: Claims, settings: RunSettings, options: { remove?: boolean } = {}): Desired {
  const key = identityKey(policy, claims) ?? '(no key)';
  const name = accountName(policy, claims, settings);
  if (name === undefined) return { kind: 'invalid', key, message: `the identity has no value for the name claim ${policy.name.claim}` };
  if (options.remove) return { kind: 'absent', key, name, reason: 'identity deleted' };
  if (!inScope(policy, claims)) return { kind: 'absent', key, name, reason: `no provisioning role (${policy.roles!.provisioningRoles.join(', ')})` };
  const missing = policy.mandatoryClaims.filter((claim) => claimValues(claims, claim).length === 0);
  if (missing.length > 0) return { kind: 'invalid', key, name, message: `missing mandatory claim${missing.length === 1 ? '' : 's'} ${missing.join(', ')}` };

  const context = { claims, config: settings.config, name };
  const problems: string[] = [];
  const attributes = new Map<string, unknown>();
  for (const rule of policy.attributes) {
    const value = pickValue(rule.source, rule.source.values(context), rule.attribute.multiValued);
    if (value === undefined) {
      if (rule.source.clearWhenMissing) attributes.set(rule.attribute.name, null);
      continue;
    }
    const problem = checkAttribute(policy.cls, rule.attribute, value, 'create');
    if (problem) problems.push(`${problem} (from policy ${pointerToDotted(rule.source.pointer)})`);
    else attributes.set(rule.attribute.name, value);
  }
  const createOnly = new Map<string, unknown>();
  const generated: CreateOnlyRule[] = [];
  for (const rule of policy.createOnly) {
    if ('generate' in rule.source) {
      generated.push(rule);
      continue;
    }
    const value = pickValue(rule.source, rule.source.values(context), rule.attribute.multiValued);
    if (value === undefined) continue;
    const problem = checkAttribute(policy.cls, rule.attribute, value, 'create');
    if (problem) problems.push(`${problem} (from policy ${pointerToDotted(rule.source.pointer)})`);
    else createOnly.set(rule.attribute.name, value);
  }
  const specials = policy.specials.map((rule) => {
    const values = new Map<string, string>();
    for (const source of rule.sources) {
      for (const value of source.values(context)) {
        const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
        if (text === undefined || text === '') problems.push(`${rule.special.name}: ${JSON.stringify(value)} is not a name or uid (from policy ${pointerToDotted(source.pointer)})`);
        else {
          const full = rule.by === 'name' && rule.appendDomain ? withDomain(text, settings.domain) : text;
          values.set(full.toLowerCase(), full);
        }
      }
    }
    return { rule, values: [...values.values()] };
  });
  if (problems.length > 0) return { kind: 'invalid', key, name, message: problems.join('; ') };
  return { kind: 'present', key, name, attributes, createOnly, generated, specials };
}
