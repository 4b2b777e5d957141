import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { AuthProvider } from '../../../runtime/auth/auth-provider.js';
import { isConnectorError, type ConnectorError } from '../../../runtime/errors.js';
import type { HttpEvent } from '../../../runtime/http/http-events.js';
import { createTransport } from '../../../runtime/http/transport.js';
import type { HttpTransport, PreparedRequest } from '../../../runtime/http/types.js';
import { Redactor } from '../../../runtime/redaction.js';
import { delay, reply, startServer, type Handler, type LoopbackServer } from './loopback-server.js';
import { testConnection, type ConnectionOverrides } from './test-connection.js';

const noAuth: AuthProvider = { headers: async () => ({}), refreshable: false };

interface Setup {
  server: LoopbackServer;
  transport: HttpTransport;
  events: HttpEvent[];
}

const open: Array<{ close(): Promise<void> }> = [];

async function setup(handler: Handler, overrides: ConnectionOverrides = {}): Promise<Setup> {
  const server = await startServer(handler);
  const events: HttpEvent[] = [];
  const transport = createTransport({ connection: testConnection(overrides), auth: noAuth, redactor: new Redactor(), logger: (e) => events.push(e) });
  open.push(transport, server);
  return { server, transport, events };
}

function get(url: string, extra: Partial<PreparedRequest> = {}): PreparedRequest {
  return { method: 'GET', url, headers: {}, label: 'user.get', retrySafe: true, ...extra };
}

function create(url: string, extra: Partial<PreparedRequest> = {}): PreparedRequest {
  return { method: 'POST', url, headers: {}, body: { name: 'jane' }, label: 'user.create', retrySafe: false, ...extra };
}

