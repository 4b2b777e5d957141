// Full reconciliation throughput against the Graph fake with 100,000 users and $top=999,
// compared in the same run with a raw got + JSON.parse page loop and with the Microsoft Graph
// JS SDK's PageIterator over the same request, plus the reconcile process's peak RSS at 100k
// and 50k objects (flat memory). Two scenarios: the fake answering at loopback speed (every
// contender CPU-bound on this machine), and with a per-request latency closer to a real tenant.
// Prints a table per scenario and PASS/FAIL per target; exits 1 when a target is missed.
// Run (after npx tsc -p tsconfig.json):
//   NODE_EXTRA_CA_CERTS=$PWD/.cache/tls/cert.pem node --import tsx test/bench/reconcile.bench.ts [--users N] [--rounds N] [--latency-ms N]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startBenchFake } from './bench-fake.js';
import { graphSdkLoop, rawGotLoop, reconcileSelect } from './page-loops.js';
import { printScenario, type ScenarioResult } from './print-table.js';
import { runReconcileCli, type ReconcileRun } from './reconcile-cli.js';
import { office365Definition } from '../support/project-paths.js';

const { values } = parseArgs({ options: { users: { type: 'string', default: '100000' }, rounds: { type: 'string', default: '3' }, 'latency-ms': { type: 'string', default: '50' } } });
const users = Number(values.users);
const rounds = Number(values.rounds);
const latencyMs = Number(values['latency-ms']);

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
  const token = await fake.accessToken();
  const fresh = (): string => join(dir, `state-${++states}.db`);
  const events = (): string => join(dir, `events-${states}.ndjson`);

  const scenario = async (label: string, count: number): Promise<ScenarioResult> => {
    const raw: number[] = [];
    const sdk: number[] = [];
    const full: ReconcileRun[] = [];
    let steady: ReconcileRun | undefined;
    // Interleaved, so that a noisy neighbour slows every contender alike; the median counts.
    for (let round = 1; round <= count; round++) {
      raw.push(await timed(() => rawGotLoop(url, token)));
      sdk.push(await timed(() => graphSdkLoop(fake, select, token)));
      const state = fresh();
      full.push(await runReconcileCli(settings, state, events(), []));
      if (round === 1) steady = await runReconcileCli(settings, state, events(), []);
    }
    const half = await runReconcileCli(settings, fresh(), events(), ['--limit', String(users / 2)]);
    return { label, users, raw, sdk, full, steady: steady!, half };
  };

  const loopback = await scenario('loopback, no added latency', rounds);
  await fake.setLatency(latencyMs);
  const latency = await scenario(`${latencyMs} ms per request`, Math.max(1, rounds - 1));
  await fake.setLatency(0);
  const results = [printScenario(loopback), printScenario(latency)];
  process.exitCode = results[0] ? 0 : 1;
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
