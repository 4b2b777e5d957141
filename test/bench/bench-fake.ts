// The Graph fake in its own process for benchmarks, so that serving pages does not compete
// with the contenders for the bench process's event loop.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import got from 'got';
import { projectRoot } from '../support/project-paths.js';

export interface BenchFake {
  graphBaseUrl: string;
  authorityHost: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  domain: string;
  adminUrl: string;
  caFile: string;
  /** Adds this latency to every request from now on. */
  setLatency(ms: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startBenchFake(users: number): Promise<BenchFake> {
  const child = spawn(process.execPath, ['dist/fixtures/graph/main.js', '--users', String(users)], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the Graph fake exited with ${String(code)}`)));
  });
  const info = JSON.parse(line) as Omit<BenchFake, 'setLatency' | 'stop'>;
  return {
    ...info,
    setLatency: async (ms) => {
      await got.post(`${info.adminUrl}/faults`, { json: { latencyMs: ms } });
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
