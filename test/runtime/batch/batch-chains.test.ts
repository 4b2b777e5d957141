import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createBatchDispatcher, type BatchDispatcherArgs } from '../../../runtime/batch/index.js';
import { batchModel, fetchTransport, retryModel, startBatchServer, write, type BatchServer } from './batch-support.js';

const chains = suite('batch: dependsOn chains and 424');
let server: BatchServer;

chains.before(async () => {
  server = await startBatchServer();
});
chains.before.each(() => server.reset());
chains.after(() => server.close());

function start(overrides: Partial<BatchDispatcherArgs> = {}) {
  return createBatchDispatcher({ batch: batchModel(), baseURL: server.baseURL, transport: fetchTransport(), headers: {}, retry: retryModel, ...overrides });
}

const add = (member: string) => write(server.baseURL, 'POST', '/groups/g1/members/$ref', { member }, 'group.members.add');

chains('a chain travels in a batch of its own, each item depending on the one before', async () => {
  const batch = start();
  const results = await Promise.all([
    batch.submit(write(server.baseURL, 'PATCH', '/users/u1', { a: 1 })),
    batch.submit(write(server.baseURL, 'PATCH', '/users/u2', { a: 2 })),
    batch.submit(add('m1')),
    batch.submit(add('m2'), { dependsOnPrevious: true }),
    batch.submit(add('m3'), { dependsOnPrevious: true }),
  ]);
  assert.equal(results.map((r) => r.status), [200, 200, 200, 200, 200]);
  const shapes = server.batches.map((b) => b.requests.map((item) => [item.id, (item.body as { member?: string; a?: number }).member ?? (item.body as { a: number }).a, item.dependsOn]));
  assert.equal(shapes, [
    [['1', 1, undefined], ['2', 2, undefined]],
    [['1', 'm1', undefined], ['2', 'm2', ['1']], ['3', 'm3', ['2']]],
  ]);
});

chains('after a failed item, the target\'s 424 for the items that depend on it reaches their callers unchanged', async () => {
  server.handle = (call) => ((call.body as { member: string }).member === 'm2' ? { status: 400, body: { error: { code: 'Request_BadRequest' } } } : { status: 204 });
  const batch = start();
  const results = await Promise.all([batch.submit(add('m1')), batch.submit(add('m2'), { dependsOnPrevious: true }), batch.submit(add('m3'), { dependsOnPrevious: true }), batch.submit(add('m4'), { dependsOnPrevious: true })]);
  assert.equal(results.map((r) => r.status), [204, 400, 424, 424]);
  assert.equal(results[2]?.body, { error: { code: 'FailedDependency' } });
  assert.is(server.calls.length, 2);
});

chains('a chain longer than maxRequests goes in segments, each after the previous one', async () => {
  const batch = start({ batch: batchModel({ maxRequests: 3 }) });
  const results = await Promise.all(['m1', 'm2', 'm3', 'm4', 'm5'].map((member, i) => batch.submit(add(member), { dependsOnPrevious: i > 0 })));
  assert.equal(results.map((r) => r.status), [200, 200, 200, 200, 200]);
  assert.equal(server.batches.map((b) => b.requests.map((item) => item.dependsOn ?? null)), [[null, ['1'], ['2']], [null, ['1']]]);
  assert.equal(server.calls.map((call) => (call.body as { member: string }).member), ['m1', 'm2', 'm3', 'm4', 'm5']);
});

chains('a segment after a failure is answered 424 without being sent', async () => {
  server.handle = (call) => ((call.body as { member: string }).member === 'm3' ? { status: 403, body: {} } : { status: 204 });
  const batch = start({ batch: batchModel({ maxRequests: 3 }) });
  const results = await Promise.all(['m1', 'm2', 'm3', 'm4', 'm5'].map((member, i) => batch.submit(add(member), { dependsOnPrevious: i > 0 })));
  assert.equal(results.map((r) => r.status), [204, 204, 403, 424, 424]);
  assert.is(server.batches.length, 1);
});

chains('a dependency answered earlier: success lets the write go alone, failure answers it 424 unsent', async () => {
  server.handle = (call) => (call.url === '/users/bad' ? { status: 404, body: {} } : { status: 204 });
  const batch = start();
  await batch.submit(write(server.baseURL, 'PATCH', '/users/good', { a: 1 }));
  const after = await batch.submit(add('m1'), { dependsOnPrevious: true });
  assert.is(after.status, 204);
  await batch.submit(write(server.baseURL, 'PATCH', '/users/bad', { a: 1 }));
  const orphan = await batch.submit(add('m2'), { dependsOnPrevious: true });
  assert.is(orphan.status, 424);
  assert.equal(server.calls.map((call) => call.url), ['/users/good', '/groups/g1/members/$ref', '/users/bad']);
});

chains('a write that depends on one still in flight waits for its answer', async () => {
  const batch = start();
  const first = batch.submit(write(server.baseURL, 'PATCH', '/users/u1', { a: 1 }));
  await new Promise((resolve) => setTimeout(resolve, 20)); // the first is sent by now
  const second = batch.submit(add('m1'), { dependsOnPrevious: true });
  assert.equal((await Promise.all([first, second])).map((r) => r.status), [200, 200]);
  assert.equal(server.calls.map((call) => call.url), ['/users/u1', '/groups/g1/members/$ref']);
});

chains('a throttled head of a chain is retried with the rest of the chain, in order', async () => {
  let throttled = false;
  server.handle = (call) => {
    if ((call.body as { member: string }).member === 'm1' && !throttled) {
      throttled = true;
      return { status: 429, headers: { 'Retry-After': '0.05' } };
    }
    return { status: 204 };
  };
  const batch = start();
  const results = await Promise.all(['m1', 'm2', 'm3'].map((member, i) => batch.submit(add(member), { dependsOnPrevious: i > 0 })));
  assert.equal(results.map((r) => r.status), [204, 204, 204]);
  assert.equal(results[0]?.attempts, 2);
  assert.equal(server.batches.map((b) => b.requests.map((item) => item.dependsOn ?? null)), [[null, ['1'], ['2']], [null, ['1'], ['2']]]);
});

chains.run();
