// Reading what the CLI printed: one JSON object, the last error JSON line, NDJSON lines.
import type { CliResult } from './run-cli.js';

/** The JSON printed on stdout (one object). */
export function stdoutJson<T = Record<string, unknown>>(result: CliResult): T {
  return JSON.parse(result.stdout) as T;
}

/** The error JSON the CLI printed on stderr with --json (the last line). */
export function stderrJson<T = Record<string, unknown>>(result: CliResult): T {
  const lines = result.stderr.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as T;
}

/** NDJSON lines on stdout. */
export function stdoutLines<T = Record<string, unknown>>(result: CliResult): T[] {
  return result.stdout.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as T);
}
