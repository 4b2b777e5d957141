// OIM reconciliation rules: the ordered match rules of a mode, tried one after the other on
// the identity store; the first rule that finds at least one identity decides ((A) OR (B)).
import type { MatchRule } from '../generated/definition.js';
import type { MappedRecord, MappedValue } from '../mapping/map-account.js';
import type { IdentityId, StateStore } from '../state/types.js';

export type MatchResult =
  | { readonly kind: 'none' }
  | { readonly kind: 'one'; readonly identity: IdentityId; readonly rule: number }
  | { readonly kind: 'many'; readonly identities: IdentityId[]; readonly rule: number };

export function matchIdentity(state: StateStore, rules: readonly MatchRule[], account: MappedRecord): MatchResult {
  for (const [index, rule] of rules.entries()) {
    const value = comparable(account[rule.accountField]);
    // An empty account value matches nothing: it would otherwise link every identity without the field.
    if (value === undefined) continue;
    const found = state.findIdentities(rule.identityField, value, { ignoreCase: rule.ignoreCase ?? true });
    if (found.length === 1) return { kind: 'one', identity: found[0]!, rule: index + 1 };
    if (found.length > 1) return { kind: 'many', identities: found, rule: index + 1 };
  }
  return { kind: 'none' };
}

function comparable(value: MappedValue | undefined): string | number | boolean | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return undefined;
}
