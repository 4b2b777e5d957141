// The plan of an apply: one entry per identity, what will change and why. The public part
// (IdentityPlan) is what --dry-run prints; the private part carries what execution needs.
import type { JournalEntry } from '../state/types.js';
import type { Step } from '../operations/run-steps.js';
import type { SpecialValue } from '../operations/special-values.js';
import type { DesiredPresent } from './desired-state.js';

export type PlanAction = 'create' | 'restore' | 'update' | 'delete' | 'disable' | 'none' | 'error';

export interface SpecialChange {
  readonly attribute: string;
  readonly add?: readonly string[];
  readonly remove?: readonly string[];
  /** Single-valued attributes: the new value, or null to clear it. */
  readonly set?: string | null;
}

export interface IdentityPlan {
  readonly key: string;
  readonly name?: string;
  readonly action: PlanAction;
  readonly uid?: string;
  /** Why an account is deleted, disabled or left alone. */
  readonly reason?: string;
  /** Create/restore: every attribute written; update: the changed ones only (secrets redacted). */
  readonly attributes?: Readonly<Record<string, unknown>>;
  readonly specials?: readonly SpecialChange[];
  readonly error?: { readonly kind: string; readonly message: string };
  /** Where the identity came from (file line or event number). */
  readonly source?: string;
}

/** Desired special values resolved to target uids. */
export type ResolvedSpecials = ReadonlyMap<string, SpecialValue[] | SpecialValue | null>;

export interface PlannedIdentity {
  readonly plan: IdentityPlan;
  readonly desired?: DesiredPresent;
  readonly specials?: ResolvedSpecials;
  /** Update: the engine steps, built from the current state. */
  readonly steps?: readonly Step[];
  /** An unfinished apply journal of this account, to continue. */
  readonly open?: JournalEntry;
  /** When an interrupted run created the account (it may still be replicating). */
  readonly createdAt?: number;
  /** A manager (or other reference) to an account this run creates: set once it exists. */
  readonly deferred?: ReadonlyArray<{ readonly special: string; readonly name: string }>;
}

export interface IdentityOutcome {
  readonly key: string;
  readonly name?: string;
  readonly action: PlanAction;
  readonly uid?: string;
  readonly outcome: 'success' | 'partial' | 'failed' | 'unchanged';
  readonly steps?: ReadonlyArray<{ readonly id: string; readonly status: string; readonly error?: Readonly<Record<string, unknown>> }>;
  readonly error?: { readonly kind: string; readonly message: string };
  readonly source?: string;
  /** The account was found by name after the create answered AlreadyExists. */
  readonly linked?: boolean;
  /** A journal entry of an interrupted run was continued. */
  readonly resumedFrom?: number;
}
