import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createBatchDispatcher, type BatchDispatcherArgs } from '../../../runtime/batch/index.js';
import { isConnectorError } from '../../../runtime/errors.js';
import type { HttpResponse } from '../../../runtime/http/types.js';
import { batchModel, fetchTransport, retryModel, startBatchServer, write, type BatchServer } from './batch-support.js';

const dispatcher = suite('batch: dispatcher grouping, routing and failures');
let server: BatchServer;

dispatcher.before(async () => {
  server = await startBatchServer();
});
dispatcher.before.each(() => server.reset());
dispatcher.after(() => server.close());

function start(overrides: Partial<BatchDispatcherArgs> = {}) {
  const transport = fetchTransport();
  const batch = createBatchDispatcher({ batch: batchModel(), baseURL: server.baseURL, transport, headers: { accept: 'application/json' }, retry: retryModel, ...overrides });
  return { batch, transport };
}

const bodyOf = (response: HttpResponse) => response.body as { method: string; url: string; body: { i: number } };

dispatcher('45 writes become batches of 20, 20 and 5, and each caller gets its own answer', async () => {
  const { batch } = start();
  const requests = Array.from({ length: 45 }, (_, i) => write(server.baseURL, 'PATCH', `/users/u${i}`, { i }));
  const responses = await Promise.all(requests.map((request) => batch.submit(request)));
  assert.equal(server.batches.map((b) => b.requests.length), [20, 20, 5]);
  assert.is(server.direct.length, 0);
  for (const [i, response] of responses.entries()) {
    assert.equal([response.status, bodyOf(response).url, bodyOf(response).body.i, response.url, response.attempts], [200, `/users/u${i}`, i, requests[i]!.url, 1]);
  }
  await batch.close();
});

dispatcher('answers that come back in another order reach the caller they belong to', async () => {
  server.handle = (call) => (call.url.endsWith('/missing') ? { status: 404, body: { error: { code: 'NotFound' } } } : { status: 204, headers: { 'X-Item': call.url } });
  const { batch } = start();
  const [a, b, c] = await Promise.all([
    batch.submit(write(server.baseURL, 'DELETE', '/users/a')),
    batch.submit(write(server.baseURL, 'DELETE', '/users/missing')),
    batch.submit(write(server.baseURL, 'DELETE', '/users/c')),
  ]);
  assert.equal([a!.status, a!.headers['x-item']], [204, '/users/a']);
  assert.equal([b!.status, b!.body], [404, { error: { code: 'NotFound' } }]);
  assert.equal([c!.status, c!.headers['x-item']], [204, '/users/c']);
  assert.is(server.batches.length, 1);
});

dispatcher('item URLs are relative to the base URL; a body brings its own Content-Type', async () => {
  const { batch, transport } = start({ headers: { accept: 'application/json', 'x-connection': 'yes' } });
  await Promise.all([
    batch.submit(write(server.baseURL, 'PATCH', '/users/u1?$select=id', { city: 'Oslo' })),
    batch.submit(write(server.baseURL, 'DELETE', '/groups/g1/members/u1/$ref')),
  ]);
  assert.equal(server.batches[0]?.requests, [
    { id: '1', method: 'PATCH', url: '/users/u1?$select=id', headers: { accept: 'application/json', 'Content-Type': 'application/json' }, body: { city: 'Oslo' } },
    { id: '2', method: 'DELETE', url: '/groups/g1/members/u1/$ref', headers: { accept: 'application/json' } },
  ]);
  const sent = transport.sent[0]!;
  assert.equal([sent.method, sent.url, sent.headers['x-connection'], sent.retrySafe], ['POST', `${server.baseURL}/$batch`, 'yes', true]);
});

dispatcher('a URL outside the base URL cannot be batched', async () => {
  const { batch } = start();
  for (const url of ['http://elsewhere.test/v1.0/users/1', `${server.origin}/beta/users/1`, `${server.origin}/v1.0x/users/1`]) {
    const error = await batch.submit({ ...write(server.baseURL, 'DELETE', '/users/1'), url }).then(() => undefined, (e: unknown) => e);
    assert.ok(isConnectorError(error) && error.kind === 'ConfigurationError', url);
  }
  assert.is(server.calls.length, 0);
});

