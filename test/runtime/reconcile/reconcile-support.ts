// Reconciliation through the library against an in-process Graph fake: a connector on the
// Office 365 definition with a state store and an events file in a temp dir.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGraphFake, type GraphFake, type GraphFakeOptions } from '../../../fixtures/graph/index.js';
import { loadDefinition } from '../../../runtime/definition/load-definition.js';
import { Connector } from '../../../runtime/operations/connector.js';
import { openFileSink, type EventSink } from '../../../runtime/reconcile/event-sink.js';
import { runReconciliation, type ReconcileOptions, type ReconcileSummary } from '../../../runtime/reconcile/run-reconciliation.js';
import { openStateStore } from '../../../runtime/state/index.js';
import type { StateStore } from '../../../runtime/state/types.js';
import { office365Definition } from '../../support/project-paths.js';

export interface ReconEventLine {
  event: string;
  class: string;
  uid: string;
  name?: string;
  attributes?: Record<string, unknown>;
  identity?: number;
  identities?: number[];
  rule?: number;
}

export interface ReconHarness {
  fake: GraphFake;
  connector: Connector;
  state: StateStore;
  dir: string;
  warnings: string[];
  /** Runs a reconciliation writing to a fresh events file; returns the summary and the events. */
  reconcile(options: Partial<ReconcileOptions> & { file?: string; sink?: (at: number | undefined, file: string) => EventSink }): Promise<{ summary: ReconcileSummary; events: ReconEventLine[] }>;
  close(): Promise<void>;
}

export async function startReconHarness(options: GraphFakeOptions = {}): Promise<ReconHarness> {
  const fake = await startGraphFake({ users: 60, seed: 5, ...options });
  const definition = await loadDefinition(office365Definition);
  const dir = mkdtempSync(join(tmpdir(), 'grc-reconcile-'));
  const state = openStateStore(join(dir, 'state.db'));
  const connector = Connector.create(definition, {
    tenantId: fake.tenantId, clientId: fake.clientId, clientSecret: fake.clientSecret, domain: fake.domain,
    graphBaseUrl: fake.graphBaseUrl, authorityHost: fake.authorityHost, pageSize: 25,
  }, { state, ca: fake.caFile });
  const warnings: string[] = [];
  let files = 0;
  return {
    fake, connector, state, dir, warnings,
    async reconcile({ file = join(dir, `events-${++files}.ndjson`), sink, ...rest }) {
      const summary = await runReconciliation(connector.session, {
        objectClass: 'user', mode: 'full', warn: (message) => warnings.push(message), ...rest,
        openSink: (at) => (sink ? sink(at, file) : openFileSink(file, at).sink),
      });
      return { summary, events: readEvents(file) };
    },
    async close() {
      await connector.close();
      state.close();
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function readEvents(file: string): ReconEventLine[] {
  return readFileSync(file, 'utf8').split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as ReconEventLine);
}

export function byEvent(events: readonly ReconEventLine[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const event of events) (out[event.event] ??= []).push(event.uid);
  for (const list of Object.values(out)) list.sort();
  return out;
}
