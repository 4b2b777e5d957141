// The Microsoft Graph fake with the WSO2 domain verified, the Office 365 definition pointed at
// it (settings file, state file, environment for CLI children), and helpers for provisioning
// tests: the seed's claims, identity files, a library connector.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGraphFake, type GraphFake, type GraphFakeOptions } from '../../fixtures/graph/index.js';
import { loadDefinition } from '../../runtime/definition/load-definition.js';
import type { DefinitionModel } from '../../runtime/definition/model.js';
import { Connector, type ConnectorOptions } from '../../runtime/operations/connector.js';
import { office365Definition, projectRoot } from './project-paths.js';
import { runCli, type CliResult } from './run-cli.js';

export const wso2Domain = 'wso2.ml';
export const wso2Policy = join(projectRoot, 'definitions', 'office365', 'policies', 'wso2-role-based.policy.json');
export const claim = {
  username: 'http://wso2.org/claims/username',
  displayName: 'http://wso2.org/claims/displayName',
  userId: 'http://wso2.org/claims/userid',
  scimId: 'http://wso2.org/claims/scimid',
  role: 'http://wso2.org/claims/role',
} as const;

export interface ProvisionGraph {
  readonly fake: GraphFake;
  readonly dir: string;
  readonly settingsFile: string;
  readonly stateFile: string;
  readonly env: Record<string, string>;
  readonly settings: Record<string, string>;
  file(name: string, text: string): string;
  /** `connector <command> definitions/office365 ...args --config --state` (settings: false leaves --config out). */
  cli(command: string, args: readonly string[], options?: { input?: string; timeoutMs?: number; settings?: boolean }): Promise<CliResult>;
  connector(definition: DefinitionModel, options?: ConnectorOptions): Connector;
  close(): Promise<void>;
}

export async function startProvisionGraph(options: GraphFakeOptions = {}): Promise<ProvisionGraph> {
  const fake = await startGraphFake({ users: 20, seed: 3, domains: ['contoso.onmicrosoft.com', wso2Domain], ...options });
  const dir = mkdtempSync(join(tmpdir(), 'grc-provision-'));
  const settings = { tenantId: fake.tenantId, clientId: fake.clientId, clientSecret: fake.clientSecret, domain: wso2Domain, graphBaseUrl: fake.graphBaseUrl, authorityHost: fake.authorityHost };
  const settingsFile = join(dir, 'settings.json');
  writeFileSync(settingsFile, JSON.stringify({ ...settings, clientSecret: { env: 'O365_CLIENT_SECRET' } }));
  const stateFile = join(dir, 'state.db');
  const env = { NODE_EXTRA_CA_CERTS: fake.caFile, O365_CLIENT_SECRET: fake.clientSecret };
  return {
    fake,
    dir,
    settingsFile,
    stateFile,
    env,
    settings,
    file(name, text) {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
    cli: (command, args, { settings: withSettings = true, ...cliOptions } = {}) =>
      runCli([command, office365Definition, ...args, ...(withSettings ? ['--config', settingsFile] : []), '--state', stateFile], { env, ...cliOptions }),
    connector: (definition, connectorOptions = {}) => Connector.create(definition, settings, { ca: fake.caFile, ...connectorOptions }),
    async close() {
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function loadOffice365(): Promise<DefinitionModel> {
  return loadDefinition(office365Definition);
}

/** One identity of the seed's "Try it yourself", as WSO2 IS claims. */
export function seedIdentity(username: string, roles: readonly string[], extra: Record<string, string> = {}): Record<string, string> {
  return {
    [claim.username]: username,
    [claim.displayName]: `${username} Doe`,
    [claim.userId]: `uid-${username.toLowerCase()}`,
    [claim.scimId]: Buffer.from(`scim-${username}`).toString('base64'),
    [claim.role]: roles.join(','),
    ...extra,
  };
}

export function ndjson(rows: readonly unknown[]): string {
  return rows.map((row) => JSON.stringify(row)).join('\n') + '\n';
}
