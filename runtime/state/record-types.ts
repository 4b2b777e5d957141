// Record types of the state store's reconciliation areas: identities, accounts and links,
// reconciliation runs and stored lookup values (see types.ts for the store itself).

// ---------------------------------------------------------------- identity store

export type IdentityValue = string | number | boolean | null;
export type IdentityFields = Readonly<Record<string, IdentityValue>>;
export type IdentityId = number;

export interface Identity {
  id: IdentityId;
  fields: Record<string, IdentityValue>;
  createdAt: string;
  updatedAt: string;
}

export interface FindIdentityOptions {
  /** Compare case-insensitively (Unicode lower case). Values always compare as text: 42 matches "42". */
  ignoreCase?: boolean;
}

// ---------------------------------------------------------------- accounts and links

export interface AccountKey {
  definition: string;
  objectClass: string;
  uid: string;
}

/** A target account the store knows of: seen in a run, snapshotted, or linked to an identity. */
export interface KnownAccount extends AccountKey {
  identityId?: IdentityId;
  name?: string;
  /** sha256 of the canonical snapshot JSON, when stored by setAccountSnapshot (reconciliation batches store none; getAccountSnapshot derives it). */
  snapshotHash?: string;
  lastSeenRun?: RunId;
  updatedAt: string;
}

export interface AccountLink extends KnownAccount {
  identityId: IdentityId;
  linkedAt: string;
}

export interface LinkInput extends AccountKey {
  identityId: IdentityId;
  name?: string;
}

export interface AccountSnapshot {
  /** Canonical JSON (object keys sorted), so that equal attributes give equal text and hash. */
  attributesJson: string;
  hash: string;
  updatedAt: string;
}

/** An account with its snapshot text, as the reconciliation hot path reads it. */
export interface AccountState extends KnownAccount {
  snapshotJson?: string;
}

export interface AccountStateInput {
  uid: string;
  /** Stored when given; a null-free update keeps the stored name. */
  name?: string;
  /** The new snapshot, canonical JSON (object keys sorted); absent: keep the stored one. */
  snapshotJson?: string;
}

export interface SnapshotInput {
  uid: string;
  attributesJson: string;
}

// ---------------------------------------------------------------- recon runs

export type RunId = number;
export type ReconRunMode = 'full' | 'incremental' | 'filtered';
/** `abandoned`: a newer run of the same kind started instead of resuming this one. */
export type ReconRunOutcome = 'completed' | 'failed' | 'abandoned';

export interface ReconRun {
  id: RunId;
  definition: string;
  objectClass: string;
  mode: ReconRunMode;
  startedAt: string;
  finishedAt?: string;
  outcome?: ReconRunOutcome;
  /** Distinct uids recorded with `recordEmitted` for this run. */
  emitted: number;
}

// ---------------------------------------------------------------- lookups

/** One value of a lookup (OIM lookup definition entry): code key, decode, and the target id it stands for. */
export interface LookupEntry {
  code: string;
  decode: string;
  id: string;
}

export interface LookupSync {
  definition: string;
  lookup: string;
  /** Entries stored by the last sync. */
  count: number;
  syncedAt: string;
}
