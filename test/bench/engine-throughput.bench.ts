// Engine overhead per request: 10,000 GETs through Connector.get (the engine's real path:
// request building from the definition, rate limiter and concurrency cap, OAuth2 header,
// got, body parsing, error classification, mapping to a connector object) against a raw got
// loop with the same concurrency, keep-alive and Authorization header, both against the same
// plain-HTTP loopback server in another process. Each round runs both, in alternating order,
// and gives one ratio; the median ratio counts, so that load from other processes, which
// comes and goes, hits both sides of a ratio alike. Target: engine >= 0.85x the raw loop.
import http from 'node:http';
import { join } from 'node:path';
import got from 'got';
import { projectRoot } from '../support/project-paths.js';
import { envInteger, median, report } from './support/bench-report.js';
import { startChildServer } from './support/child-server.js';
import { compiledRuntime } from './support/compiled-runtime.js';

const requests = envInteger('BENCH_REQUESTS', 10_000);
const concurrency = envInteger('BENCH_CONCURRENCY', 8);
const rounds = envInteger('BENCH_ROUNDS', 5);

const server = await startChildServer<{ port: number }>([join(projectRoot, 'test', 'bench', 'support', 'json-server.mjs')]);
const origin = `http://127.0.0.1:${server.info.port}`;

async function pool(count: number, task: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
  return performance.now() - started;
}

// The raw loop: what a hand-written client does at least (keep-alive, auth header, JSON parse).
const agent = new http.Agent({ keepAlive: true });
const raw = got.extend({ agent: { http: agent }, retry: { limit: 0 }, throwHttpErrors: false, responseType: 'text' });
async function rawGet(i: number): Promise<unknown> {
  const response = await raw(`${origin}/api/v2/accounts/acc_${i % 1000}`, { headers: { authorization: 'Bearer bench-access-token', accept: 'application/json' } });
  if (response.statusCode !== 200) throw new Error(`raw GET answered ${response.statusCode}`);
  return JSON.parse(response.body) as unknown;
}

const { createConnector, loadDefinition } = await compiledRuntime();
const definition = await loadDefinition(join(projectRoot, 'fixtures', 'definitions', 'valid', 'directory-api'));
const connector = createConnector(definition, { baseUrl: `${origin}/api/v2`, tokenUrl: `${origin}/oauth/token`, clientId: 'bench', clientSecret: 'bench-secret' }, { concurrency });
async function engineGet(i: number): Promise<unknown> {
  const object = await connector.get('account', `acc_${i % 1000}`, { specials: 'none' });
  if (object.__UID__ !== `acc_${i % 1000}`) throw new Error('engine GET returned the wrong object');
  return object;
}

try {
  // Warm-up: JIT, sockets, the OAuth token.
  await pool(1000, rawGet);
  await pool(1000, engineGet);
  const rawRates: number[] = [];
  const engineRates: number[] = [];
  const ratios: number[] = [];
  // CPU time of this (client) process per request: steadier than wall time on a busy machine.
  const cpu = { raw: [] as number[], engine: [] as number[] };
  const measure = async (side: 'raw' | 'engine') => {
    globalThis.gc?.();
    const before = process.cpuUsage();
    const rate = (requests / (await pool(requests, side === 'raw' ? rawGet : engineGet))) * 1000;
    const used = process.cpuUsage(before);
    cpu[side].push((used.user + used.system) / requests);
    return rate;
  };
  for (let round = 0; round < rounds; round++) {
    const [rawRate, engineRate] = round % 2 === 0 ? [await measure('raw'), await measure('engine')] : [...[await measure('engine'), await measure('raw')].reverse()];
    rawRates.push(rawRate!);
    engineRates.push(engineRate!);
    ratios.push(engineRate! / rawRate!);
  }
  const detail = { requests, concurrency, rounds, rawRounds: rawRates.map(Math.round), engineRounds: engineRates.map(Math.round), ratios: ratios.map((r) => Number(r.toFixed(3))) };
  const rawCpu = median(cpu.raw);
  const engineCpu = median(cpu.engine);
  report(`Engine throughput: ${requests.toLocaleString('en-US')} GETs per side and round, concurrency ${concurrency}, ${rounds} rounds`, [
    { bench: 'engine-throughput', metric: 'raw got loop (median)', value: median(rawRates), unit: 'req/s', detail },
    { bench: 'engine-throughput', metric: 'engine Connector.get (median)', value: median(engineRates), unit: 'req/s', detail },
    { bench: 'engine-throughput', metric: 'engine / raw (median of rounds)', value: median(ratios), unit: 'x', target: { op: '>=', value: 0.85 } },
    { bench: 'engine-throughput', metric: 'raw got loop client CPU', value: rawCpu, unit: 'us/req' },
    { bench: 'engine-throughput', metric: 'engine client CPU', value: engineCpu, unit: 'us/req' },
    { bench: 'engine-throughput', metric: 'engine / raw by client CPU', value: rawCpu / engineCpu, unit: 'x' },
  ]);
} finally {
  await connector.close();
  agent.destroy();
  await server.stop();
}
