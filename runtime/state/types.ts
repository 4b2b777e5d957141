// The state store contract. Callers (reconcile, provision, cli) depend on this interface
// only, so that a server database can replace the embedded SQLite file later.
// The contract is synchronous on purpose: the embedded store answers in microseconds, and
// `transaction(fn)` can then guarantee that nothing else interleaves with a group of writes.
// Timestamps are ISO-8601 UTC strings (`Date#toISOString`), so they sort as text.
import type {
  IdentityValue,
  IdentityFields,
  IdentityId,
  Identity,
  FindIdentityOptions,
  AccountKey,
  KnownAccount,
  AccountLink,
  LinkInput,
  AccountSnapshot,
  AccountState,
  AccountStateInput,
  SnapshotInput,
  RunId,
  ReconRunMode,
  ReconRunOutcome,
  ReconRun,
  LookupEntry,
  LookupSync,
} from './record-types.js';

export * from './record-types.js';

/** Where `openStateStore()` puts the file when no path is given (relative to the working directory). */
/** One object of an incremental round: its JSON, or null when the target deleted it. */
export interface RoundChange {
  uid: string;
  raw: string | null;
}

/** A transaction begun by openTransaction: it ends with exactly one of commit or rollback. */
export interface OpenTransaction {
  commit(): void;
  rollback(): void;
}

export const defaultStatePath = '.connector/state.db';

// ---------------------------------------------------------------- sync tokens

/** delta = a delta link, watermark = a timestamp, checkpoint = where an interrupted full run resumes. */
export type SyncTokenKind = 'delta' | 'watermark' | 'checkpoint';

export interface SyncTokenKey {
  definition: string;
  objectClass: string;
  kind: SyncTokenKind;
}

export interface SyncToken extends SyncTokenKey {
  /** The delta link, watermark, or (checkpoint) the continuation of the last completed page. */
  value: string;
  /** For a checkpoint: how many events were already written before `value`. */
  count?: number;
  updatedAt: string;
}

// ---------------------------------------------------------------- write journal

export type JournalStepStatus = 'pending' | 'running' | 'done' | 'failed';
export type JournalOutcome = 'succeeded' | 'failed' | 'partial';

export interface JournalStepInput {
  /** Unique within the journal entry, stable across reruns (e.g. "create", "groups.add:<id>"). */
  id: string;
  label: string;
  /** The request that performs the step, already redacted. */
  request?: unknown;
}

export interface BeginJournalInput {
  definition: string;
  objectClass: string;
  operation: string;
  name?: string;
  uid?: string;
  /** The operation input, already redacted by the caller. */
  input: unknown;
  steps: readonly JournalStepInput[];
}

export interface JournalStep {
  id: string;
  label: string;
  request?: unknown;
  /** `running` after a crash means: the request may or may not have reached the target. */
  status: JournalStepStatus;
  detail?: unknown;
  /** How many times the step was marked `running`. */
  attempts: number;
  updatedAt: string;
}

export interface JournalEntry {
  id: number;
  definition: string;
  objectClass: string;
  operation: string;
  name?: string;
  uid?: string;
  input: unknown;
  /** Absent while the operation is unfinished (or was killed). */
  outcome?: JournalOutcome;
  createdAt: string;
  updatedAt: string;
  finishedAt?: string;
  /** In the order given to `beginJournal`. */
  steps: JournalStep[];
}

/** `findOpenJournal` matches an entry by name or by uid (either may be given, at least one must). */
export interface JournalKey {
  name?: string;
  uid?: string;
}

export interface JournalFilter {
  definition?: string;
  objectClass?: string;
  operation?: string;
  /** true: only unfinished or partial entries; false: only finished ones. */
  open?: boolean;
  outcome?: JournalOutcome;
  /** Newest first; default 100. */
  limit?: number;
}

// ---------------------------------------------------------------- audit log

export type AuditOutcome = 'success' | 'failure';

export interface AuditInput {
  definition: string;
  objectClass: string;
  operation: string;
  uid?: string;
  name?: string;
  outcome: AuditOutcome;
  /** The error kind of a failure (runtime/errors.ts). */
  kind?: string;
  message?: string;
  actor?: string;
  /** Redacted by the caller; keys that look secret are dropped again before storing. */
  details?: unknown;
}

export interface AuditRecord extends AuditInput {
  id: number;
  at: string;
}

export interface AuditFilter {
  definition?: string;
  objectClass?: string;
  /** Inclusive lower bound (ISO string or Date). */
  since?: string | Date;
  outcome?: AuditOutcome;
  /** Default 100. */
  limit?: number;
}


// ---------------------------------------------------------------- the store

export interface StateStore {
  /** The file (or ":memory:"). */
  readonly path: string;

  /**
   * Runs fn in one transaction: all of its writes, or none when it throws. fn must be synchronous.
   * Use it to group bulk writes (about ten times faster than a commit per call) and
   * to commit related rows together (emitted uids with the page checkpoint). Nested calls are
   * savepoints. A store call that throws inside fn has written nothing, but let the error end fn
   * rather than catching it, unless it is wrapped in its own nested transaction.
   */
  transaction<T>(fn: () => T): T;
  /**
   * Begins a write transaction that stays open across awaits, until commit or rollback: every
   * store call joins it, and `transaction(fn)` inside it is a savepoint. For long streams of
   * small writes committed in groups (reconciliation pages). One at a time per store.
   */
  openTransaction(): OpenTransaction;
  close(): void;

