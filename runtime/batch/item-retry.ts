// When a batch item (or a whole batch) is answered "not now", the item is sent again alone,
// after exactly the Retry-After it was given - the connection's retry policy, applied per item.
import type { RetryModel } from '../definition/model.js';
import { parseRetryAfter, retryDelay, shouldRetry } from '../http/retry-policy.js';
import type { BatchEntry } from './batch-entry.js';

export interface ItemAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/**
 * Milliseconds to wait before sending the entry again, or undefined to hand the answer to
 * the caller. A 429 means the target did not process the item; a 503 only counts when it
 * says when to come back, and like every 5xx only for a request that is safe to repeat.
 */
export function itemRetryDelay(entry: BatchEntry, answer: ItemAnswer, retry: RetryModel, now: number, random: () => number = Math.random): number | undefined {
  const retryAfterMs = parseRetryAfter(headerOf(answer.headers, 'retry-after'), now);
  const throttled = answer.status === 429 || (answer.status === 503 && retryAfterMs !== undefined);
  if (!throttled) return undefined;
  if (!shouldRetry({ attempt: entry.attempts, outcome: { status: answer.status }, retry, retrySafe: entry.request.retrySafe })) return undefined;
  return retryDelay({ attempt: entry.attempts, retry, retryAfterMs, elapsedMs: now - (entry.firstSentAt ?? now), random });
}

function headerOf(headers: ItemAnswer['headers'], name: string): string | readonly string[] | undefined {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}
