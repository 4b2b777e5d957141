// The benchmark's table and its targets: reconcile >= 0.8 x the raw got loop and >= 1.0 x the
// Graph SDK (in-process run time), peak RSS < 200 MB, RSS at 100k within 10% of 50k.
import type { ReconcileRun } from './reconcile-cli.js';

export interface ScenarioResult {
  label: string;
  users: number;
  raw: number[];
  sdk: number[];
  full: ReconcileRun[];
  steady: ReconcileRun;
  half: ReconcileRun;
}

/** Prints the scenario and returns whether every target was met. */
export function printScenario(result: ScenarioResult): boolean {
  const { users } = result;
  const rawMs = median(result.raw);
  const sdkMs = median(result.sdk);
  const fullRun = median(result.full.map((r) => r.runMs));
  const fullWall = median(result.full.map((r) => r.wallMs));
  const peak = Math.max(...result.full.map((r) => r.maxRssMb));
  const rate = (objects: number, ms: number): number => objects / (ms / 1000);
  const rawRate = rate(users, rawMs);
  const sdkRate = rate(users, sdkMs);
  const rows: Array<[string, number, number, string]> = [
    ['raw got + JSON.parse page loop', rawMs, users, '-'],
    ['Graph SDK PageIterator', sdkMs, users, '-'],
    ['reconcile, first run (run time)', fullRun, users, `${peak} MB`],
    ['reconcile, first run (process wall time)', fullWall, users, '-'],
    ['reconcile, unchanged rerun (run time)', result.steady.runMs, users, `${result.steady.maxRssMb} MB`],
    [`reconcile, ${result.half.objects} objects (run time)`, result.half.runMs, result.half.objects, `${result.half.maxRssMb} MB`],
  ];
  const head = ['contender', 'ms (median)', 'objects/s', 'x raw', 'x SDK', 'peak RSS'];
  const lines = rows.map(([name, ms, objects, rss]) => {
    const r = rate(objects, ms);
    return [name, String(Math.round(ms)), String(Math.round(r)), (r / rawRate).toFixed(2), (r / sdkRate).toFixed(2), rss];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: readonly string[]): string => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  const out = [`\nreconcile benchmark - ${result.label}: ${users} users, $top=999, ${result.full.length} interleaved round(s), ${result.full[0]!.events} events per first run`];
  out.push(format(head), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(format), '');
  const reconRate = rate(users, fullRun);
  const checks: Array<[string, boolean]> = [
    ['reconcile >= 0.8 x raw got loop', reconRate >= 0.8 * rawRate],
    ['reconcile >= 1.0 x Graph SDK PageIterator', reconRate >= sdkRate],
    ['peak RSS < 200 MB', peak < 200],
    [`RSS flat: ${users} vs ${result.half.objects} objects within 10%`, peak <= result.half.maxRssMb * 1.1],
  ];
  for (const [label, passed] of checks) out.push(`${passed ? 'PASS' : 'FAIL'}  ${label}`);
  process.stdout.write(`${out.join('\n')}\n`);
  return checks.every(([, passed]) => passed);
}

function median(list: readonly number[]): number {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
