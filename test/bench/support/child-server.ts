// Starts a server script in a child process and reads the one JSON line it prints first
// (its connection values); `stop()` ends exactly that child.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ChildServer<T> {
  readonly info: T;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

export async function startChildServer<T>(args: readonly string[], options: { env?: NodeJS.ProcessEnv } = {}): Promise<ChildServer<T>> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...options.env } });
  const lines = createInterface({ input: child.stdout! });
  const info = await new Promise<T>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server ${args.join(' ')} exited ${String(code)} before it was ready`)));
    lines.once('line', (line) => resolve(JSON.parse(line) as T));
  });
  return {
    info,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
