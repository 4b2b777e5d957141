// The directory fake started in this process, plus the compiled `connector` CLI pointed
// at it: a settings file with its credentials, a fresh state database per test, and
// helpers to run commands and write --attrs files in a temp dir.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDirectoryApi, type DirectoryApi, type DirectoryApiOptions } from '../../fixtures/directory-api/index.js';
import { projectRoot } from './project-paths.js';
import { runCli, type CliResult } from './run-cli.js';

export const directoryDefinition = join(projectRoot, 'fixtures', 'definitions', 'valid', 'directory-api');

export interface DirectoryCli {
  readonly api: DirectoryApi;
  /** Temp dir of this fake: settings, state databases, attribute files. */
  readonly dir: string;
  readonly settingsFile: string;
  /** The state database the helpers pass with --state; `freshState()` starts a new one. */
  stateFile: string;
  freshState(): string;
  /** Writes a JSON file in the temp dir and returns its path (for --attrs, --config). */
  writeJson(name: string, value: unknown): string;
  /** `connector run <definition> <operation> ...args --config --state --json`. */
  run(operation: string, args: readonly string[], extra?: readonly string[]): Promise<CliResult>;
  /** `connector search <definition> <class> ...args --config --state`. */
  search(objectClass: string, args?: readonly string[]): Promise<CliResult>;
  /** Any command: `connector <command> <definition> ...args` plus --config/--state/--json where the command takes them. */
  command(command: string, args: readonly string[]): Promise<CliResult>;
  close(): Promise<void>;
}

export async function startDirectoryCli(options: DirectoryApiOptions & { definition?: string } = {}): Promise<DirectoryCli> {
  const { definition = directoryDefinition, ...apiOptions } = options;
  const api = await startDirectoryApi({ seed: 7, ...apiOptions });
  const dir = mkdtempSync(join(tmpdir(), 'grc-directory-'));
  const settingsFile = join(dir, 'settings.json');
  writeFileSync(settingsFile, JSON.stringify({ baseUrl: api.baseUrl, tokenUrl: api.tokenUrl, clientId: api.clientId, clientSecret: api.clientSecret }));
  const env = api.caFile ? { NODE_EXTRA_CA_CERTS: api.caFile } : {};
  let states = 0;
  const cli: DirectoryCli = {
    api,
    dir,
    settingsFile,
    stateFile: '',
    freshState() {
      cli.stateFile = join(dir, `state-${++states}.db`);
      return cli.stateFile;
    },
    writeJson(name, value) {
      const file = join(dir, name);
      writeFileSync(file, JSON.stringify(value));
      return file;
    },
    run: (operation, args, extra = []) => runCli(['run', definition, operation, ...args, '--config', settingsFile, '--state', cli.stateFile, '--json', ...extra], { env }),
    search: (objectClass, args = []) => runCli(['search', definition, objectClass, ...args, '--config', settingsFile, '--state', cli.stateFile], { env }),
    command: (command, args) => runCli([command, definition, ...args], { env }),
    async close() {
      await api.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  cli.freshState();
  return cli;
}

export { stderrJson, stdoutJson, stdoutLines } from './cli-output.js';
