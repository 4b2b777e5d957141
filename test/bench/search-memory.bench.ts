// Streaming search: 100,000 accounts from the directory fake (plain HTTP, in its own process
// so that its 100k records do not count), 200 per page, two ways:
//  - the library (Connector.search) in a plain Node process that samples its own RSS every
//    50 ms (target: peak under 150 MB, however many objects pass);
//  - the real CLI, `connector search --out FILE`, its RSS read from /proc every 50 ms.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath, projectRoot } from '../support/project-paths.js';
import { envInteger, report } from './support/bench-report.js';
import { startChildServer } from './support/child-server.js';

const accounts = envInteger('BENCH_ACCOUNTS', 100_000);
const mb = (bytes: number) => bytes / (1024 * 1024);
const definitionDir = join(projectRoot, 'fixtures', 'definitions', 'valid', 'directory-api');
const expectedLast = `user.${String(accounts).padStart(5, '0')}`;

interface WorkerResult {
  count: number;
  lastName: string;
  seconds: number;
  baselineRss: number;
  peakRss: number;
}

function runProcess(args: readonly string[], onSpawn?: (pid: number) => () => void): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    const stop = onSpawn?.(child.pid!);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      stop?.();
      if (code === 0) resolve({ stdout, stderr });
      else reject(new Error(`node ${args.join(' ')} exited ${String(code)}: ${stderr}`));
    });
  });
}

/** Polls /proc/<pid>/status for VmRSS every 50 ms; returns the stop function and the peak. */
function procRssSampler(): { peak: () => number; start: (pid: number) => () => void } {
  let peak = 0;
  return {
    peak: () => peak,
    start: (pid) => {
      const sample = () => {
        try {
          const kb = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
          peak = Math.max(peak, kb * 1024);
        } catch {
          // The process has just exited.
        }
      };
      const timer = setInterval(sample, 50);
      return () => clearInterval(timer);
    },
  };
}

const fake = await startChildServer<{ baseUrl: string; tokenUrl: string; clientId: string; clientSecret: string }>([
  join(projectRoot, 'dist', 'fixtures', 'directory-api', 'main.js'),
  '--http',
  '--seed',
  '1',
  '--accounts',
  String(accounts),
]);
const dir = mkdtempSync(join(tmpdir(), 'grc-bench-search-'));
try {
  const { baseUrl, tokenUrl, clientId, clientSecret } = fake.info;
  const settings = { baseUrl, tokenUrl, clientId, clientSecret, pageSize: 200 };

  const library = JSON.parse(
    (await runProcess(['--expose-gc', join(projectRoot, 'test', 'bench', 'support', 'search-worker.mjs'), join(projectRoot, 'dist', 'runtime', 'index.js'), definitionDir, JSON.stringify(settings), 'account'])).stdout,
  ) as WorkerResult;
  if (library.count !== accounts || library.lastName !== expectedLast) throw new Error(`library search streamed ${library.count} objects ending with ${library.lastName}`);

  const out = join(dir, 'accounts.ndjson');
  const sampler = procRssSampler();
  const cliStarted = performance.now();
  const cli = await runProcess(
    [cliPath, 'search', definitionDir, 'account', '--out', out, '--state', join(dir, 'state.db'), ...Object.entries(settings).flatMap(([k, v]) => ['--set', `${k}=${String(v)}`])],
    sampler.start,
  );
  const cliSeconds = (performance.now() - cliStarted) / 1000;
  if (cli.stderr.trim() !== `${accounts} objects written to ${out}`) throw new Error(`CLI search said: ${cli.stderr}`);

  report(`Streaming search: ${accounts.toLocaleString('en-US')} accounts, 200 per page`, [
    { bench: 'search-memory', metric: 'library: peak RSS', value: mb(library.peakRss), unit: 'MB', target: { op: '<=', value: 150 }, detail: { baselineMB: Number(mb(library.baselineRss).toFixed(1)) } },
    { bench: 'search-memory', metric: 'library: RSS before the search', value: mb(library.baselineRss), unit: 'MB' },
    { bench: 'search-memory', metric: 'library: throughput', value: library.count / library.seconds, unit: 'objects/s', detail: { seconds: Number(library.seconds.toFixed(2)) } },
    { bench: 'search-memory', metric: 'CLI search --out: peak RSS', value: mb(sampler.peak()), unit: 'MB', target: { op: '<=', value: 150 }, detail: { fileMB: Number(mb(statSync(out).size).toFixed(1)) } },
    { bench: 'search-memory', metric: 'CLI search --out: throughput', value: accounts / cliSeconds, unit: 'objects/s', detail: { seconds: Number(cliSeconds.toFixed(2)), includesStartup: true } },
  ]);
} finally {
  rmSync(dir, { recursive: true, force: true });
  await fake.stop();
}
