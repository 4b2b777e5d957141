// A reconciliation run: resume the interrupted run of the same request or begin one, read the
// chosen source batch by batch, reconcile the batches and commit their state changes, event
// lines and checkpoint together (a few pages per commit, see commit-group.ts); after a listing
// of the whole class, report the known accounts it did not return as deleted; then store the
// round's token and close the run.
// Tokens and the run's completion move in one transaction at the very end, so an interrupted
// round is redone from the old token and never skips a change.
import type { DefinitionModel } from '../definition/model.js';
import { requireClass } from '../operations/operation-names.js';
import type { ConnectorSession } from '../operations/session.js';
import type { ChangeSource } from './change-source.js';
import { CommitGroup } from './commit-group.js';
import { checkpointKey, resumableCheckpoint, saveCheckpoint, type Checkpoint } from './checkpoint.js';
import { chooseSource, tokenKey, type SourceRequest } from './choose-source.js';
import type { EventSink } from './event-sink.js';
import { emptyCounts, totalEvents, type EventCounts } from './events.js';
import { heapTrimmer } from '../heap-trim.js';
import { DeltaLinkExpired } from './read-delta.js';
import { buildReconScope } from './recon-scope.js';
import { prepareBatch, reconcileBatch, type PreparedBatch } from './reconcile-batch.js';
import { requireState } from './require-state.js';
import { RunAccounts } from './run-accounts.js';
import { reportUnseen } from './unseen-accounts.js';

export interface ReconcileOptions {
  objectClass: string;
  mode: 'full' | 'incremental';
  trusted?: boolean;
  filter?: string;
  rawFilter?: string;
  uid?: string;
  limit?: number;
  /** Special attributes of the map read with a request per object: 'all' or names (default none). */
  specials?: 'all' | readonly string[];
  /** Ignore the checkpoint of an interrupted run and start a new one. */
  restart?: boolean;
  /** Objects per batch of a collected incremental round (default 500). */
  batchSize?: number;
  /** Objects a changes round holds in memory before it moves them to the state store (default 10,000). */
  roundInMemory?: number;
  /** Objects per commit (checkpoint) at most, default 5000; a second without a commit also commits. */
  commitEvery?: number;
  /** Called with the committed length of the output when the run resumes, before anything is written; returns the sink. */
  openSink: (resumeAt: number | undefined) => EventSink;
  warn?: (message: string) => void;
  onProgress?: (progress: { objects: number; pages: number; events: number }) => void;
}

export interface ReconcileSummary {
  class: string;
  mode: 'full' | 'incremental' | 'filtered';
  trusted: boolean;
  source: string;
  runId: number;
  resumed: boolean;
  objects: number;
  pages: number;
  events: number;
  counts: EventCounts;
  /** The token stored for the next incremental round, if this run advanced one. */
  advanced?: 'delta' | 'watermark';
  durationMs: number;
}

