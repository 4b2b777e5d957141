// What every benchmark prints: a small table for people, and one JSON line per result for
// the runner (run-bench.mjs), which collects them into the final summary. A result with a
// target says PASS or MISS; a missed target is reported, never an error.

export interface BenchTarget {
  /** PASS when value <op> target. */
  op: '>=' | '<=';
  value: number;
}

export interface BenchResult {
  bench: string;
  metric: string;
  value: number;
  unit: string;
  target?: BenchTarget;
  /** Anything else worth keeping (medians, counts, settings). */
  detail?: Record<string, unknown>;
}

export type Verdict = 'PASS' | 'MISS' | '-';

export function verdict(result: BenchResult): Verdict {
  if (!result.target) return '-';
  const { op, value } = result.target;
  return (op === '>=' ? result.value >= value : result.value <= value) ? 'PASS' : 'MISS';
}

/** The machine-readable line the runner looks for. */
export function emit(result: BenchResult): void {
  process.stdout.write(`${JSON.stringify({ type: 'bench-result', ...result, verdict: verdict(result) })}\n`);
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** Prints the results of one bench as a table, then emits each as a JSON line. */
export function report(title: string, results: readonly BenchResult[]): void {
  const rows = [
    ['metric', 'value', 'unit', 'target', 'verdict'],
    ...results.map((r) => [r.metric, formatNumber(r.value), r.unit, r.target ? `${r.target.op} ${r.target.value}` : '', verdict(r)]),
  ];
  process.stdout.write(`\n${title}\n${table(rows)}\n\n`);
  for (const result of results) emit(result);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A positive integer from the environment (e.g. BENCH_RUNS), or the default. */
export function envInteger(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}
