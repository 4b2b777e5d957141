// `npm run bench`: builds like run-tests.mjs, then runs each test/bench/*.bench.ts (or the
// ones whose path contains one of the arguments) in its own child process with
// `node --expose-gc --import tsx`, one after the other so they do not compete for the CPU.
// Each bench prints its own table and JSON lines {"type":"bench-result",...}; this runner
// ends with a summary of all of them. It exits non-zero only when a bench crashed: a missed
// target is reported as MISS, not as a failure.
// Usage: node test/bench/run-bench.mjs [substring-filter ...]
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const benchDir = join(root, 'test', 'bench');
const filters = process.argv.slice(2);
const timeoutMs = Number(process.env.BENCH_TIMEOUT_MS ?? 10 * 60 * 1000);

const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.stderr.write('note: tsc reported type errors; benchmarking what it emitted\n');
spawnSync('node', ['schemas/compile-validator.mjs'], { cwd: root, stdio: 'inherit' });
const { loopbackCertificate } = await import(join(root, 'dist/fixtures/tls/loopback-certificate.js'));
const { caFile } = await loopbackCertificate();

const files = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()
  .map((f) => relative(root, join(benchDir, f)))
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)));
if (files.length === 0) {
  process.stderr.write(`no benchmark matches ${filters.join(', ')}\n`);
  process.exit(2);
}

function runBench(file) {
  return new Promise((resolvePromise) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', file], {
      cwd: root,
      env: { ...process.env, NODE_EXTRA_CA_CERTS: caFile, FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const results = [];
    let pending = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('{"type":"bench-result"')) continue;
        try {
          results.push(JSON.parse(line));
        } catch {
          // A line that merely looks like a result; the table above still shows it.
        }
      }
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ file, code, signal, results, seconds: (Date.now() - started) / 1000 });
    });
  });
}

const runs = [];
for (const file of files) {
  process.stdout.write(`\n===== ${file} =====\n`);
  runs.push(await runBench(file));
}

const rows = [['bench', 'metric', 'value', 'unit', 'target', 'verdict']];
const format = (v) => (Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en-US') : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));
for (const run of runs) {
  for (const r of run.results) rows.push([r.bench, r.metric, format(r.value), r.unit, r.target ? `${r.target.op} ${r.target.value}` : '', r.verdict]);
  if (run.code !== 0) rows.push([run.file, 'CRASHED', '', '', '', run.signal ?? `exit ${run.code}`]);
}
const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length)));
const line = (row) => row.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
process.stdout.write(`\n===== summary =====\n${[line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n')}\n`);
const crashed = runs.filter((r) => r.code !== 0);
const missed = runs.flatMap((r) => r.results).filter((r) => r.verdict === 'MISS').length;
process.stdout.write(`\n${runs.length} benches, ${crashed.length} crashed, ${missed} target(s) missed\n`);
process.exit(crashed.length === 0 ? 0 : 1);
