// The baselines of the reconcile benchmark, over the same request the connector sends:
// a raw got loop (keep-alive, text body, JSON.parse, follow @odata.nextLink) and the Microsoft
// Graph JS SDK's PageIterator. Each returns the number of users it walked. Like the connector's
// run, each first gets its access token (one client-credentials request to the fake's token
// endpoint), so that every contender's time covers the same round trips.
import https from 'node:https';
import { Client, PageIterator, type PageCollection } from '@microsoft/microsoft-graph-client';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import got from 'got';
import { projectRoot } from '../support/project-paths.js';
import type { BenchFake } from './bench-fake.js';
import { compiledRuntime } from './support/compiled-runtime.js';

/** The $select of a target-mode user reconciliation (what the map reads), from the compiled runtime. */
export async function reconcileSelect(definitionPath: string): Promise<string> {
  const { loadDefinition, openStateStore } = await compiledRuntime();
  const scopes = (await import(pathToFileURL(join(projectRoot, 'dist', 'runtime', 'reconcile', 'recon-scope.js')).href)) as typeof import('../../runtime/reconcile/recon-scope.js');
  const definition = await loadDefinition(definitionPath);
  const state = openStateStore(':memory:');
  try {
    return scopes.buildReconScope(definition, definition.classes.get('user')!, state, {}, { trusted: false }).select;
  } finally {
    state.close();
  }
}

/** An app-only token the way any client gets one: a client-credentials POST. */
export async function clientCredentialsToken(fake: BenchFake, agent?: https.Agent): Promise<string> {
  const form = { grant_type: 'client_credentials', client_id: fake.clientId, client_secret: fake.clientSecret, scope: 'https://graph.microsoft.com/.default' };
  const response = await got.post(`${fake.authorityHost}/${fake.tenantId}/oauth2/v2.0/token`, { form, ...(agent && { agent: { https: agent } }) }).json<{ access_token: string }>();
  return response.access_token;
}

export async function rawGotLoop(firstUrl: string, fake: BenchFake): Promise<number> {
  const agent = new https.Agent({ keepAlive: true });
  let count = 0;
  try {
    const token = await clientCredentialsToken(fake, agent);
    for (let url: string | undefined = firstUrl; url !== undefined; ) {
      const response = await got(url, { agent: { https: agent }, headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, responseType: 'text' });
      const page = JSON.parse(response.body) as { value: unknown[]; '@odata.nextLink'?: string };
      count += page.value.length;
      url = page['@odata.nextLink'];
    }
  } finally {
    agent.destroy();
  }
  return count;
}

export async function graphSdkLoop(fake: BenchFake, select: string): Promise<number> {
  const token = await clientCredentialsToken(fake);
  const client = Client.init({ authProvider: (done) => done(null, token), baseUrl: `${fake.authorityHost}/`, defaultVersion: 'v1.0', customHosts: new Set(['127.0.0.1']) });
  const first = (await client.api('/users').select(select).top(999).get()) as PageCollection;
  let count = 0;
  await new PageIterator(client, first, () => {
    count++;
    return true;
  }).iterate();
  return count;
}
