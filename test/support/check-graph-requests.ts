// Checks request shapes against the Microsoft Graph v1.0 OpenAPI subset with the shared
// checker (../shared/graph-openapi/check-requests.mjs, relative to the project root).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface GraphRequestShape {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body: unknown;
}

export interface CheckResult {
  ok: boolean;
  output: string;
}

function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above check-graph-requests');
    dir = parent;
  }
  return dir;
}

export const checkerPath = resolve(projectRoot(), '..', 'shared', 'graph-openapi', 'check-requests.mjs');

export function checkGraphRequests(requests: readonly GraphRequestShape[], options: { strict?: boolean } = {}): CheckResult {
  const dir = mkdtempSync(join(tmpdir(), 'graph-requests-'));
  try {
    const file = join(dir, 'requests.ndjson');
    const lines = requests.map((request) => {
      const line: Record<string, unknown> = { method: request.method.toUpperCase(), url: request.url, body: request.body ?? null };
      if (request.headers) line['headers'] = request.headers;
      return JSON.stringify(line);
    });
    writeFileSync(file, lines.join('\n') + '\n');
    const args = [checkerPath, ...(options.strict ? ['--strict'] : []), file];
    const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
    return { ok: result.status === 0, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
