// The Microsoft Graph fake started in this process, plus the compiled `connector` CLI pointed
// at it with the Office 365 definition: a settings file whose secret is read from the
// environment, one state database per suite, helpers to run commands and write --attrs files,
// and the fault profiles the e2e suites run under.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGraphFake, type FaultOptions, type GraphFake, type GraphFakeOptions } from '../../fixtures/graph/index.js';
import { office365Definition } from './project-paths.js';
import { runCli, type CliResult } from './run-cli.js';

export type GraphFaultMode = 'clean' | 'faults';

/**
 * faults: every 7th Graph request (batch items included) answers 429 with Retry-After 0.2 s,
 * and every new object stays invisible (404) to the next 2 requests that address it.
 */
export const graphFaultProfiles: Readonly<Record<GraphFaultMode, FaultOptions>> = {
  clean: {},
  faults: { throttleEvery: 7, retryAfter: '0.2', consistencyLag: 2 },
};

/** The mode a suite asked for, unless O365_E2E_FAULTS=1 switches every suite to faults. */
export function graphFaultMode(requested: GraphFaultMode): GraphFaultMode {
  const env = (process.env.O365_E2E_FAULTS ?? '').toLowerCase();
  return env === '1' || env === 'true' || env === 'faults' ? 'faults' : requested;
}

export const secretEnvName = 'O365_CLIENT_SECRET';

export interface GraphCli {
  readonly fake: GraphFake;
  readonly mode: GraphFaultMode;
  /** Temp dir of this suite: settings, state database, attribute files. */
  readonly dir: string;
  readonly settingsFile: string;
  readonly stateFile: string;
  /** Environment for CLI children: the CA of the fake and the client secret. */
  readonly env: Record<string, string>;
  /** Writes a JSON file in the temp dir and returns its path (for --attrs). */
  writeJson(name: string, value: unknown): string;
  /** `connector run definitions/office365 <operation> ...args --config --state --json`. */
  run(operation: string, args: readonly string[]): Promise<CliResult>;
  /** `connector search definitions/office365 <class> ...args --config --state`. */
  search(objectClass: string, args?: readonly string[]): Promise<CliResult>;
  /** Any command with the definition as its first argument, settings and state added where taken. */
  command(command: string, args: readonly string[], options?: { settings?: boolean }): Promise<CliResult>;
  close(): Promise<void>;
}

export async function startGraphCli(options: GraphFakeOptions & { mode: GraphFaultMode }): Promise<GraphCli> {
  const { mode, ...fakeOptions } = options;
  const fake = await startGraphFake({ users: 40, seed: 11, ...fakeOptions, faults: { ...graphFaultProfiles[mode], ...fakeOptions.faults } });
  const dir = mkdtempSync(join(tmpdir(), 'grc-office365-'));
  const settingsFile = join(dir, 'settings.json');
  const stateFile = join(dir, 'state.db');
  writeFileSync(
    settingsFile,
    JSON.stringify({
      tenantId: fake.tenantId,
      clientId: fake.clientId,
      clientSecret: { env: secretEnvName },
      domain: fake.domain,
      graphBaseUrl: fake.graphBaseUrl,
      authorityHost: fake.authorityHost,
    }),
  );
  const env = { NODE_EXTRA_CA_CERTS: fake.caFile, [secretEnvName]: fake.clientSecret };
  const settings = ['--config', settingsFile, '--state', stateFile];
  return {
    fake,
    mode,
    dir,
    settingsFile,
    stateFile,
    env,
    writeJson(name, value) {
      const file = join(dir, name);
      writeFileSync(file, JSON.stringify(value));
      return file;
    },
    run: (operation, args) => runCli(['run', office365Definition, operation, ...args, ...settings, '--json'], { env }),
    search: (objectClass, args = []) => runCli(['search', office365Definition, objectClass, ...args, ...settings], { env }),
    command: (command, args, { settings: withSettings = true } = {}) => runCli([command, office365Definition, ...args, ...(withSettings ? settings : [])], { env }),
    async close() {
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The JSON printed on stdout (one object); fails with the CLI's stderr when it is not JSON. */
export function stdoutJson<T = Record<string, unknown>>(result: CliResult): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(`expected JSON on stdout (exit ${String(result.code)}); stderr: ${result.stderr}`);
  }
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

/** A CLI run that must succeed: its stdout JSON, or an error with everything it printed. */
export function ok<T = Record<string, unknown>>(result: CliResult): T {
  if (result.code !== 0) throw new Error(`connector exited ${String(result.code)}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
  return stdoutJson<T>(result);
}
