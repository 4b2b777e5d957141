// One `connector reconcile` run as users start it, for the benchmark: the wall time of the
// process and the run's own --json summary (its duration excludes node start-up and loading).
import { spawn } from 'node:child_process';
import { cliPath, office365Definition, projectRoot } from '../support/project-paths.js';

export interface ReconcileRun {
  wallMs: number;
  runMs: number;
  objects: number;
  events: number;
  maxRssMb: number;
}

export function runReconcileCli(settings: string, state: string, out: string, extra: readonly string[]): Promise<ReconcileRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const args = [cliPath, 'reconcile', office365Definition, '--class', 'user', '--config', settings, '--state', state, '--out', out, '--json', ...extra];
    const child = spawn(process.execPath, args, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`reconcile exited ${String(code)}: ${stderr}`));
      const summary = JSON.parse(stdout) as { durationMs: number; objects: number; events: number; maxRssMb: number };
      resolve({ wallMs: performance.now() - started, runMs: summary.durationMs, objects: summary.objects, events: summary.events, maxRssMb: summary.maxRssMb });
    });
  });
}
