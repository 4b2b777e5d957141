// `apply` throughput: 5,000 creates with memberships and licenses against the Graph fake (in
// its own process) with 20 ms added to every request, compared in the same run with the same
// writes sent one request at a time as OIM does. The baseline is the same engine with one
// identity and one request in flight and batching off; it is linear by construction, so it
// runs on a sample (BENCH_BASELINE identities, default 500) and is projected to 5,000
// (BENCH_BASELINE=5000 runs it in full, about 7 minutes).
// Run: npm run bench -- apply   (or, after npx tsc: NODE_EXTRA_CA_CERTS=$PWD/.cache/tls/cert.pem node --import tsx test/bench/apply.bench.ts)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import got from 'got';
import { startBenchFake, type BenchFake } from './bench-fake.js';
import { compiledRuntime } from './support/compiled-runtime.js';
import { envInteger, report, type BenchResult } from './support/bench-report.js';
import { office365Definition } from '../support/project-paths.js';
import { scaleIdentities, scalePolicy } from '../support/provision-scale.js';

const identities = envInteger('BENCH_IDENTITIES', 5000);
const sample = Math.min(identities, envInteger('BENCH_BASELINE', 500));
const latencyMs = envInteger('BENCH_LATENCY_MS', 20);
const seeded = identities + 200;

interface Counters {
  requests: number;
  writes: number;
  batches: number;
  batchItems: number;
}

interface Run extends Counters {
  ms: number;
  identities: number;
}

const runtime = await compiledRuntime();
const definition = await runtime.loadDefinition(office365Definition);
const policy = await runtime.checkPolicy(definition, scalePolicy);
const fake = await startBenchFake(seeded);
const dir = mkdtempSync(join(tmpdir(), 'grc-apply-bench-'));

async function contender(label: string, count: number, options: { concurrency: number; http: number; batch: boolean }): Promise<Run> {
  // A fresh tenant (enough spare EMS licenses for every identity), the same latency.
  await got.post(`${fake.adminUrl}/reset`, { json: { users: seeded } });
  await fake.setLatency(latencyMs);
  const state = runtime.openStateStore(join(dir, `${label}.db`));
  const settings = { tenantId: fake.tenantId, clientId: fake.clientId, clientSecret: fake.clientSecret, domain: fake.domain, graphBaseUrl: fake.graphBaseUrl, authorityHost: fake.authorityHost };
  const connector = runtime.createConnector(definition, settings, { state, concurrency: options.http, batch: options.batch, ca: fake.caFile });
  try {
    await connector.test();
    await got.post(`${fake.adminUrl}/counters/reset`);
    const started = performance.now();
    const result = await runtime.applyPolicy(connector, policy, scaleIdentities(count, label).map((claims) => ({ claims })), { concurrency: options.concurrency });
    const ms = performance.now() - started;
    const failed = result.identities!.filter((outcome) => outcome.outcome !== 'success');
    if (failed.length > 0) throw new Error(`${label}: ${failed.length} identities failed, e.g. ${JSON.stringify(failed[0])}`);
    const counters = (await got(`${fake.adminUrl}/counters`).json()) as Counters;
    return { ms, identities: count, requests: counters.requests, writes: counters.writes, batches: counters.batches, batchItems: counters.batchItems };
  } finally {
    await connector.close();
    state.close();
  }
}

/** The fake counts every write inside a $batch as a request, as Graph's throttling does. */
function httpRequests(run: Counters): number {
  return run.requests - run.batchItems + run.batches;
}

try {
  const apply = await contender('apply', identities, { concurrency: 256, http: definition.connection.rateLimit.concurrency, batch: true });
  const baseline = await contender('serial', sample, { concurrency: 1, http: 1, batch: false });
  const projectedMs = (baseline.ms / sample) * identities;
  const speedup = projectedMs / apply.ms;
  const results: BenchResult[] = [
    { bench: 'apply', metric: `apply ${identities} identities (concurrency + $batch)`, value: apply.ms / 1000, unit: 's', detail: { ...apply } },
    { bench: 'apply', metric: 'apply identities per second', value: (identities / apply.ms) * 1000, unit: '/s' },
    { bench: 'apply', metric: 'apply HTTP requests (a $batch carries up to 20 writes)', value: httpRequests(apply), unit: 'requests', detail: { writes: apply.writes, batches: apply.batches } },
    { bench: 'apply', metric: `one request at a time, ${sample} measured, projected to ${identities}`, value: projectedMs / 1000, unit: 's', detail: { ...baseline } },
    { bench: 'apply', metric: 'one request at a time: HTTP requests per identity', value: httpRequests(baseline) / sample, unit: 'requests' },
    { bench: 'apply', metric: 'speedup of apply over one request at a time', value: speedup, unit: 'x', target: { op: '>=', value: 10 } },
  ];
  report(`apply: ${identities} creates with group memberships and a license each, ${latencyMs} ms added per request`, results);
} finally {
  rmSync(dir, { recursive: true, force: true });
  await fake.stop();
}
