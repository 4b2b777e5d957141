import http from 'node:http';
import { join } from 'node:path';
import got from 'got';
import { createConnector, loadDefinition } from '../../runtime/index.js';
import { projectRoot } from '../support/project-paths.js';
import { startChildServer } from './support/child-server.js';
const server = await startChildServer<{ port: number }>([join(projectRoot, 'test', 'bench', 'support', 'json-server.mjs')]);
const origin = `http://127.0.0.1:${server.info.port}`;
const agent = new http.Agent({ keepAlive: true });
const raw = got.extend({ agent: { http: agent }, retry: { limit: 0 }, throwHttpErrors: false, responseType: 'text', ...(process.env.RAW_TIMEOUT ? { timeout: { request: 2000 } } : {}) });
const rawGet = async (i: number) => JSON.parse((await raw(`${origin}/api/v2/accounts/acc_${i % 1000}`, { headers: { authorization: 'Bearer bench-access-token', accept: 'application/json' } })).body);
const definition = await loadDefinition(join(projectRoot, 'fixtures', 'definitions', 'valid', 'directory-api'));
const connector = createConnector(definition, { baseUrl: `${origin}/api/v2`, tokenUrl: `${origin}/oauth/token`, clientId: 'bench', clientSecret: 'bench-secret' }, { concurrency: 8 });
const engineGet = (i: number) => connector.get('account', `acc_${i % 1000}`, { specials: 'none' });
async function pool(n: number, task: (i: number) => Promise<unknown>) { let next = 0; await Promise.all(Array.from({ length: 8 }, async () => { while (next < n) await task(next++); })); }
const which = process.argv[2] ?? 'both';
for (const [name, fn] of [['raw', rawGet], ['engine', engineGet]] as const) {
  if (which !== 'both' && which !== name) continue;
  await pool(2000, fn);
  const results: string[] = [];
  for (let r = 0; r < 3; r++) {
    const c0 = process.cpuUsage(); const t0 = performance.now();
    await pool(10000, fn);
    const c = process.cpuUsage(c0); const t = performance.now() - t0;
    results.push(`${((c.user + c.system) / 10000).toFixed(1)}us/req ${(10000 / t * 1000).toFixed(0)}req/s`);
  }
  console.log(name, results.join(' | '));
}
await connector.close(); agent.destroy(); await server.stop();
