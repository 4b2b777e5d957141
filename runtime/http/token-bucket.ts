// A token bucket with a fair FIFO queue of waiters and one timer at most (no polling).
// The rate is read through a function on every refill, so an adaptive rate (slow-down
// after a 429, gradual recovery) takes effect without rebuilding the bucket.
import { closedError, type Waiter, waitInQueue } from './wait-queue.js';

export interface TokenBucketOptions {
  /** Tokens per second, > 0. */
  readonly rate: () => number;
  /** Bucket size: how many requests may go at once after a quiet period. */
  readonly burst: number;
  readonly now?: () => number;
}

/** Tokens after `elapsedMs` at `rate` per second, never above `burst`. */
export function refill(tokens: number, burst: number, rate: number, elapsedMs: number): number {
  return Math.min(burst, tokens + (rate * Math.max(0, elapsedMs)) / 1000);
}

/** Milliseconds until one whole token is there (0 when it already is). */
export function msUntilToken(tokens: number, rate: number): number {
  return tokens >= 1 ? 0 : Math.ceil(((1 - tokens) / rate) * 1000);
}

export class TokenBucket {
  private readonly now: () => number;
  private readonly waiters: Waiter[] = [];
  private tokens: number;
  private updatedAt: number;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly options: TokenBucketOptions) {
    this.now = options.now ?? Date.now;
    this.tokens = options.burst;
    this.updatedAt = this.now();
  }

  get waiting(): number {
    return this.waiters.length;
  }

  /** Resolves when a token is taken; waiters are served strictly in arrival order. */
  take(signal?: AbortSignal): Promise<void> {
    if (this.closed) return Promise.reject(closedError());
    this.update();
    if (this.waiters.length === 0 && this.tokens >= 1 && !signal?.aborted) {
      this.tokens -= 1;
      return Promise.resolve();
    }
    const promise = waitInQueue(this.waiters, signal);
    this.schedule();
    return promise;
  }

  /** Empties the bucket: after a 429 the burst allowance is gone too. */
  drain(): void {
    this.update();
    this.tokens = Math.min(this.tokens, 0);
  }

  /** Lifts the limit: every waiter goes through now; the bucket takes no more requests. */
  release(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const waiter of this.waiters.splice(0)) waiter.resolve();
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const waiter of this.waiters.splice(0)) waiter.reject(closedError());
  }

  private update(): void {
    const now = this.now();
    this.tokens = refill(this.tokens, this.options.burst, this.options.rate(), now - this.updatedAt);
    this.updatedAt = now;
  }

  private serve(): void {
    this.timer = undefined;
    this.update();
    while (this.waiters.length > 0 && this.tokens >= 1) {
      this.tokens -= 1;
      this.waiters.shift()!.resolve();
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.timer || this.waiters.length === 0 || this.closed) return;
    // Deliberately not unref'd: a request is waiting on it, and letting the process exit
    // here would drop that request silently. The timer lives at most one token interval.
    this.timer = setTimeout(() => this.serve(), Math.max(1, msUntilToken(this.tokens, this.options.rate())));
  }
}
