// OIM action rules for one account. A linked account (process match) is compared with its
// snapshot: changed -> update (the identity too, in trusted mode). An unlinked one goes through
// the match rules: none -> create an identity (trusted) or report it unmatched (target); one ->
// link (and update the identity in trusted mode); several -> conflict, nothing changes.
// Unmatched and conflicting accounts are reported again only when they change, but they are
// matched again on every run, so an identity added later still gets linked.
// Synchronous on purpose: it runs inside the batch's store transaction.
import { mapAccount } from '../mapping/map-account.js';
import type { ConnectorObject } from '../operations/connector-object.js';
import type { ReconEvent } from './events.js';
import { identityFields, newIdentityFields } from './identity-values.js';
import { matchIdentity } from './match-rules.js';
import type { ReconScope } from './recon-scope.js';
import { compareSnapshot } from './snapshot-diff.js';

export function reconcileAccount(scope: ReconScope, object: ConnectorObject, runId: number): ReconEvent | undefined {
  const { state, definition, accountClass } = scope;
  const uid = object.__UID__;
  const key = { definition, objectClass: accountClass, uid };
  const known = state.getAccount(key);
  const mapped = mapAccount(scope.map, object, scope.lookups, scope.unread);
  const previous = known?.snapshotHash === undefined ? undefined : state.getAccountSnapshot(definition, accountClass, uid)?.attributesJson;
  const comparison = compareSnapshot(previous, mapped);
  const base = { class: scope.cls.name, uid, ...(object.__NAME__ !== undefined && { name: object.__NAME__ }) };
  let event: ReconEvent | undefined;

  if (known?.identityId !== undefined) {
    const identity = known.identityId;
    if (comparison.changed) {
      if (scope.trusted) state.updateIdentity(identity, identityFields(comparison.changed));
      event = { event: 'update', ...base, attributes: comparison.changed, identity };
    }
  } else {
    const match = matchIdentity(state, scope.rules.matchRules, mapped.fields);
    const link = (identity: number): void => state.link({ ...key, identityId: identity, ...(base.name !== undefined && { name: base.name }) });
    if (match.kind === 'one') {
      if (scope.trusted && scope.rules.actions.oneMatch === 'update') state.updateIdentity(match.identity, identityFields(mapped.fields));
      link(match.identity);
      event = { event: 'link', ...base, attributes: mapped.fields, identity: match.identity, rule: match.rule };
    } else if (match.kind === 'many') {
      if (comparison.changed) event = { event: 'conflict', ...base, attributes: mapped.fields, identities: match.identities, rule: match.rule };
    } else if (scope.rules.actions.noMatch === 'create') {
      const identity = state.createIdentity(newIdentityFields(mapped.fields, scope.defaults));
      link(identity);
      event = { event: 'create', ...base, attributes: mapped.fields, identity };
    } else if (comparison.changed) {
      event = { event: 'unmatched', ...base, attributes: mapped.fields };
    }
  }
  if (comparison.changed) state.setAccountSnapshot(definition, accountClass, uid, comparison.json);
  state.markSeen(definition, accountClass, uid, runId);
  return event;
}

/** An account the target no longer has. Unknown accounts (never reconciled) emit nothing. */
export function reconcileDeletion(scope: ReconScope, uid: string): ReconEvent | undefined {
  const { state, definition, accountClass } = scope;
  const key = { definition, objectClass: accountClass, uid };
  const known = state.getAccount(key);
  if (!known) return undefined;
  const name = known.name ?? nameFromSnapshot(scope, uid);
  const base = { class: scope.cls.name, uid, ...(name !== undefined && { name }) };
  let event: ReconEvent = { event: 'delete', ...base, ...(known.identityId !== undefined && { identity: known.identityId }) };
  if (scope.trusted && known.identityId !== undefined) {
    if (scope.recon.deleteAction === 'disable' && scope.disabled) {
      state.updateIdentity(known.identityId, { [scope.disabled.field]: scope.disabled.value });
      event = { event: 'disable', ...base, identity: known.identityId };
    } else {
      state.deleteIdentity(known.identityId);
    }
  }
  state.forgetAccount(key);
  return event;
}

function nameFromSnapshot(scope: ReconScope, uid: string): string | undefined {
  if (scope.nameField === undefined) return undefined;
  const json = scope.state.getAccountSnapshot(scope.definition, scope.accountClass, uid)?.attributesJson;
  if (json === undefined) return undefined;
  const value = (JSON.parse(json) as Record<string, unknown>)[scope.nameField];
  return typeof value === 'string' ? value : undefined;
}
