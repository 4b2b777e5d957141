import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { afterThrottle, isRecovered, rateAt, type AimdSettings } from '../../../runtime/http/adaptive-rate.js';
import { RateLimiter } from '../../../runtime/http/rate-limiter.js';
import { ThroughputMeter } from '../../../runtime/http/throughput-meter.js';

const settings: AimdSettings = { increasePerSecond: 0.1, minDecreaseIntervalMs: 1000, floorFraction: 1 / 8 };

const aimd = suite('adaptive rate (AIMD)');

aimd('a 429 halves the rate; it then grows back by a share of the ceiling per second', () => {
  const state = afterThrottle(undefined, 10, 0, settings);
  assert.equal(state, { ceiling: 10, base: 5, decreasedAt: 0 });
  assert.is(rateAt(state, 0, settings), 5);
  assert.is(rateAt(state, 2000, settings), 7);
  assert.not.ok(isRecovered(state, 4999, settings));
  assert.is(rateAt(state, 5000, settings), 10);
  assert.is(rateAt(state, 60_000, settings), 10);
  assert.ok(isRecovered(state, 5000, settings));
});

aimd('429s of one burst halve once; later ones halve the recovered rate, down to the floor', () => {
  const first = afterThrottle(undefined, 16, 0, settings);
  assert.is(afterThrottle(first, 999, 500, settings), first);
  const second = afterThrottle(first, 999, 1000, settings);
  // At 1 s the rate had regained 1.6 of 16: (8 + 1.6) / 2.
  assert.equal(second, { ceiling: 16, base: 4.8, decreasedAt: 1000 });
  let state = second;
  for (let t = 2000; t < 20_000; t += 1000) state = afterThrottle(state, 16, t, { ...settings, increasePerSecond: 0 });
  assert.is(state.base, 2);
});

const meter = suite('throughput meter');

meter('counts requests over the window, or over its age while young', () => {
  const m = new ThroughputMeter(2000);
  assert.is(m.rate(0), 0);
  for (let t = 0; t < 1000; t += 100) m.record(t);
  assert.is(m.rate(1000), 10);
  assert.is(m.rate(2500), 2); // 600..900 are still in the window
  assert.is(m.rate(5000), 0);
});

const limiter = suite('rate limiter');

limiter('configured rates are halved after a 429 and recover; reads do not touch an unconfigured write lane', async () => {
  let now = 0;
  const limits = new RateLimiter({ rateLimit: { requestsPerSecond: 10, writesPerSecond: 4, concurrency: 4 }, now: () => now, aimd: settings });
  assert.equal(limits.rates, { requestsPerSecond: 10, writesPerSecond: 4 });
  limits.throttled('GET');
  assert.equal(limits.rates, { requestsPerSecond: 5, writesPerSecond: 2 });
  now = 5000;
  assert.equal(limits.rates, { requestsPerSecond: 10, writesPerSecond: 4 });

  const readsOnly = new RateLimiter({ rateLimit: { requestsPerSecond: 10, concurrency: 4 }, now: () => now, aimd: settings });
  readsOnly.throttled('GET');
  assert.equal(readsOnly.rates, { requestsPerSecond: 5, writesPerSecond: undefined });
  limits.close();
  readsOnly.close();
});

limiter('without a configured rate a 429 derives one from the observed throughput, then lifts it', async () => {
  let now = 0;
  const limits = new RateLimiter({ rateLimit: { concurrency: 4 }, now: () => now, aimd: settings });
  for (; now < 1000; now += 50) (await limits.acquire('POST'))();
  assert.equal(limits.rates, { requestsPerSecond: undefined, writesPerSecond: undefined });
  limits.throttled('POST');
  assert.equal(limits.rates, { requestsPerSecond: 10, writesPerSecond: 10 });
  now += 5000;
  (await limits.acquire('POST'))();
  assert.equal(limits.rates, { requestsPerSecond: undefined, writesPerSecond: undefined });
  limits.close();
});

limiter('a derived limit lifted while requests queue behind it lets them all go (no 1/s leftover)', async () => {
  // Recovers from half to full in 100 ms; 8 workers keep the bucket's queue busy meanwhile.
  const limits = new RateLimiter({ rateLimit: { concurrency: 8 }, aimd: { increasePerSecond: 5, minDecreaseIntervalMs: 1000, floorFraction: 1 / 16 } });
  for (let i = 0; i < 20; i++) (await limits.acquire('POST'))();
  limits.throttled('POST');
  const started = Date.now();
  let late = 0;
  const worker = async () => {
    while (Date.now() - started < 600) {
      (await limits.acquire('POST'))();
      if (Date.now() - started >= 300) late++;
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  assert.equal(limits.rates, { requestsPerSecond: undefined, writesPerSecond: undefined });
  assert.ok(late > 100, `only ${late} requests in the 300 ms after recovery`);
  limits.close();
});

limiter('after a 429 the next request waits for the halved rate (no burst left)', async () => {
  const limits = new RateLimiter({ rateLimit: { requestsPerSecond: 20, burst: 20, concurrency: 8 } });
  (await limits.acquire('GET'))();
  limits.throttled('GET');
  const started = Date.now();
  (await limits.acquire('GET'))();
  // 10/s after halving: one token takes 100 ms.
  assert.ok(Date.now() - started >= 90, `waited ${Date.now() - started} ms`);
  limits.close();
});

limiter('the --concurrency override wins over the definition', () => {
  const limits = new RateLimiter({ rateLimit: { concurrency: 8 }, concurrency: 3 });
  assert.is(limits.concurrency, 3);
  limits.close();
});

aimd.run();
meter.run();
limiter.run();
