import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createBatchDispatcher, type BatchDispatcherArgs } from '../../../runtime/batch/index.js';
import { batchModel, fetchTransport, retryModel, startBatchServer, write, type BatchServer, type ItemCall, type ItemReply } from './batch-support.js';

const retry = suite('batch: per-item and whole-batch throttling');
let server: BatchServer;

retry.before(async () => {
  server = await startBatchServer();
});
retry.before.each(() => server.reset());
retry.after(() => server.close());

function start(overrides: Partial<BatchDispatcherArgs> = {}) {
  return createBatchDispatcher({ batch: batchModel(), baseURL: server.baseURL, transport: fetchTransport(), headers: {}, retry: retryModel, ...overrides });
}

/** Answers the listed URLs with `reply` the first `times` times they are seen, 200 afterwards. */
function throttle(urls: string[], reply: ItemReply, times = 1): (call: ItemCall) => ItemReply {
  const seen = new Map<string, number>();
  return (call) => {
    const count = (seen.get(call.url) ?? 0) + 1;
    seen.set(call.url, count);
    return urls.includes(call.url) && count <= times ? reply : { status: 200, body: { url: call.url } };
  };
}

const callsTo = (url: string) => server.calls.filter((call) => call.url === url);

retry('a throttled item is retried alone after its Retry-After; the others are answered at once', async () => {
  server.handle = throttle(['/users/u3'], { status: 429, headers: { 'Retry-After': '0.3' }, body: { error: { code: 'TooManyRequests' } } });
  const batch = start();
  const startedAt = performance.now();
  const answeredAt: number[] = [];
  const responses = await Promise.all(
    [1, 2, 3, 4, 5].map((i) => batch.submit(write(server.baseURL, 'PATCH', `/users/u${i}`, { i })).then((r) => ((answeredAt[i] = performance.now() - startedAt), r))),
  );
  assert.equal(responses.map((r) => r.status), [200, 200, 200, 200, 200]);
  assert.is(responses[2]?.attempts, 2);
  assert.equal(server.batches.map((b) => b.requests.length), [5]);
  // Alone: the retry went directly, and nobody else was sent twice.
  assert.equal(server.direct.map((call) => call.url), ['/users/u3']);
  assert.is(server.calls.length, 6);
  const [first, again] = callsTo('/users/u3');
  // Retry-After is a lower bound (1 ms of slack for the two clocks involved).
  assert.ok(again!.at - first!.at >= 299, `retried after ${again!.at - first!.at} ms`);
  // The others were answered with the batch, not held back with u3 (no wall-clock bound
  // here: a loaded machine makes the first round trip slow).
  const others = Math.max(...[1, 2, 4, 5].map((i) => answeredAt[i]!));
  assert.ok(answeredAt[3]! - others >= 290, `u3 answered ${answeredAt[3]! - others} ms after the others`);
});

retry('items throttled together come back together in a later batch', async () => {
  server.handle = throttle(['/users/u2', '/users/u4'], { status: 429, headers: { 'Retry-After': '0.1' } });
  const batch = start();
  const responses = await Promise.all([1, 2, 3, 4].map((i) => batch.submit(write(server.baseURL, 'DELETE', `/users/u${i}`))));
  assert.equal(responses.map((r) => r.status), [200, 200, 200, 200]);
  assert.equal(server.batches.map((b) => b.requests.map((item) => item.url)), [['/users/u1', '/users/u2', '/users/u3', '/users/u4'], ['/users/u2', '/users/u4']]);
  assert.ok(server.batches[1]!.at - server.batches[0]!.at >= 99);
});

retry('without Retry-After a throttled item waits a backoff within maxDelayMs', async () => {
  server.handle = throttle(['/users/u1'], { status: 429 });
  const batch = start({ retry: { ...retryModel, baseDelayMs: 20, maxDelayMs: 40 } });
  const responses = await Promise.all([1, 2].map((i) => batch.submit(write(server.baseURL, 'DELETE', `/users/u${i}`))));
  assert.equal(responses.map((r) => [r.status, r.attempts]), [[200, 2], [200, 1]]);
  const [first, again] = callsTo('/users/u1');
  assert.ok(again!.at - first!.at < 2000);
});

retry('a throttled item keeps its 429 once retry.maxAttempts is used up', async () => {
  server.handle = throttle(['/users/u1'], { status: 429, headers: { 'Retry-After': '0.02' } }, 10);
  const batch = start({ retry: { ...retryModel, maxAttempts: 3 } });
  const [stuck, fine] = await Promise.all([1, 2].map((i) => batch.submit(write(server.baseURL, 'DELETE', `/users/u${i}`))));
  assert.equal([stuck!.status, stuck!.attempts, stuck!.headers['retry-after']], [429, 3, '0.02']);
  assert.is(fine!.status, 200);
  assert.is(callsTo('/users/u1').length, 3);
});

retry('a Retry-After beyond retry.maxElapsedMs is not waited for', async () => {
  server.handle = throttle(['/users/u1'], { status: 429, headers: { 'Retry-After': '30' } });
  const batch = start({ retry: { ...retryModel, maxElapsedMs: 1000 } });
  const startedAt = performance.now();
  const [stuck] = await Promise.all([1, 2].map((i) => batch.submit(write(server.baseURL, 'DELETE', `/users/u${i}`))));
  assert.is(stuck!.status, 429);
  assert.ok(performance.now() - startedAt < 5000);
});

retry('503 with Retry-After is retried for a write safe to repeat, not for a create', async () => {
  server.handle = throttle(['/users/u1', '/users'], { status: 503, headers: { 'Retry-After': '0.05' } });
  const batch = start();
  const [update, create] = await Promise.all([
    batch.submit(write(server.baseURL, 'PATCH', '/users/u1', { city: 'Oslo' })),
    batch.submit(write(server.baseURL, 'POST', '/users', { displayName: 'New' }, 'user.create')),
  ]);
  assert.equal([update!.status, update!.attempts], [200, 2]);
  assert.equal([create!.status, create!.attempts], [503, 1]);
});

retry('a whole batch answered 429 is sent again after its Retry-After', async () => {
  let throttled = false;
  server.batchReply = () => (throttled ? undefined : ((throttled = true), { status: 429, headers: { 'Retry-After': '0.2' }, body: { error: { code: 'TooManyRequests' } } }));
  const batch = start();
  const responses = await Promise.all([1, 2, 3].map((i) => batch.submit(write(server.baseURL, 'DELETE', `/users/u${i}`))));
  assert.equal(responses.map((r) => [r.status, r.attempts]), [[200, 2], [200, 2], [200, 2]]);
  assert.equal(server.batches.map((b) => b.requests.length), [3, 3]);
  assert.ok(server.batches[1]!.at - server.batches[0]!.at >= 199);
});

retry.run();
