// The embedded StateStore: one SQLite file, one connection, one class per area behind it.
import type {
  AccountKey, AccountLink, AccountState, AccountStateInput, AccountSnapshot, AuditFilter, AuditInput, AuditRecord, BeginJournalInput, FindIdentityOptions,
  Identity, IdentityFields, IdentityId, JournalEntry, JournalFilter, JournalKey, JournalOutcome, JournalStepStatus,
  KnownAccount, LinkInput, LookupEntry, LookupSync, OpenTransaction, ReconRun, RoundChange, ReconRunMode, RunId, SnapshotInput, StateStore, SyncToken, SyncTokenKey,
} from '../types.js';
import { AccountBatches } from './account-batches.js';
import { AccountSnapshots } from './account-snapshots.js';
import { Accounts } from './accounts.js';
import { AuditLog } from './audit.js';
import type { SqliteContext } from './database.js';
import { Identities } from './identities.js';
import { Journal } from './journal.js';
import { LookupValues } from './lookup-values.js';
import { ReconRuns } from './recon-runs.js';
import { RoundChanges } from './round-changes.js';
import { SyncTokens } from './sync-tokens.js';

export class SqliteStateStore implements StateStore {
  private readonly tokens: SyncTokens;
  private readonly journal: Journal;
  private readonly auditLog: AuditLog;
  private readonly identities: Identities;
  private readonly accounts: Accounts;
  private readonly snapshots: AccountSnapshots;
  private readonly runs: ReconRuns;
  private readonly lookups: LookupValues;
  private readonly rounds: RoundChanges;
  private readonly accountBatches: AccountBatches;

  constructor(readonly path: string, private readonly sql: SqliteContext) {
    this.tokens = new SyncTokens(sql);
    this.journal = new Journal(sql);
    this.auditLog = new AuditLog(sql);
    this.identities = new Identities(sql);
    this.accounts = new Accounts(sql);
    this.snapshots = new AccountSnapshots(sql);
    this.runs = new ReconRuns(sql);
    this.lookups = new LookupValues(sql);
    this.rounds = new RoundChanges(sql);
    this.accountBatches = new AccountBatches(sql);
  }

  transaction<T>(fn: () => T): T { return this.sql.transaction(fn); }
  openTransaction(): OpenTransaction { return this.sql.openTransaction(); }

  close(): void {
    if (!this.sql.db.open) return;
    // Lets SQLite refresh the statistics its query planner uses, as its documentation advises at close.
    this.sql.db.pragma('optimize');
    this.sql.db.close();
  }

  getToken(key: SyncTokenKey): SyncToken | undefined { return this.tokens.get(key); }
  setToken(key: SyncTokenKey, value: string, count?: number): SyncToken { return this.tokens.set(key, value, count); }
  deleteToken(key: SyncTokenKey): boolean { return this.tokens.delete(key); }
  listTokens(definition?: string): SyncToken[] { return this.tokens.list(definition); }

  beginJournal(input: BeginJournalInput): number { return this.journal.begin(input); }
  setJournalUid(id: number, uid: string): void { this.journal.setUid(id, uid); }
  markStep(id: number, stepId: string, status: JournalStepStatus, detail?: unknown): void { this.journal.markStep(id, stepId, status, detail); }
  finishJournal(id: number, outcome: JournalOutcome): void { this.journal.finish(id, outcome); }
  getJournal(id: number): JournalEntry | undefined { return this.journal.get(id); }
  findOpenJournal(definition: string, objectClass: string, operation: string, key: JournalKey): JournalEntry | undefined {
    return this.journal.findOpen(definition, objectClass, operation, key);
  }
  listJournals(filter?: JournalFilter): JournalEntry[] { return this.journal.list(filter); }

  audit(input: AuditInput): number { return this.auditLog.append(input); }
  listAudit(filter?: AuditFilter): AuditRecord[] { return this.auditLog.list(filter); }

  createIdentity(fields: IdentityFields): IdentityId { return this.identities.create(fields); }
  createIdentities(list: Iterable<IdentityFields>): IdentityId[] { return this.identities.createMany(list); }
  updateIdentity(id: IdentityId, fields: IdentityFields): string[] { return this.identities.update(id, fields); }
  getIdentity(id: IdentityId): Identity | undefined { return this.identities.get(id); }
  deleteIdentity(id: IdentityId): boolean { return this.identities.delete(id); }
  findIdentities(field: string, value: string | number | boolean, options?: FindIdentityOptions): IdentityId[] {
    return this.identities.find(field, value, options);
  }
  countIdentities(): number { return this.identities.count(); }
  allIdentities(): IterableIterator<Identity> { return this.identities.all(); }

