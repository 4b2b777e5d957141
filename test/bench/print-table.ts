// The reconcile benchmark's table (every contender with its ratio to the raw loop and to the
// SDK) and its results for the runner: reconcile >= 0.8 x the raw got loop and >= 1.0 x the
// Graph SDK (by the run's own time), peak RSS < 200 MB, RSS at 100k within 10% of 50k.
import { median, report, table, type BenchResult } from './support/bench-report.js';
import type { ReconcileRun } from './reconcile-cli.js';

export interface ScenarioResult {
  /** Short name, e.g. "loopback" or "latency-50ms". */
  name: string;
  label: string;
  users: number;
  raw: number[];
  sdk: number[];
  full: ReconcileRun[];
  steady: ReconcileRun;
  half: ReconcileRun;
}

export function reportScenario(result: ScenarioResult): void {
  const { users } = result;
  const rate = (objects: number, ms: number): number => objects / (ms / 1000);
  const rawRate = rate(users, median(result.raw));
  const sdkRate = rate(users, median(result.sdk));
  const fullRate = rate(users, median(result.full.map((r) => r.runMs)));
  const peak = Math.max(...result.full.map((r) => r.maxRssMb));
  const contenders: Array<[string, number, number, string]> = [
    ['raw got + JSON.parse page loop', median(result.raw), users, '-'],
    ['Graph SDK PageIterator', median(result.sdk), users, '-'],
    ['reconcile, first run (run time)', median(result.full.map((r) => r.runMs)), users, `${peak} MB`],
    ['reconcile, first run (process wall time)', median(result.full.map((r) => r.wallMs)), users, '-'],
    ['reconcile, unchanged rerun (run time)', result.steady.runMs, users, `${result.steady.maxRssMb} MB`],
    [`reconcile, ${result.half.objects} objects (run time)`, result.half.runMs, result.half.objects, `${result.half.maxRssMb} MB`],
  ];
  const rows = [['contender', 'ms (median)', 'objects/s', 'x raw', 'x SDK', 'peak RSS'], ...contenders.map(([name, ms, objects, rss]) => {
    const r = rate(objects, ms);
    return [name, String(Math.round(ms)), String(Math.round(r)), (r / rawRate).toFixed(2), (r / sdkRate).toFixed(2), rss];
  })];
  process.stdout.write(`\nreconcile - ${result.label}: ${users} users, $top=999, ${result.full.length} interleaved round(s), ${result.full[0]!.events} events per first run\n${table(rows)}\n`);
  const bench = `reconcile-${result.name}`;
  const detail = { users, rounds: result.full.length, rawMs: result.raw.map(Math.round), sdkMs: result.sdk.map(Math.round), reconcileRunMs: result.full.map((r) => r.runMs), reconcileWallMs: result.full.map((r) => Math.round(r.wallMs)) };
  const results: BenchResult[] = [
    { bench, metric: 'raw got loop', value: rawRate, unit: 'objects/s', detail },
    { bench, metric: 'Graph SDK PageIterator', value: sdkRate, unit: 'objects/s' },
    { bench, metric: 'reconcile first run', value: fullRate, unit: 'objects/s' },
    { bench, metric: 'reconcile / raw got loop', value: fullRate / rawRate, unit: 'x', target: { op: '>=', value: 0.8 } },
    { bench, metric: 'reconcile / Graph SDK', value: fullRate / sdkRate, unit: 'x', target: { op: '>=', value: 1.0 } },
    { bench, metric: `peak RSS at ${users}`, value: peak, unit: 'MB', target: { op: '<=', value: 199 } },
    { bench, metric: `peak RSS ${users} / ${result.half.objects}`, value: peak / result.half.maxRssMb, unit: 'x', target: { op: '<=', value: 1.1 } },
  ];
  report(`reconcile targets - ${result.label}`, results);
}
