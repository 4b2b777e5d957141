// Cold start of the CLI: `connector --version` and `connector validate definitions/office365`
// against a bare `node -e 0`, each a fresh process, interleaved so that a noisy moment hits
// all three alike. Target: validate within 4x bare node (medians).
import { spawn } from 'node:child_process';
import { cliPath, office365Definition, projectRoot } from '../support/project-paths.js';
import { envInteger, median, report, type BenchResult } from './support/bench-report.js';

const runs = envInteger('BENCH_RUNS', 21);

function timeProcess(args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd: projectRoot, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) reject(new Error(`node ${args.join(' ')} exited ${String(code)}: ${stderr}`));
      else resolve(ms);
    });
  });
}

const commands = {
  'node -e 0': ['-e', '0'],
  'connector --version': [cliPath, '--version'],
  'connector validate office365': [cliPath, 'validate', office365Definition],
} as const;
type Name = keyof typeof commands;

const times: Record<Name, number[]> = { 'node -e 0': [], 'connector --version': [], 'connector validate office365': [] };
// One warm-up round fills the OS file cache (cold start means a new process, not a cold disk).
for (const args of Object.values(commands)) await timeProcess(args);
for (let i = 0; i < runs; i++) {
  for (const [name, args] of Object.entries(commands) as Array<[Name, readonly string[]]>) times[name].push(await timeProcess(args));
}

const bare = median(times['node -e 0']);
const version = median(times['connector --version']);
const validate = median(times['connector validate office365']);
const results: BenchResult[] = [
  { bench: 'cli-startup', metric: 'node -e 0 (median)', value: bare, unit: 'ms', detail: { runs, min: Math.min(...times['node -e 0']) } },
  { bench: 'cli-startup', metric: 'connector --version (median)', value: version, unit: 'ms', detail: { runs, min: Math.min(...times['connector --version']) } },
  { bench: 'cli-startup', metric: 'connector validate office365 (median)', value: validate, unit: 'ms', detail: { runs, min: Math.min(...times['connector validate office365']) } },
  { bench: 'cli-startup', metric: '--version / bare node', value: version / bare, unit: 'x' },
  { bench: 'cli-startup', metric: 'validate / bare node', value: validate / bare, unit: 'x', target: { op: '<=', value: 4 } },
];
report(`CLI cold start (${runs} interleaved runs each)`, results);
