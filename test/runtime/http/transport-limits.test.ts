import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { AuthProvider } from '../../../runtime/auth/auth-provider.js';
import { createTransport } from '../../../runtime/http/transport.js';
import type { HttpTransport, PreparedRequest } from '../../../runtime/http/types.js';
import { Redactor } from '../../../runtime/redaction.js';
import { delay, reply, startServer, type Handler, type LoopbackServer } from './loopback-server.js';
import { testConnection, type ConnectionOverrides } from './test-connection.js';

const noAuth: AuthProvider = { headers: async () => ({}), refreshable: false };
const open: Array<{ close(): Promise<void> }> = [];

async function setup(handler: Handler, overrides: ConnectionOverrides, concurrency?: number): Promise<{ server: LoopbackServer; transport: HttpTransport }> {
  const server = await startServer(handler);
  const transport = createTransport({ connection: testConnection(overrides), auth: noAuth, redactor: new Redactor(), concurrency });
  open.push(transport, server);
  return { server, transport };
}

const request = (url: string, method: PreparedRequest['method'] = 'GET'): PreparedRequest => ({ method, url, headers: {}, label: 'step', retrySafe: true });

const limits = suite('transport limits');
limits.after.each(async () => {
  for (const item of open.splice(0)) await item.close();
});

limits('requests in flight never exceed the concurrency cap', async () => {
  const { server, transport } = await setup(async (_, res) => {
    await delay(40);
    reply(res, 200, {});
  }, { rateLimit: { concurrency: 3 } });
  await Promise.all(Array.from({ length: 15 }, (_, i) => transport.send(request(`${server.url}/${i}`))));
  assert.is(server.requests.length, 15);
  assert.is(server.peakInFlight, 3);
});

limits('the construction-time concurrency overrides the definition', async () => {
  const { server, transport } = await setup(async (_, res) => {
    await delay(30);
    reply(res, 200, {});
  }, { rateLimit: { concurrency: 8 } }, 2);
  await Promise.all(Array.from({ length: 8 }, () => transport.send(request(server.url))));
  assert.is(server.peakInFlight, 2);
});

limits('a slot is released while a retry waits, so other requests go meanwhile', async () => {
  const { server, transport } = await setup((req, res) => {
    const firstTime = server.requests.filter((r) => r.url === req.url).length === 1;
    if (req.url === '/throttled' && firstTime) return reply(res, 429, {}, { 'retry-after': '0.3' });
    reply(res, 200, {});
  }, { rateLimit: { concurrency: 1, requestsPerSecond: 1000 } });
  const throttled = transport.send(request(`${server.url}/throttled`));
  await delay(50);
  const other = await transport.send(request(`${server.url}/other`));
  assert.is(other.status, 200);
  assert.is((await throttled).attempts, 2);
  assert.equal(server.requests.map((r) => r.url), ['/throttled', '/other', '/throttled']);
});

limits('requestsPerSecond spaces requests once the burst is spent', async () => {
  const { server, transport } = await setup((_, res) => reply(res, 200, {}), { rateLimit: { requestsPerSecond: 20, burst: 2, concurrency: 8 } });
  await Promise.all(Array.from({ length: 7 }, () => transport.send(request(server.url))));
  const times = server.requests.map((r) => r.receivedAt);
  // 2 at once, then 5 more at 20/s: at least 250 ms between the first and the last.
  assert.ok(times[6]! - times[0]! >= 230, `spread ${times[6]! - times[0]!} ms`);
});

limits('writesPerSecond limits writes only', async () => {
  const { server, transport } = await setup((_, res) => reply(res, 200, {}), { rateLimit: { writesPerSecond: 10, writeBurst: 1, concurrency: 8 } });
  const started = Date.now();
  await Promise.all(Array.from({ length: 5 }, () => transport.send(request(server.url, 'GET'))));
  const readsMs = Date.now() - started;
  await Promise.all(Array.from({ length: 4 }, () => transport.send(request(server.url, 'PATCH'))));
  const writeTimes = server.requests.slice(5).map((r) => r.receivedAt);
  assert.ok(readsMs < 200, `reads took ${readsMs} ms`);
  assert.ok(writeTimes[3]! - writeTimes[0]! >= 280, `writes spread over ${writeTimes[3]! - writeTimes[0]!} ms`);
});

limits('after a 429 the connection slows down even without a configured rate', async () => {
  const { server, transport } = await setup((_, res, i) => (i === 10 ? reply(res, 429, {}, { 'retry-after': '0' }) : reply(res, 200, {})), { rateLimit: { concurrency: 1 } });
  for (let i = 0; i < 10; i++) await transport.send(request(server.url));
  const fastMs = server.requests[9]!.receivedAt - server.requests[0]!.receivedAt;
  await transport.send(request(server.url));
  for (let i = 0; i < 3; i++) await transport.send(request(server.url));
  const after = server.requests.slice(11).map((r) => r.receivedAt);
  // Ten requests went in `fastMs`; at half that rate three more take at least 2/10 * 2 * fastMs.
  assert.ok(after[2]! - after[0]! >= Math.max(20, 0.3 * fastMs), `fast ${fastMs} ms, then ${after[2]! - after[0]!} ms for 3`);
});

limits.run();
