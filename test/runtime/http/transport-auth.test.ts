import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { AuthProvider } from '../../../runtime/auth/auth-provider.js';
import { connectorError, isConnectorError } from '../../../runtime/errors.js';
import type { HttpEvent } from '../../../runtime/http/http-events.js';
import { createTransport, describeRequest } from '../../../runtime/http/transport.js';
import type { PreparedRequest } from '../../../runtime/http/types.js';
import { Redactor } from '../../../runtime/redaction.js';
import { reply, startServer } from './loopback-server.js';
import { testConnection } from './test-connection.js';

/** Hands out token-1, token-2, ... and records each call's forceRefresh. */
function rotatingAuth(redactor: Redactor): AuthProvider & { calls: boolean[] } {
  const calls: boolean[] = [];
  let token = 'token-1-abcdef';
  redactor.addSecret(token);
  return {
    calls,
    headers: async (forceRefresh = false) => {
      calls.push(forceRefresh);
      if (forceRefresh) {
        token = `token-${calls.length}-abcdef`;
        redactor.addSecret(token);
      }
      return { Authorization: `Bearer ${token}` };
    },
  };
}

const get = (url: string): PreparedRequest => ({ method: 'GET', url, headers: { Accept: 'application/json' }, label: 'user.get', retrySafe: true });

const auth = suite('transport auth');

auth('a 401 asks the provider for a fresh token once and re-sends', async () => {
  const server = await startServer((req, res) => (req.headers.authorization === 'Bearer token-2-abcdef' ? reply(res, 200, { ok: 1 }) : reply(res, 401, { error: 'expired' })));
  const redactor = new Redactor();
  const provider = rotatingAuth(redactor);
  const transport = createTransport({ connection: testConnection(), auth: provider, redactor });
  const response = await transport.send(get(`${server.url}/me`));
  assert.is(response.status, 200);
  assert.is(response.attempts, 2);
  assert.equal(provider.calls, [false, true]);
  await transport.close();
  await server.close();
});

auth('a second 401 is final: one refresh per request, no loop', async () => {
  const server = await startServer((_, res) => reply(res, 401, { error: 'no' }));
  const redactor = new Redactor();
  const provider = rotatingAuth(redactor);
  const transport = createTransport({ connection: testConnection(), auth: provider, redactor });
  const response = await transport.send(get(`${server.url}/me`));
  assert.is(response.status, 401);
  assert.is(server.requests.length, 2);
  assert.equal(provider.calls, [false, true]);
  await transport.close();
  await server.close();
});

auth('static credentials are not re-sent after a 401', async () => {
  const server = await startServer((_, res) => reply(res, 401, {}));
  const transport = createTransport({ connection: testConnection(), auth: { headers: async () => ({ authorization: 'Basic abc' }), refreshable: false }, redactor: new Redactor() });
  assert.is((await transport.send(get(server.url))).attempts, 1);
  assert.is(server.requests.length, 1);
  await transport.close();
  await server.close();
});

auth('an auth failure rejects the request and frees its slot', async () => {
  const server = await startServer((_, res) => reply(res, 200, {}));
  let fail = true;
  const provider: AuthProvider = {
    headers: async () => {
      if (fail) throw connectorError('InvalidCredentials', 'token endpoint said invalid_client');
      return {};
    },
  };
  const transport = createTransport({ connection: testConnection({ rateLimit: { concurrency: 1 } }), auth: provider, redactor: new Redactor() });
  await transport.send(get(server.url)).then(
    () => assert.unreachable(),
    (error: unknown) => assert.ok(isConnectorError(error) && error.kind === 'InvalidCredentials'),
  );
  fail = false;
  assert.is((await transport.send(get(server.url))).status, 200);
  await transport.close();
  await server.close();
});

const redaction = suite('transport redaction');

redaction('events carry no token, no Authorization header and no secret query value', async () => {
  const server = await startServer((_, res, i) => (i === 0 ? reply(res, 503, {}) : reply(res, 200, { ok: 1 })));
  const redactor = new Redactor();
  redactor.addSecret('path-secret-9876');
  const events: HttpEvent[] = [];
  const transport = createTransport({ connection: testConnection({ requestIdHeader: 'x-request-id' }), auth: rotatingAuth(redactor), redactor, logger: (e) => events.push(e) });
  await transport.send(get(`${server.url}/keys/path-secret-9876?$top=5&client_secret=s3cr3t-value&api-key=k3y-value`));
  const text = JSON.stringify(events);
  for (const secret of ['token-1-abcdef', 'path-secret-9876', 's3cr3t-value', 'k3y-value', 'Bearer']) assert.not.ok(text.includes(secret), `${secret} leaked: ${text}`);
  const start = events.find((e) => e.type === 'http.start');
  assert.ok(start?.type === 'http.start');
  assert.equal(Object.keys(start.headers).sort(), ['accept', 'x-request-id']);
  assert.match(start.url, /\/keys\/<redacted>\?\$top=5&client_secret=<redacted>&api-key=<redacted>$/);
  assert.equal(events.map((e) => e.type), ['http.start', 'http.finish', 'http.retry', 'http.start', 'http.finish']);
  await transport.close();
  await server.close();
});

redaction('a network failure names the request without its secrets', async () => {
  const server = await startServer((_, res) => void res.socket?.destroy());
  const redactor = new Redactor();
  redactor.addSecret('tenant-secret-1234');
  const transport = createTransport({ connection: testConnection({ retry: { maxAttempts: 2 } }), auth: rotatingAuth(redactor), redactor });
  const url = server.url.replace('http://', 'http://admin:hunter2@') + '/t/tenant-secret-1234?access_token=abc123xyz';
  const error = await transport.send(get(url)).then(() => undefined, (e: unknown) => e);
  assert.ok(isConnectorError(error));
  assert.is(error.kind, 'ConnectionFailed');
  const text = `${error.message} ${JSON.stringify(error.toJSON())}`;
  for (const secret of ['hunter2', 'tenant-secret-1234', 'abc123xyz', 'token-1-abcdef']) assert.not.ok(text.includes(secret), `${secret} leaked: ${text}`);
  assert.match(error.message, /GET http:\/\/127\.0\.0\.1:\d+\/t\/<redacted>\?access_token=<redacted>/);
  assert.is(error.cause, undefined);
  await transport.close();
  await server.close();
});

redaction('describeRequest keeps the query encoding and drops credentials', () => {
  const redactor = new Redactor();
  redactor.addSecret('p@ss word');
  assert.is(
    describeRequest('GET', "https://u:pw@host/users?$filter=name%20eq%20'a'&sig=abc&X-Amz-Signature=def&pass=p%40ss%20word#frag", redactor),
    "GET https://host/users?$filter=name%20eq%20'a'&sig=<redacted>&X-Amz-Signature=<redacted>&pass=<redacted>",
  );
  assert.is(describeRequest('DELETE', 'https://host/groups/p%40ss%20word', redactor), 'DELETE https://host/groups/<redacted>');
});

auth.run();
redaction.run();
