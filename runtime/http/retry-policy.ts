// The whole retry policy as pure functions of (attempt, outcome, retry settings, clock):
// what may be re-sent, and after how long. The transport only sleeps and re-sends.
import type { RetryModel } from '../definition/model.js';
import type { NetworkFailure } from './network-error.js';

/** What an attempt ended with. */
export type AttemptOutcome = { readonly status: number } | { readonly failure: NetworkFailure };

export interface RetryDecisionInput {
  /** The attempt that just ended, 1 for the first. */
  readonly attempt: number;
  readonly outcome: AttemptOutcome;
  readonly retry: RetryModel;
  /** PreparedRequest.retrySafe: may a request the target may have processed be re-sent? */
  readonly retrySafe: boolean;
}

/**
 * May this outcome be retried (ignoring time)? A 429 always may: the target refused the
 * request without processing it, as with a refused connection. A 5xx, a timeout or a reset
 * may have been processed, so they are retried only when the request is safe to repeat.
 */
export function shouldRetry({ attempt, outcome, retry, retrySafe }: RetryDecisionInput): boolean {
  if (attempt >= retry.maxAttempts) return false;
  if ('status' in outcome) {
    if (!retry.statuses.has(outcome.status)) return false;
    return outcome.status === 429 || retrySafe;
  }
  return outcome.failure.notSent || retrySafe;
}

export interface RetryDelayInput {
  /** The attempt that just ended, 1 for the first. */
  readonly attempt: number;
  readonly retry: RetryModel;
  /** What the target asked for in Retry-After, when it did. */
  readonly retryAfterMs?: number | undefined;
  /** Time spent on this request since its first attempt started. Default 0. */
  readonly elapsedMs?: number;
  /** A number in [0, 1), Math.random in production. */
  readonly random: () => number;
}

/**
 * Milliseconds to wait before the next attempt, or undefined to give up because the wait
 * would end beyond retry.maxElapsedMs. Retry-After is honoured exactly (never earlier, and
 * even above maxDelayMs); otherwise exponential backoff with full jitter capped at maxDelayMs.
 */
export function retryDelay({ attempt, retry, retryAfterMs, elapsedMs = 0, random }: RetryDelayInput): number | undefined {
  const delay = retryAfterMs ?? Math.floor(random() * backoffCap(attempt, retry));
  return elapsedMs + delay > retry.maxElapsedMs ? undefined : delay;
}

/** The upper bound of the jittered backoff after `attempt`: base * 2^(attempt-1), at most maxDelayMs. */
export function backoffCap(attempt: number, retry: Pick<RetryModel, 'baseDelayMs' | 'maxDelayMs'>): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 52);
  return Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** exponent);
}

/** shouldRetry and retryDelay together: the wait before the next attempt, or undefined for none. */
export function nextRetryDelay(input: RetryDecisionInput & Omit<RetryDelayInput, 'attempt' | 'retry'>): number | undefined {
  if (!shouldRetry(input)) return undefined;
  return retryDelay(input);
}

const secondsPattern = /^\d+(?:\.\d+)?$/;
// IMF-fixdate, RFC 850 and asctime dates all carry an hh:mm:ss time; Date.parse alone would
// also accept things like "1" or "2024", which are not HTTP dates.
const httpDatePattern = /^[A-Za-z]{3,9},? .*\b\d{2}:\d{2}:\d{2}\b/;

/**
 * Retry-After as milliseconds from `now`: integer or fractional seconds ("120", "0.5") or an
 * HTTP date (a date in the past means now: 0). Negative numbers and garbage give undefined.
 */
export function parseRetryAfter(header: string | readonly string[] | undefined, now: number): number | undefined {
  const value = (typeof header === 'string' ? header : header?.[0])?.trim();
  if (!value) return undefined;
  if (secondsPattern.test(value)) {
    const ms = Math.ceil(Number(value) * 1000);
    return Number.isFinite(ms) ? ms : undefined;
  }
  if (!httpDatePattern.test(value)) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
