// On-demand provisioning (WSO2's outbound provisioning on user and role changes): identity
// events, each applied at once. Role events carry the identity's claims and the roles
// assigned or removed; the role claim is updated with them before the policy decides.
import type { Connector } from '../operations/connector.js';
import { claimValues, type Claims } from './claims.js';
import { applyPolicy } from './apply.js';
import { defaultRoleClaim, type ProvisionPolicyModel } from './policy-model.js';
import type { IdentityOutcome } from './plan-types.js';

export const identityEventTypes = ['user-added', 'user-updated', 'user-deleted', 'role-assigned', 'role-removed'] as const;
export type IdentityEventType = (typeof identityEventTypes)[number];

export interface IdentityEvent {
  readonly type: IdentityEventType;
  readonly claims: Claims;
  /** role-assigned / role-removed: the roles (also accepted as "role": "x"). */
  readonly roles?: readonly string[];
}

export type EventResult = { readonly event: number; readonly type?: string } & (Omit<IdentityOutcome, 'source'> | { readonly outcome: 'failed'; readonly error: { readonly kind: string; readonly message: string } });

export function parseIdentityEvent(value: unknown): IdentityEvent | string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'an event must be a JSON object {"type", "claims", "roles"?}';
  const raw = value as Record<string, unknown>;
  const type = raw.type;
  if (typeof type !== 'string' || !(identityEventTypes as readonly string[]).includes(type)) return `"type" must be one of ${identityEventTypes.join(', ')}, not ${JSON.stringify(type)}`;
  const claims = raw.claims;
  if (claims === null || typeof claims !== 'object' || Array.isArray(claims)) return '"claims" must be an object of claim name to value';
  const roles = raw.roles ?? (raw.role === undefined ? undefined : [raw.role]);
  const isRoleEvent = type === 'role-assigned' || type === 'role-removed';
  if (isRoleEvent && (!Array.isArray(roles) || roles.length === 0 || roles.some((role) => typeof role !== 'string' || role === ''))) return `${type} needs "roles": a list of role names (or "role")`;
  return { type: type as IdentityEventType, claims: claims as Claims, ...(Array.isArray(roles) && { roles: roles as string[] }) };
}

/** The claims after the event: role events add or remove roles in the role claim. */
export function claimsAfter(policy: ProvisionPolicyModel, event: IdentityEvent): Claims {
  if (event.type !== 'role-assigned' && event.type !== 'role-removed') return event.claims;
  const claim = policy.roles?.roleClaim ?? defaultRoleClaim;
  const current = claimValues(event.claims, claim, policy.roles?.separator ?? ',');
  const changed = new Set((event.roles ?? []).map((role) => role.toLowerCase()));
  const roles = event.type === 'role-assigned' ? [...current, ...(event.roles ?? []).filter((role) => !current.some((c) => c.toLowerCase() === role.toLowerCase()))] : current.filter((role) => !changed.has(role.toLowerCase()));
  return { ...event.claims, [claim]: roles };
}

export async function applyIdentityEvent(connector: Connector, policy: ProvisionPolicyModel, event: IdentityEvent, number: number): Promise<EventResult> {
  const input = { claims: claimsAfter(policy, event), source: `event ${number}`, remove: event.type === 'user-deleted' };
  const report = await applyPolicy(connector, policy, [input], { concurrency: 1 });
  const { source: _source, ...outcome } = report.identities![0]!;
  return { event: number, type: event.type, ...outcome };
}
