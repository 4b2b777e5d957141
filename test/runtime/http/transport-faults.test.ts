// Fault injection through mockttp: connection resets, closes and requests never answered.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { getLocal, type Mockttp } from 'mockttp';
import { isConnectorError } from '../../../runtime/errors.js';
import { createTransport } from '../../../runtime/http/transport.js';
import type { HttpTransport, PreparedRequest } from '../../../runtime/http/types.js';
import { Redactor } from '../../../runtime/redaction.js';
import { testConnection } from './test-connection.js';

let mock: Mockttp;
let transport: HttpTransport;

const faults = suite('transport under injected faults');
faults.before.each(async () => {
  mock = getLocal();
  await mock.start();
  transport = createTransport({ connection: testConnection({ timeoutMs: 150, retry: { maxAttempts: 3 } }), auth: { headers: async () => ({}), refreshable: false }, redactor: new Redactor() });
});
faults.after.each(async () => {
  await transport.close();
  await mock.stop();
});

const request = (method: PreparedRequest['method'], path: string, retrySafe: boolean): PreparedRequest => ({
  method,
  url: mock.urlFor(path),
  headers: {},
  ...(method !== 'GET' && { body: { displayName: 'x' } }),
  label: `step ${path}`,
  retrySafe,
});

faults('a reset connection is retried for a safe request', async () => {
  await mock.forGet('/users').once().thenResetConnection();
  const ok = await mock.forGet('/users').thenJson(200, { value: [] });
  const response = await transport.send(request('GET', '/users', true));
  assert.is(response.status, 200);
  assert.is(response.attempts, 2);
  assert.is((await ok.getSeenRequests()).length, 1);
});

faults('a closed connection is not retried for a create', async () => {
  const closing = await mock.forPost('/users').thenCloseConnection();
  const error = await transport.send(request('POST', '/users', false)).then(() => undefined, (e: unknown) => e);
  assert.ok(isConnectorError(error));
  assert.is(error.kind, 'ConnectionFailed');
  assert.is((await closing.getSeenRequests()).length, 1);
});

faults('a request never answered times out per attempt and ends ServiceUnavailable', async () => {
  const silent = await mock.forPatch('/users/1').thenTimeout();
  const started = Date.now();
  const error = await transport.send(request('PATCH', '/users/1', true)).then(() => undefined, (e: unknown) => e);
  assert.ok(isConnectorError(error));
  assert.is(error.kind, 'ServiceUnavailable');
  assert.match(error.message, /PATCH http:\/\/localhost:\d+\/users\/1: .*after 3 attempts.*Hint: the target did not answer in time/);
  assert.is((await silent.getSeenRequests()).length, 3);
  assert.ok(Date.now() - started >= 3 * 150);
});

faults('a 503 with Retry-After then success, timed by the proxy', async () => {
  await mock.forGet('/busy').once().thenReply(503, 'busy', { 'retry-after': '0.2' });
  const ok = await mock.forGet('/busy').thenJson(200, { ok: true });
  const started = Date.now();
  assert.is((await transport.send(request('GET', '/busy', true))).status, 200);
  const [second] = await ok.getSeenRequests();
  assert.ok(second!.timingEvents.startTime - started >= 200);
});

faults.run();