export async function runReconciliation(session: ConnectorSession, options: ReconcileOptions): Promise<ReconcileSummary> {
  const started = performance.now();
  const state = requireState(session);
  const definition: DefinitionModel = session.definition;
  const cls = requireClass(definition, options.objectClass);
  const trusted = options.trusted === true;
  const scope = buildReconScope(definition, cls, state, session.connection.context.config, { trusted, ...(options.specials && { specials: options.specials }) });
  const partial = options.uid !== undefined || options.filter !== undefined || options.rawFilter !== undefined || options.limit !== undefined;
  const runMode = partial ? 'filtered' : options.mode;
  const requestKey = JSON.stringify({ mode: options.mode, trusted, filter: options.filter, rawFilter: options.rawFilter, uid: options.uid, limit: options.limit, specials: options.specials });
  const cpKey = checkpointKey(scope.definition, scope.accountClass);
  const resume = options.restart ? undefined : resumableCheckpoint(state, cpKey, runMode, requestKey);
  const run = resume ? { id: resume.runId } : state.beginRun(scope.definition, scope.accountClass, runMode);
  if (!resume) state.deleteToken(cpKey);
  let sink = options.openSink(resume?.bytes);
  const progress: Checkpoint = resume ?? { runId: run.id, request: requestKey, bytes: sink.position, counts: emptyCounts(), objects: 0, pages: 0 };
  // What the last commit made durable: an abandoned group's counts and lines are taken back to it.
  let committed = { counts: { ...progress.counts }, objects: progress.objects, bytes: sink.position };
  const request: SourceRequest = {
    mode: options.mode, batchSize: options.batchSize ?? 500,
    ...(options.roundInMemory !== undefined && { roundInMemory: options.roundInMemory }),
    ...(options.filter !== undefined && { filter: options.filter }), ...(options.rawFilter !== undefined && { rawFilter: options.rawFilter }),
    ...(options.uid !== undefined && { uid: options.uid }), ...(options.limit !== undefined && { limit: options.limit }),
  };
  let source = chooseSource(session, scope, request, resume);
  const accounts = new RunAccounts(resume ? Number.POSITIVE_INFINITY : state.countAccounts(scope.definition, scope.accountClass), run.id);
  const trimHeap = heapTrimmer(64);
  const readsPerObject = scope.map.requestedSpecials.some((name) => !scope.unread.has(name));
  const group = new CommitGroup(state, {
    checkpoint: (continuation, pages) => {
      progress.pages += pages;
      progress.bytes = sink.position;
      const next: Checkpoint = { ...progress };
      delete next.continuation;
      if (continuation !== undefined) next.continuation = continuation;
      const maxTimestamp = source.maxTimestamp?.();
      if (maxTimestamp !== undefined) next.maxTimestamp = maxTimestamp;
      saveCheckpoint(state, cpKey, next);
    },
    committed: () => {
      committed = { counts: { ...progress.counts }, objects: progress.objects, bytes: progress.bytes };
      options.onProgress?.({ objects: progress.objects, pages: progress.pages, events: totalEvents(progress.counts) });
    },
  }, options.commitEvery);
  // Lines are written before the checkpoint commits: a kill in between leaves lines the rerun cuts off.
  const reconcile = (batch: PreparedBatch): void => {
    const types = group.write(() => reconcileBatch(scope, batch, accounts, run.id, (lines) => { if (lines.length > 0) sink.write(lines); }));
    for (const type of types) progress.counts[type]++;
    progress.objects += batch.objects.length;
  };
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        let asked = performance.now();
        for await (const batch of source.batches()) {
          const waitedMs = performance.now() - asked;
          // Special attributes cost a request per object: the store's write lock is not held
          // across those, so that other processes can write to the state file meanwhile.
          if (readsPerObject) group.commit();
          const prepared = await prepareBatch(session, scope, batch.upserts, batch.deletions);
          reconcile(prepared);
          group.pageDone(prepared.objects.length + prepared.deletions.length, batch.continuation, waitedMs);
          trimHeap();
          asked = performance.now();
        }
        group.commit();
        break;
      } catch (error) {
        group.abandon();
        if (!(error instanceof DeltaLinkExpired) || attempt > 1) throw error;
        // The resync redoes the abandoned pages: their counts go, and their lines are cut off
        // the output (reopened at the committed length, as a rerun after a kill would).
        progress.counts = { ...committed.counts };
        progress.objects = committed.objects;
        sink.close();
        sink = options.openSink(committed.bytes);
        options.warn?.(`${error.message}; starting a full resync (a first delta round over every object)`);
        state.deleteToken(tokenKey(scope, 'delta'));
        source = chooseSource(session, scope, request, undefined, true);
      }
    }
    if (source.enumeratesAll && scope.recon.deletedObjects !== 'none' && !accounts.sawAllKnown) {
      reportUnseen(scope, run.id, (uids) => {
        reconcile({ objects: [], deletions: uids });
        group.commit();
      });
    }
    const token = partial ? undefined : source.nextToken();
    state.transaction(() => {
      if (token) state.setToken(tokenKey(scope, token.kind), token.value);
      state.deleteToken(cpKey);
      state.finishRun(run.id, 'completed');
    });
    return {
      class: cls.name, mode: runMode, trusted, source: source.description, runId: run.id, resumed: resume !== undefined,
      objects: progress.objects, pages: progress.pages, events: totalEvents(progress.counts), counts: progress.counts,
      ...(token && { advanced: token.kind }), durationMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    group.abandon();
    // Failed runs stay resumable (getOpenRun): the checkpoint is kept for the rerun.
    if (state.getRun(run.id)?.outcome === undefined) state.finishRun(run.id, 'failed');
    throw error;
  } finally {
    sink.close();
  }
}
