import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { isConnectorError } from '../../../runtime/errors.js';
import { msUntilToken, refill, TokenBucket } from '../../../runtime/http/token-bucket.js';
import { Semaphore } from '../../../runtime/http/semaphore.js';

const bucket = suite('token bucket');

bucket('refill adds rate tokens per second up to the burst; msUntilToken says when one is whole', () => {
  assert.is(refill(0, 5, 10, 100), 1);
  assert.is(refill(4.5, 5, 10, 1000), 5);
  assert.is(refill(2, 5, 10, -50), 2);
  assert.is(msUntilToken(1, 10), 0);
  assert.is(msUntilToken(0, 10), 100);
  assert.is(msUntilToken(0.5, 4), 125);
  assert.is(msUntilToken(-1, 20), 100);
});

bucket('the burst goes at once, the rest at the rate', async () => {
  const tokens = new TokenBucket({ rate: () => 20, burst: 2 });
  const started = Date.now();
  const times: number[] = [];
  await Promise.all(Array.from({ length: 6 }, () => tokens.take().then(() => times.push(Date.now() - started))));
  assert.ok(times[1]! < 40, `burst was immediate: ${times}`);
  // 4 tokens beyond the burst at 20/s need 200 ms at least.
  assert.ok(times[5]! >= 190, `last token after ${times[5]} ms`);
  tokens.close();
});

bucket('waiters are served in arrival order', async () => {
  const tokens = new TokenBucket({ rate: () => 100, burst: 1 });
  const order: number[] = [];
  await Promise.all([0, 1, 2, 3, 4].map((i) => tokens.take().then(() => order.push(i))));
  assert.equal(order, [0, 1, 2, 3, 4]);
  tokens.close();
});

bucket('an aborted waiter leaves the queue; the next one is still served', async () => {
  const tokens = new TokenBucket({ rate: () => 20, burst: 1 });
  await tokens.take();
  const controller = new AbortController();
  const first = tokens.take(controller.signal);
  const second = tokens.take();
  controller.abort(new Error('stop'));
  await first.then(() => assert.unreachable('aborted take resolved'), (error: Error) => assert.is(error.message, 'stop'));
  await second;
  assert.is(tokens.waiting, 0);
  tokens.close();
});

bucket('drain removes the burst; close rejects waiters with ConnectionFailed', async () => {
  const tokens = new TokenBucket({ rate: () => 1, burst: 5 });
  tokens.drain();
  const waiting = tokens.take();
  tokens.close();
  await waiting.then(() => assert.unreachable(), (error: unknown) => assert.ok(isConnectorError(error) && error.kind === 'ConnectionFailed'));
});

const semaphore = suite('semaphore');

semaphore('never more than the limit hold a slot; slots pass on in arrival order', async () => {
  const slots = new Semaphore(2);
  let active = 0;
  let peak = 0;
  const order: number[] = [];
  await Promise.all(
    Array.from({ length: 7 }, async (_, i) => {
      const release = await slots.acquire();
      order.push(i);
      active += 1;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setTimeout(resolve, 5));
      active -= 1;
      release();
      release(); // a second call is harmless
    }),
  );
  assert.is(peak, 2);
  assert.equal(order, [0, 1, 2, 3, 4, 5, 6]);
  assert.is(slots.inUse, 0);
});

semaphore('an aborted acquire gives up its place', async () => {
  const slots = new Semaphore(1);
  const release = await slots.acquire();
  const controller = new AbortController();
  const waiting = slots.acquire(controller.signal);
  controller.abort(new Error('gone'));
  await waiting.then(() => assert.unreachable(), (error: Error) => assert.is(error.message, 'gone'));
  release();
  assert.is(slots.inUse, 0);
  assert.throws(() => new Semaphore(0), /positive integer/);
});

bucket.run();
semaphore.run();