async function rejection(promise: Promise<unknown>): Promise<ConnectorError> {
  try {
    await promise;
  } catch (error) {
    if (isConnectorError(error)) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

const retries = suite('transport retries');
retries.after.each(async () => {
  for (const item of open.splice(0)) await item.close();
});

retries('a 503 on a GET is retried and the final response says how many attempts it took', async () => {
  const { server, transport } = await setup((_, res, i) => (i < 2 ? reply(res, 503, { error: 'busy' }) : reply(res, 200, { id: 7 })));
  const response = await transport.send(get(`${server.url}/users/7`));
  assert.is(response.status, 200);
  assert.equal(response.body, { id: 7 });
  assert.is(response.attempts, 3);
  assert.is(server.requests.length, 3);
});

for (const [name, header, waitMs] of [
  ['fractional seconds', '0.3', 300],
  ['integer seconds', '1', 1000],
] as const) {
  retries(`a 429 with Retry-After in ${name} is not re-sent before it has elapsed`, async () => {
    const { server, transport } = await setup((_, res, i) => (i === 0 ? reply(res, 429, { error: 'slow down' }, { 'retry-after': header }) : reply(res, 201, { id: 'u1' })));
    const response = await transport.send(create(`${server.url}/users`));
    assert.is(response.status, 201);
    const [first, second] = server.requests;
    assert.ok(second!.receivedAt - first!.answeredAt! >= waitMs, `re-sent after ${second!.receivedAt - first!.answeredAt!} ms`);
    assert.is(second!.body, '{"name":"jane"}');
  });
}

retries('a 429 with an HTTP-date Retry-After waits until that date', async () => {
  let notBefore = 0;
  const { server, transport } = await setup((_, res, i) => {
    if (i > 0) return reply(res, 200, {});
    const date = new Date(Date.now() + 1200).toUTCString();
    notBefore = Date.parse(date);
    reply(res, 429, {}, { 'retry-after': date });
  });
  await transport.send(get(`${server.url}/x`));
  assert.ok(server.requests[1]!.receivedAt >= notBefore, 'second attempt not before the date');
});

retries('a create is not re-sent after a 5xx or a timeout, but is after a 429', async () => {
  const five = await setup((_, res) => reply(res, 503, { error: 'down' }));
  const response = await five.transport.send(create(`${five.server.url}/users`));
  assert.is(response.status, 503);
  assert.is(response.attempts, 1);
  assert.is(five.server.requests.length, 1);

  const slow = await setup(async (_, res) => {
    await delay(400);
    reply(res, 201, {});
  }, { timeoutMs: 150 });
  const error = await rejection(slow.transport.send(create(`${slow.server.url}/users`)));
  assert.is(error.kind, 'ServiceUnavailable');
  assert.is(slow.server.requests.length, 1);

  const throttled = await setup((_, res, i) => (i === 0 ? reply(res, 429, {}, { 'retry-after': '0' }) : reply(res, 201, {})));
  assert.is((await throttled.transport.send(create(`${throttled.server.url}/users`))).status, 201);
  assert.is(throttled.server.requests.length, 2);
});

retries('a timed-out GET is retried and the per-attempt timeout applies to each attempt', async () => {
  const { server, transport } = await setup(async (_, res, i) => {
    if (i === 0) await delay(500);
    reply(res, 200, { ok: true });
  }, { timeoutMs: 150 });
  const started = Date.now();
  const response = await transport.send(get(`${server.url}/slow`));
  assert.is(response.status, 200);
  assert.is(response.attempts, 2);
  assert.ok(Date.now() - started < 450, 'the first attempt was cut at the timeout');
});

retries('a reset connection is retried for a GET, but a create fails with ConnectionFailed', async () => {
  const dropFirst: Handler = (_, res, i) => (i === 0 ? void res.socket?.destroy() : reply(res, 200, { ok: 1 }));
  const reads = await setup(dropFirst);
  assert.is((await reads.transport.send(get(`${reads.server.url}/a`))).attempts, 2);

  const writes = await setup(dropFirst);
  const error = await rejection(writes.transport.send(create(`${writes.server.url}/users`)));
  assert.is(error.kind, 'ConnectionFailed');
  assert.match(error.message, /user\.create failed: POST http:\/\/127\.0\.0\.1:\d+\/users: .*after 1 attempt/);
  assert.is(writes.server.requests.length, 1);
});

retries('a refused connection is retried even for a create, then fails naming label, method and URL', async () => {
  const { server, transport } = await setup((_, res) => reply(res, 200, {}), { retry: { maxAttempts: 3 } });
  const url = `${server.url}/users`;
  await server.close();
  const error = await rejection(transport.send(create(url)));
  assert.is(error.kind, 'ConnectionFailed');
  assert.match(error.message, /^ConnectionFailed: user\.create failed: POST http:\/\/127\.0\.0\.1:\d+\/users: .*ECONNREFUSED.*after 3 attempts/);
  assert.is(error.context.operation, 'user.create');
});

retries('retries stop at maxAttempts and the last response is returned as it is', async () => {
  const { server, transport } = await setup((_, res) => reply(res, 502, 'Bad gateway', { 'content-type': 'text/html' }), { retry: { maxAttempts: 3 } });
  const response = await transport.send(get(`${server.url}/x`));
  assert.is(response.status, 502);
  assert.is(response.body, 'Bad gateway');
  assert.is(response.attempts, 3);
});

retries('a Retry-After beyond maxElapsedMs gives up at once instead of waiting less', async () => {
  const { server, transport } = await setup((_, res) => reply(res, 429, {}, { 'retry-after': '30' }), { retry: { maxElapsedMs: 2000 } });
  const started = Date.now();
  const response = await transport.send(get(`${server.url}/x`));
  assert.is(response.status, 429);
  assert.is(response.attempts, 1);
  assert.ok(Date.now() - started < 1000);
});

retries('the correlation id is the same on every retry, and generated when absent', async () => {
  const { server, transport, events } = await setup((_, res, i) => (i % 2 === 0 ? reply(res, 503, {}) : reply(res, 200, {})), { requestIdHeader: 'client-request-id' });
  await transport.send(get(`${server.url}/a`, { requestId: 'fixed-id-1' }));
  await transport.send(get(`${server.url}/b`));
  const ids = server.requests.map((r) => r.headers['client-request-id']);
  assert.equal(ids.slice(0, 2), ['fixed-id-1', 'fixed-id-1']);
  assert.match(String(ids[2]), /^[0-9a-f-]{36}$/);
  assert.is(ids[3], ids[2]);
  const retry = events.find((e) => e.type === 'http.retry');
  assert.ok(retry && retry.type === 'http.retry' && retry.reason === 'status 503' && retry.attempt === 1);
});

retries('bodies: JSON parsed, other text kept, empty is undefined; JSON is sent with a content type', async () => {
  const { server, transport } = await setup((req, res) => {
    if (req.url === '/json') return reply(res, 200, { a: 1 });
    if (req.url === '/html') return reply(res, 500, '<html>oops</html>', { 'content-type': 'text/html' });
    if (req.url === '/broken') return reply(res, 400, '{"a":', { 'content-type': 'application/json' });
    reply(res, 204);
  }, { retry: { statuses: new Set([503]) } });
  assert.equal((await transport.send(get(`${server.url}/json`))).body, { a: 1 });
  assert.is((await transport.send(get(`${server.url}/html`))).body, '<html>oops</html>');
  assert.is((await transport.send(get(`${server.url}/broken`))).body, '{"a":');
  assert.is((await transport.send(create(`${server.url}/none`))).body, undefined);
  assert.is(server.requests[3]!.headers['content-type'], 'application/json');
});

retries('an abort during a Retry-After wait rejects at once with the signal reason', async () => {
  const { server, transport } = await setup((_, res) => reply(res, 429, {}, { 'retry-after': '3' }));
  const controller = new AbortController();
  setTimeout(() => controller.abort(new Error('user cancelled')), 100);
  const started = Date.now();
  await transport.send(get(`${server.url}/x`), { signal: controller.signal }).then(
    () => assert.unreachable('resolved'),
    (error: Error) => assert.is(error.message, 'user cancelled'),
  );
  assert.ok(Date.now() - started < 1000);
  assert.is(server.requests.length, 1);
});

retries.run();