  link(input: LinkInput): void { this.accounts.link(input); }
  unlink(key: AccountKey): boolean { return this.accounts.unlink(key); }
  getLinkByUid(key: AccountKey): AccountLink | undefined { return this.accounts.getLink(key); }
  getLinksByIdentity(identityId: IdentityId): AccountLink[] { return this.accounts.linksOf(identityId); }
  linkedUids(definition: string, objectClass: string): IterableIterator<string> { return this.accounts.linkedUids(definition, objectClass); }
  getAccount(key: AccountKey): KnownAccount | undefined { return this.accounts.get(key); }
  forgetAccount(key: AccountKey): boolean { return this.accounts.forget(key); }
  rememberAccount(key: AccountKey, name: string): void { this.accounts.remember(key, name); }
  findAccountsByName(definition: string, objectClass: string, name: string): KnownAccount[] {
    return this.accounts.findByName(definition, objectClass, name);
  }
  markSeen(definition: string, objectClass: string, uid: string, runId: RunId): void { this.accounts.markSeen(definition, objectClass, uid, runId); }
  markSeenMany(definition: string, objectClass: string, uids: Iterable<string>, runId: RunId): void {
    this.accounts.markSeenMany(definition, objectClass, uids, runId);
  }
  unseenSince(definition: string, objectClass: string, runId: RunId): IterableIterator<KnownAccount> {
    return this.accounts.unseenSince(definition, objectClass, runId);
  }
  countAccounts(definition: string, objectClass: string): number {
    return this.accounts.count(definition, objectClass);
  }
  getAccountSnapshot(definition: string, objectClass: string, uid: string): AccountSnapshot | undefined {
    return this.snapshots.get(definition, objectClass, uid);
  }
  setAccountSnapshot(definition: string, objectClass: string, uid: string, attributesJson: string): boolean {
    return this.snapshots.set(definition, objectClass, uid, attributesJson);
  }
  setAccountSnapshots(definition: string, objectClass: string, snapshots: Iterable<SnapshotInput>): string[] {
    return this.snapshots.setMany(definition, objectClass, snapshots);
  }

  getAccountStates(definition: string, objectClass: string, uids: readonly string[]): Map<string, AccountState> {
    return this.accountBatches.read(definition, objectClass, uids);
  }
  saveAccountStates(definition: string, objectClass: string, runId: RunId, rows: readonly AccountStateInput[]): void {
    this.accountBatches.save(definition, objectClass, runId, rows);
  }

  clearRoundChanges(round: string): void { this.rounds.clear(round); }
  putRoundChanges(round: string, changes: readonly RoundChange[]): void { this.rounds.put(round, changes); }
  roundChanges(round: string): IterableIterator<RoundChange> { return this.rounds.list(round); }

  beginRun(definition: string, objectClass: string, mode: ReconRunMode): ReconRun { return this.runs.begin(definition, objectClass, mode); }
  finishRun(runId: RunId, outcome: 'completed' | 'failed'): void { this.runs.finish(runId, outcome); }
  getOpenRun(definition: string, objectClass: string, mode: ReconRunMode): ReconRun | undefined { return this.runs.getOpen(definition, objectClass, mode); }
  getRun(runId: RunId): ReconRun | undefined { return this.runs.get(runId); }
  recordEmitted(runId: RunId, uid: string): void { this.runs.recordEmitted(runId, uid); }
  recordEmittedMany(runId: RunId, uids: Iterable<string>): void { this.runs.recordEmittedMany(runId, uids); }
  wasEmitted(runId: RunId, uid: string): boolean { return this.runs.wasEmitted(runId, uid); }

  replaceLookupValues(definition: string, lookup: string, entries: Iterable<LookupEntry>): LookupSync { return this.lookups.replace(definition, lookup, entries); }
  getLookupSync(definition: string, lookup: string): LookupSync | undefined { return this.lookups.sync(definition, lookup); }
  listLookupSyncs(definition: string): LookupSync[] { return this.lookups.syncs(definition); }
  lookupValues(definition: string, lookup: string): LookupEntry[] { return this.lookups.values(definition, lookup); }
  findLookupValues(definition: string, lookup: string, value: string): LookupEntry[] { return this.lookups.find(definition, lookup, value); }
}
