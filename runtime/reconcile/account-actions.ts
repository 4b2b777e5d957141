// OIM action rules for one account. A linked account (process match) is compared with its
// snapshot: changed -> update (the identity too, in trusted mode). An unlinked one goes through
// the match rules: none -> create an identity (trusted) or report it unmatched (target); one ->
// link (and update the identity in trusted mode); several -> conflict, nothing changes.
// Unmatched and conflicting accounts are reported again only when they change, but they are
// matched again on every run, so an identity added later still gets linked. Repeating an
// account with the same data therefore never repeats its event.
// Synchronous on purpose: it runs inside the batch's store transaction. The account's stored
// state is read by the caller for the whole batch, and its new state is returned for one write.
import { mapAccount, type MappedRecord } from '../mapping/map-account.js';
import type { ConnectorObject } from '../operations/connector-object.js';
import type { AccountState, AccountStateInput } from '../state/types.js';
import type { ReconEvent } from './events.js';
import { identityFields, newIdentityFields } from './identity-values.js';
import { matchIdentity, type MatchResult } from './match-rules.js';
import type { ReconScope } from './recon-scope.js';
import { compareSnapshot } from './snapshot-diff.js';

export interface AccountOutcome {
  event?: ReconEvent;
  /** The event's attributes already serialized, when they are the snapshot text. */
  attributesJson?: string;
  /** What to store for the account (seen in this run; new snapshot and name when changed). */
  save: AccountStateInput;
}

export function reconcileAccount(scope: ReconScope, object: ConnectorObject, known: AccountState | undefined): AccountOutcome {
  const { state } = scope;
  const uid = object.__UID__;
  const mapped = mapAccount(scope.map, object, scope.lookups, scope.unread);
  const comparison = compareSnapshot(known?.snapshotJson, mapped);
  const name = object.__NAME__;
  const base = { class: scope.cls.name, uid, ...(name !== undefined && { name }) };
  const save: AccountStateInput = { uid, ...(comparison.changed && { snapshotJson: comparison.json }), ...(name !== undefined && name !== known?.name && { name }) };

  if (known?.identityId !== undefined) {
    const identity = known.identityId;
    if (!comparison.changed) return { save };
    if (scope.trusted) state.updateIdentity(identity, identityFields(comparison.changed));
    return { event: { event: 'update', ...base, attributes: comparison.changed, identity }, save };
  }
  const match: MatchResult = scope.matchesNothing ? { kind: 'none' } : matchIdentity(state, scope.rules.matchRules, mapped.fields);
  const key = { definition: scope.definition, objectClass: scope.accountClass, uid };
  const link = (identity: number): void => state.link({ ...key, identityId: identity, ...(name !== undefined && { name }) });
  if (match.kind === 'one') {
    if (scope.trusted && scope.rules.actions.oneMatch === 'update') state.updateIdentity(match.identity, identityFields(mapped.fields));
    link(match.identity);
    return { event: { event: 'link', ...base, identity: match.identity, rule: match.rule }, attributesJson: comparison.json, save };
  }
  if (match.kind === 'many') {
    if (!comparison.changed) return { save };
    return { event: { event: 'conflict', ...base, identities: match.identities, rule: match.rule }, attributesJson: comparison.json, save };
  }
  if (scope.rules.actions.noMatch === 'create') {
    const fields = newIdentityFields(mapped.fields, scope.defaults);
    const identity = state.createIdentity(fields);
    link(identity);
    return { event: { event: 'create', ...base, attributes: sortedRecord({ ...fields, ...mapped.fields }), identity }, save };
  }
  if (!comparison.changed) return { save };
  return { event: { event: 'unmatched', ...base }, attributesJson: comparison.json, save };
}

/** An account the target no longer has. Unknown accounts (never reconciled, or already reported) emit nothing. */
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

function sortedRecord(record: MappedRecord): MappedRecord {
  const sorted: MappedRecord = {};
  for (const key of Object.keys(record).sort()) sorted[key] = record[key]!;
  return sorted;
}

function nameFromSnapshot(scope: ReconScope, uid: string): string | undefined {
  if (scope.nameField === undefined) return undefined;
  const json = scope.state.getAccountSnapshot(scope.definition, scope.accountClass, uid)?.attributesJson;
  if (json === undefined) return undefined;
  const value = (JSON.parse(json) as Record<string, unknown>)[scope.nameField];
  return typeof value === 'string' ? value : undefined;
}
