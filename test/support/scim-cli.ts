// The SCIM 2.0 fixture server started in this process, plus the compiled `connector` CLI
// pointed at it through definitions/scim2: one settings file for bearer auth and one for
// basic auth (the same definition, different settings), a fresh state database per test,
// and helpers to run commands and write --attrs files in a temp dir.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startScimServer, type ScimServer, type ScimServerOptions } from '../../fixtures/scim/index.js';
import { projectRoot } from './project-paths.js';
import { runCli, type CliResult } from './run-cli.js';

export const scimDefinition = join(projectRoot, 'definitions', 'scim2');

export type ScimAuth = 'bearer' | 'basic';

export interface ScimCli {
  readonly server: ScimServer;
  /** Temp dir of this server: settings, state databases, attribute files. */
  readonly dir: string;
  readonly settings: Readonly<Record<ScimAuth, string>>;
  /** The auth the helpers use (bearer unless changed). */
  auth: ScimAuth;
  /** The state database the helpers pass with --state; `freshState()` starts a new one. */
  stateFile: string;
  freshState(): string;
  /** Writes a JSON file in the temp dir and returns its path (for --attrs, --config). */
  writeJson(name: string, value: unknown): string;
  /** `connector run <definition> <operation> --config --state --json ...args ...extra`. */
  run(operation: string, args: readonly string[], extra?: readonly string[]): Promise<CliResult>;
  /** `connector search <definition> <class> --config --state ...args`. */
  search(objectClass: string, args?: readonly string[]): Promise<CliResult>;
  /** `connector <command> <definition> --config --state ...args` (no --json added). */
  command(command: string, args?: readonly string[]): Promise<CliResult>;
  /** POSTs a resource straight to the server (bearer), for fast setup; returns its id. */
  post(path: string, body: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

export async function startScimCli(options: ScimServerOptions = {}): Promise<ScimCli> {
  const server = await startScimServer(options);
  const dir = mkdtempSync(join(tmpdir(), 'grc-scim-'));
  const write = (name: string, value: unknown): string => {
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(value));
    return file;
  };
  const settings = {
    bearer: write('bearer.json', { baseUrl: server.baseUrl, token: server.token }),
    basic: write('basic.json', { baseUrl: server.baseUrl, username: server.username, password: server.password }),
  };
  const env = server.caFile ? { NODE_EXTRA_CA_CERTS: server.caFile } : {};
  let states = 0;
  const common = (): string[] => ['--config', cli.settings[cli.auth], '--state', cli.stateFile];
  const cli: ScimCli = {
    server,
    dir,
    settings,
    auth: 'bearer',
    stateFile: '',
    freshState() {
      cli.stateFile = join(dir, `state-${++states}.db`);
      return cli.stateFile;
    },
    writeJson: write,
    // The caller's options come last, so that they win over the defaults (e.g. another --config).
    run: (operation, args, extra = []) => runCli(['run', scimDefinition, operation, ...common(), '--json', ...args, ...extra], { env }),
    search: (objectClass, args = []) => runCli(['search', scimDefinition, objectClass, ...common(), ...args], { env }),
    command: (command, args = []) => runCli([command, scimDefinition, ...common(), ...args], { env }),
    async post(path, body) {
      const response = await fetch(server.baseUrl + path, {
        method: 'POST',
        headers: { 'content-type': 'application/scim+json', authorization: `Bearer ${server.token}` },
        body: JSON.stringify(body),
      });
      const created = (await response.json()) as { id?: string };
      if (response.status !== 201 || typeof created.id !== 'string') throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(created)}`);
      return created.id;
    },
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  cli.freshState();
  return cli;
}

export { stderrJson, stdoutJson, stdoutLines } from './cli-output.js';
