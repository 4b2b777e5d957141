import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import type { RetryModel } from '../../../runtime/definition/model.js';
import { backoffCap, nextRetryDelay, parseRetryAfter, retryDelay, shouldRetry } from '../../../runtime/http/retry-policy.js';

const retry: RetryModel = { maxAttempts: 4, maxElapsedMs: 10_000, baseDelayMs: 100, maxDelayMs: 1_000, statuses: new Set([429, 502, 503, 504]) };
const reset = { failure: { code: 'ECONNRESET', timeout: false, notSent: false } };
const refused = { failure: { code: 'ECONNREFUSED', timeout: false, notSent: true } };
const timeout = { failure: { code: 'ETIMEDOUT', timeout: true, notSent: false } };
const now = Date.UTC(2024, 0, 1, 12, 0, 0);

const parse = suite('parseRetryAfter');

parse('reads integer and fractional seconds, rounding up to whole milliseconds', () => {
  assert.is(parseRetryAfter('3', now), 3000);
  assert.is(parseRetryAfter('0', now), 0);
  assert.is(parseRetryAfter(' 0.5 ', now), 500);
  assert.is(parseRetryAfter('1.25', now), 1250);
  assert.is(parseRetryAfter('0.0001', now), 1);
  assert.is(parseRetryAfter(['2', '9'], now), 2000);
});

parse('reads HTTP dates in all three formats; a past date means now', () => {
  assert.is(parseRetryAfter('Mon, 01 Jan 2024 12:00:05 GMT', now), 5000);
  assert.is(parseRetryAfter('Monday, 01-Jan-24 12:00:07 GMT', now), 7000);
  assert.is(parseRetryAfter('Mon Jan  1 12:00:09 2024', now), 9000);
  assert.is(parseRetryAfter('Mon, 01 Jan 2024 11:00:00 GMT', now), 0);
});

parse('negative numbers, garbage and bare numbers-as-dates give undefined', () => {
  for (const value of ['-1', '-0.5', 'soon', '', '   ', '1e3', '5s', '12:00:00', 'Mon, 99 Foo 2024 12:00:00 GMT', undefined]) {
    assert.is(parseRetryAfter(value, now), undefined, String(value));
  }
});

const decide = suite('shouldRetry');

decide('a 429 is retried even when the request is not safe to repeat', () => {
  assert.ok(shouldRetry({ attempt: 1, outcome: { status: 429 }, retry, retrySafe: false }));
});

decide('5xx, timeouts and resets are retried only when the request is safe to repeat', () => {
  for (const outcome of [{ status: 503 }, { status: 502 }, timeout, reset]) {
    assert.ok(shouldRetry({ attempt: 1, outcome, retry, retrySafe: true }));
    assert.not.ok(shouldRetry({ attempt: 1, outcome, retry, retrySafe: false }));
  }
});

decide('a refused connection never reached the target, so even a create is re-sent', () => {
  assert.ok(shouldRetry({ attempt: 1, outcome: refused, retry, retrySafe: false }));
});

decide('statuses outside retry.statuses are final, and maxAttempts caps all retries', () => {
  assert.not.ok(shouldRetry({ attempt: 1, outcome: { status: 500 }, retry, retrySafe: true }));
  assert.not.ok(shouldRetry({ attempt: 1, outcome: { status: 400 }, retry, retrySafe: true }));
  assert.ok(shouldRetry({ attempt: 3, outcome: { status: 429 }, retry, retrySafe: true }));
  assert.not.ok(shouldRetry({ attempt: 4, outcome: { status: 429 }, retry, retrySafe: true }));
  assert.not.ok(shouldRetry({ attempt: 1, outcome: { status: 429 }, retry: { ...retry, statuses: new Set([503]) }, retrySafe: true }));
});

const delay = suite('retryDelay');

delay('backoff doubles from baseDelayMs up to maxDelayMs, with full jitter', () => {
  assert.equal([1, 2, 3, 4, 5, 60].map((attempt) => backoffCap(attempt, retry)), [100, 200, 400, 800, 1000, 1000]);
  assert.is(retryDelay({ attempt: 3, retry, random: () => 0.5 }), 200);
  assert.is(retryDelay({ attempt: 3, retry, random: () => 0 }), 0);
  assert.is(retryDelay({ attempt: 3, retry, random: () => 0.999 }), 399);
});

delay('Retry-After is honoured exactly, even above maxDelayMs', () => {
  assert.is(retryDelay({ attempt: 1, retry, retryAfterMs: 1500, random: () => 0.5 }), 1500);
  assert.is(retryDelay({ attempt: 1, retry, retryAfterMs: 0, random: () => 0.5 }), 0);
});

delay('a wait that would end beyond maxElapsedMs gives up instead of waiting less', () => {
  assert.is(retryDelay({ attempt: 1, retry, retryAfterMs: 5000, elapsedMs: 5000, random: () => 0 }), 5000);
  assert.is(retryDelay({ attempt: 1, retry, retryAfterMs: 5001, elapsedMs: 5000, random: () => 0 }), undefined);
  assert.is(retryDelay({ attempt: 4, retry, elapsedMs: 9_900, random: () => 0.5 }), undefined);
});

delay('nextRetryDelay combines the decision and the delay', () => {
  assert.is(nextRetryDelay({ attempt: 1, outcome: { status: 503 }, retry, retrySafe: false, random: () => 0.5 }), undefined);
  assert.is(nextRetryDelay({ attempt: 1, outcome: { status: 429 }, retry, retrySafe: false, retryAfterMs: 700, random: () => 0.5 }), 700);
});

const retryModels = fc.record({
  maxAttempts: fc.integer({ min: 1, max: 100 }),
  maxElapsedMs: fc.integer({ min: 0, max: 600_000 }),
  baseDelayMs: fc.integer({ min: 0, max: 10_000 }),
  maxDelayMs: fc.integer({ min: 0, max: 120_000 }),
}).map((r): RetryModel => ({ ...r, statuses: new Set([429, 503]) }));
const randoms = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

delay('property: never earlier than Retry-After', () => {
  fc.assert(fc.property(retryModels, fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 600_000 }), randoms, (model, attempt, retryAfterMs, r) => {
    const ms = retryDelay({ attempt, retry: model, retryAfterMs, random: () => r });
    return ms === undefined || ms >= retryAfterMs;
  }));
});

delay('property: without Retry-After never above maxDelayMs, never negative', () => {
  fc.assert(fc.property(retryModels, fc.integer({ min: 1, max: 1000 }), randoms, (model, attempt, r) => {
    const ms = retryDelay({ attempt, retry: model, random: () => r });
    return ms === undefined || (ms >= 0 && ms <= model.maxDelayMs && Number.isInteger(ms));
  }));
});

delay('property: a whole retry sequence stays within maxAttempts and maxElapsedMs', () => {
  const outcomes = fc.array(fc.oneof(fc.constant<number | undefined>(undefined), fc.integer({ min: 0, max: 200_000 })), { minLength: 1, maxLength: 120 });
  fc.assert(fc.property(retryModels, outcomes, randoms, (model, retryAfters, r) => {
    let elapsed = 0;
    let attempt = 1;
    for (const retryAfterMs of retryAfters) {
      const ms = nextRetryDelay({ attempt, outcome: { status: 429 }, retry: model, retrySafe: false, retryAfterMs, elapsedMs: elapsed, random: () => r });
      if (ms === undefined) break;
      elapsed += ms;
      attempt += 1;
    }
    return attempt <= model.maxAttempts && elapsed <= model.maxElapsedMs;
  }));
});

parse.run();
decide.run();
delay.run();
