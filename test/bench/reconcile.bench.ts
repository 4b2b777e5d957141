// Full reconciliation throughput against the Graph fake with 100,000 users and $top=999,
// compared in the same run with a raw got + JSON.parse page loop and with the Microsoft Graph
// JS SDK's PageIterator over the same request (each getting its own token first, as the
// connector's run does), plus the reconcile process's peak RSS at 100k and 50k objects (flat memory). Two scenarios: the fake answering at loopback speed (every
// contender is then CPU-bound, on a machine it shares with the fake), and with a per-request
// latency, as a real tenant has. `npm run bench reconcile`; BENCH_USERS, BENCH_ROUNDS and
// BENCH_LATENCY_MS change the defaults (100000, 3, 50).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBenchFake } from './bench-fake.js';
import { graphSdkLoop, rawGotLoop, reconcileSelect } from './page-loops.js';
import { reportScenario, type ScenarioResult } from './print-table.js';
import { runReconcileCli, type ReconcileRun } from './reconcile-cli.js';
import { envInteger } from './support/bench-report.js';
import { office365Definition } from '../support/project-paths.js';

const users = envInteger('BENCH_USERS', 100_000);
const rounds = envInteger('BENCH_ROUNDS', 3);
const latencyMs = envInteger('BENCH_LATENCY_MS', 50);

const fake = await startBenchFake(users);
const dir = mkdtempSync(join(tmpdir(), 'grc-bench-'));
let states = 0;
try {
  const settings = join(dir, 'settings.json');
  writeFileSync(settings, JSON.stringify({
    tenantId: fake.tenantId, clientId: fake.clientId, clientSecret: fake.clientSecret, domain: fake.domain,
    graphBaseUrl: fake.graphBaseUrl, authorityHost: fake.authorityHost, pageSize: 999,
  }));
  const select = await reconcileSelect(office365Definition);
  const url = `${fake.graphBaseUrl}/users?$select=${select}&$top=999`;
  const fresh = (): string => join(dir, `state-${++states}.db`);
  const events = (): string => join(dir, `events-${states}.ndjson`);

  const scenario = async (name: string, label: string, count: number): Promise<ScenarioResult> => {
    const raw: number[] = [];
    const sdk: number[] = [];
    const full: ReconcileRun[] = [];
    let steady: ReconcileRun | undefined;
    // Interleaved, so that a noisy neighbour slows every contender alike; the median counts.
    for (let round = 1; round <= count; round++) {
      raw.push(await timed(() => rawGotLoop(url, fake)));
      sdk.push(await timed(() => graphSdkLoop(fake, select)));
      const state = fresh();
      full.push(await runReconcileCli(settings, state, events(), []));
      if (round === 1) steady = await runReconcileCli(settings, state, events(), []);
    }
    const half = await runReconcileCli(settings, fresh(), events(), ['--limit', String(users / 2)]);
    return { name, label, users, raw, sdk, full, steady: steady!, half };
  };

  reportScenario(await scenario('loopback', 'loopback, no added latency', rounds));
  await fake.setLatency(latencyMs);
  reportScenario(await scenario(`latency-${latencyMs}ms`, `${latencyMs} ms per request`, Math.max(1, rounds - 1)));
  await fake.setLatency(0);
} finally {
  rmSync(dir, { recursive: true, force: true });
  await fake.stop();
}

async function timed(task: () => Promise<number>): Promise<number> {
  const started = performance.now();
  const count = await task();
  if (count !== users) throw new Error(`expected ${users} objects, got ${count}`);
  return performance.now() - started;
}