  getToken(key: SyncTokenKey): SyncToken | undefined;
  setToken(key: SyncTokenKey, value: string, count?: number): SyncToken;
  deleteToken(key: SyncTokenKey): boolean;
  listTokens(definition?: string): SyncToken[];

  beginJournal(input: BeginJournalInput): number;
  setJournalUid(id: number, uid: string): void;
  markStep(id: number, stepId: string, status: JournalStepStatus, detail?: unknown): void;
  finishJournal(id: number, outcome: JournalOutcome): void;
  getJournal(id: number): JournalEntry | undefined;
  findOpenJournal(definition: string, objectClass: string, operation: string, key: JournalKey): JournalEntry | undefined;
  listJournals(filter?: JournalFilter): JournalEntry[];

  audit(input: AuditInput): number;
  listAudit(filter?: AuditFilter): AuditRecord[];

  createIdentity(fields: IdentityFields): IdentityId;
  createIdentities(list: Iterable<IdentityFields>): IdentityId[];
  /** Merges fields (null clears one); returns the names whose value changed. */
  updateIdentity(id: IdentityId, fields: IdentityFields): string[];
  getIdentity(id: IdentityId): Identity | undefined;
  deleteIdentity(id: IdentityId): boolean;
  findIdentities(field: string, value: string | number | boolean, options?: FindIdentityOptions): IdentityId[];
  countIdentities(): number;
  /** Streams in id order, a page at a time; other store calls may run between items. */
  allIdentities(): IterableIterator<Identity>;

  link(input: LinkInput): void;
  /** Removes the link; the account stays known (snapshot, last seen run). */
  unlink(key: AccountKey): boolean;
  getLinkByUid(key: AccountKey): AccountLink | undefined;
  getLinksByIdentity(identityId: IdentityId): AccountLink[];
  linkedUids(definition: string, objectClass: string): IterableIterator<string>;
  getAccount(key: AccountKey): KnownAccount | undefined;
  /** Forgets the account entirely (link, snapshot, last seen), e.g. after its deletion was reported. */
  forgetAccount(key: AccountKey): boolean;
  /** Records the name of an account without linking it (e.g. before deleting it, so that it can be restored by name later). */
  rememberAccount(key: AccountKey, name: string): void;
  /** Known accounts of a class with this name (case-insensitive), most recently updated first. */
  findAccountsByName(definition: string, objectClass: string, name: string): KnownAccount[];
  markSeen(definition: string, objectClass: string, uid: string, runId: RunId): void;
  markSeenMany(definition: string, objectClass: string, uids: Iterable<string>, runId: RunId): void;
  /** How many accounts of the class the store knows (linked or not). */
  countAccounts(definition: string, objectClass: string): number;
  /** Known accounts not marked seen in run `runId` or later: deletion candidates after a full run. */
  unseenSince(definition: string, objectClass: string, runId: RunId): IterableIterator<KnownAccount>;
  getAccountSnapshot(definition: string, objectClass: string, uid: string): AccountSnapshot | undefined;
  /** Stores the snapshot; returns true when it differs from the previous one (or there was none). */
  setAccountSnapshot(definition: string, objectClass: string, uid: string, attributesJson: string): boolean;
  /** Returns the uids whose snapshot changed. */
  setAccountSnapshots(definition: string, objectClass: string, snapshots: Iterable<SnapshotInput>): string[];

  /** Reconciliation batches: the stored state of many accounts in one read (unknown uids are absent). */
  getAccountStates(definition: string, objectClass: string, uids: readonly string[]): Map<string, AccountState>;
  /** Reconciliation batches: marks the accounts seen in `runId` and stores the names and snapshots given, a few statements per page. */
  saveAccountStates(definition: string, objectClass: string, runId: RunId, rows: readonly AccountStateInput[]): void;

  /** Forgets the changes stored under this round key. */
  clearRoundChanges(round: string): void;
  /** Stores changes of a round: per uid the last one given wins and moves to the end of the order. */
  putRoundChanges(round: string, changes: readonly RoundChange[]): void;
  /** The round's changes in the order they were last given, a page at a time. */
  roundChanges(round: string): IterableIterator<RoundChange>;

  /** Starts a run; an earlier resumable run of the same kind becomes `abandoned`. */
  beginRun(definition: string, objectClass: string, mode: ReconRunMode): ReconRun;
  finishRun(runId: RunId, outcome: 'completed' | 'failed'): void;
  /** The latest run of that kind if it is unfinished or failed, i.e. resumable. */
  getOpenRun(definition: string, objectClass: string, mode: ReconRunMode): ReconRun | undefined;
  getRun(runId: RunId): ReconRun | undefined;
  recordEmitted(runId: RunId, uid: string): void;
  recordEmittedMany(runId: RunId, uids: Iterable<string>): void;
  wasEmitted(runId: RunId, uid: string): boolean;

  /** Replaces every stored value of the lookup in one transaction and records the sync. */
  replaceLookupValues(definition: string, lookup: string, entries: Iterable<LookupEntry>): LookupSync;
  /** The last sync of the lookup; undefined when it was never synced. */
  getLookupSync(definition: string, lookup: string): LookupSync | undefined;
  listLookupSyncs(definition: string): LookupSync[];
  /** The stored values in sync order. */
  lookupValues(definition: string, lookup: string): LookupEntry[];
  /** Entries whose code, id or decode equals value, ignoring case. */
  findLookupValues(definition: string, lookup: string, value: string): LookupEntry[];
}