dispatcher('fewer writes than minRequests go directly through the transport', async () => {
  const { batch } = start({ batch: batchModel({ minRequests: 3 }) });
  const responses = await Promise.all([batch.submit(write(server.baseURL, 'PATCH', '/users/a', { i: 1 })), batch.submit(write(server.baseURL, 'PATCH', '/users/b', { i: 2 }))]);
  assert.is(server.batches.length, 0);
  assert.equal(server.direct.map((call) => [call.method, call.url, call.body]), [['PATCH', '/users/a', { i: 1 }], ['PATCH', '/users/b', { i: 2 }]]);
  assert.equal(responses.map((r) => r.status), [200, 200]);
});

dispatcher('a lone leftover after full batches is sent directly', async () => {
  const { batch } = start();
  await Promise.all(Array.from({ length: 41 }, (_, i) => batch.submit(write(server.baseURL, 'DELETE', `/users/u${i}`))));
  assert.equal(server.batches.map((b) => b.requests.length), [20, 20]);
  assert.equal(server.direct.map((call) => call.url), ['/users/u40']);
});

dispatcher('a batch that fails as a whole gives every caller that response', async () => {
  server.batchReply = () => ({ status: 500, body: { error: { code: 'InternalServerError' } } });
  const { batch } = start();
  const responses = await Promise.all([1, 2, 3].map((i) => batch.submit(write(server.baseURL, 'DELETE', `/users/u${i}`))));
  assert.equal(responses.map((r) => [r.status, r.body]), [1, 2, 3].map(() => [500, { error: { code: 'InternalServerError' } }]));
  assert.is(server.calls.length, 0);
});

dispatcher('a batch that could not be sent rejects every caller with the transport error', async () => {
  const { batch, transport } = start();
  transport.failWith = new Error('connect ECONNREFUSED');
  const results = await Promise.allSettled([1, 2].map((i) => batch.submit(write(server.baseURL, 'DELETE', `/users/u${i}`))));
  assert.equal(results.map((r) => r.status === 'rejected' && (r.reason as Error).message), ['connect ECONNREFUSED', 'connect ECONNREFUSED']);
});

dispatcher('a 2xx batch answer without the item answers fails those items', async () => {
  server.batchReply = () => ({ status: 200, body: { responses: [] } });
  const { batch } = start();
  const results = await Promise.allSettled([1, 2].map((i) => batch.submit(write(server.baseURL, 'DELETE', `/users/u${i}`))));
  for (const result of results) assert.ok(result.status === 'rejected' && isConnectorError(result.reason) && result.reason.kind === 'OperationFailed');
});

dispatcher('flush waits for every answer; close refuses later writes', async () => {
  const { batch } = start({ lingerMs: 50 });
  let answered = 0;
  for (const i of [1, 2, 3]) void batch.submit(write(server.baseURL, 'DELETE', `/users/u${i}`)).then(() => answered++);
  await batch.flush();
  assert.is(answered, 3);
  await batch.close();
  const error = await batch.submit(write(server.baseURL, 'DELETE', '/users/u4')).then(() => undefined, (e: unknown) => e);
  assert.ok(isConnectorError(error));
});

dispatcher('the batch relURI is rendered against the base URL and the settings', async () => {
  const { batch, transport } = start({ batch: batchModel({ minRequests: 1 }, '/tenants/{{config.batchPath}}/$batch'), config: { batchPath: 't 1' } });
  await batch.submit(write(server.baseURL, 'DELETE', '/users/u1')).catch(() => undefined);
  assert.is(transport.sent[0]?.url, `${server.baseURL}/tenants/t%201/$batch`);
  assert.throws(() => start({ batch: batchModel({}, '/tenants/{{config.batchPath}}/$batch') }), (error: unknown) => isConnectorError(error) && error.kind === 'ConfigurationError');
});

dispatcher.run();
