// Client-side limits of one connection: a token bucket for all requests, one for writes,
// a cap on requests in flight, and the slow-down after a 429 (see adaptive-rate.ts).
import type { RateLimitModel } from '../definition/model.js';
import { afterThrottle, defaultAimdSettings, isRecovered, rateAt, type AdaptiveRate, type AimdSettings } from './adaptive-rate.js';
import { Semaphore, type Release } from './semaphore.js';
import { ThroughputMeter } from './throughput-meter.js';
import { TokenBucket } from './token-bucket.js';
import type { HttpMethod } from './types.js';

export interface RateLimiterOptions {
  readonly rateLimit: RateLimitModel;
  /** Overrides rateLimit.concurrency (the CLI's --concurrency). */
  readonly concurrency?: number | undefined;
  readonly now?: () => number;
  readonly aimd?: AimdSettings;
}

export interface EffectiveRates {
  /** Requests per second now; undefined = unlimited. */
  readonly requestsPerSecond: number | undefined;
  readonly writesPerSecond: number | undefined;
}

export function isWrite(method: HttpMethod): boolean {
  return method !== 'GET';
}

/** One rate-limited stream of requests (all requests, or writes only). */
class Lane {
  private readonly meter = new ThroughputMeter();
  private adaptive: AdaptiveRate | undefined;
  private bucket: TokenBucket | undefined;

  constructor(
    private readonly configured: { readonly rate: number; readonly burst: number } | undefined,
    private readonly now: () => number,
    private readonly aimd: AimdSettings,
  ) {
    if (configured) this.bucket = this.newBucket(configured.burst);
  }

  get limited(): boolean {
    return this.bucket !== undefined;
  }

  rate(now = this.now()): number | undefined {
    if (this.adaptive) return rateAt(this.adaptive, now, this.aimd);
    return this.configured?.rate;
  }

  async take(signal: AbortSignal | undefined): Promise<void> {
    this.forgetRecovered();
    if (this.bucket) await this.bucket.take(signal);
    this.meter.record(this.now());
  }

  throttled(): void {
    const now = this.now();
    const before = this.adaptive;
    const ceiling = this.configured?.rate ?? Math.max(1, this.meter.rate(now));
    this.adaptive = afterThrottle(before, ceiling, now, this.aimd);
    if (this.adaptive === before) return;
    // A derived limit sends one request at a time: no burst right after being throttled.
    this.bucket ??= this.newBucket(1);
    this.bucket.drain();
  }

  close(): void {
    this.bucket?.close();
  }

  private forgetRecovered(): void {
    if (!this.adaptive || !isRecovered(this.adaptive, this.now(), this.aimd)) return;
    this.adaptive = undefined;
    if (!this.configured) {
      // The derived limit is lifted: requests queued behind it go now. (Keeping the bucket
      // while some waited left it at its 1/s fallback rate for the rest of the run.)
      this.bucket?.release();
      this.bucket = undefined;
    }
  }

  private newBucket(burst: number): TokenBucket {
    const fallback = this.configured?.rate ?? 1;
    return new TokenBucket({ rate: () => this.rate() ?? fallback, burst, now: this.now });
  }
}

export class RateLimiter {
  private readonly requests: Lane;
  private readonly writes: Lane;
  private readonly slots: Semaphore;

  constructor(options: RateLimiterOptions) {
    const { rateLimit } = options;
    const now = options.now ?? Date.now;
    const aimd = options.aimd ?? defaultAimdSettings;
    const lane = (rate: number | undefined, burst: number | undefined): Lane =>
      new Lane(rate === undefined ? undefined : { rate, burst: burst ?? Math.max(1, Math.floor(rate)) }, now, aimd);
    this.requests = lane(rateLimit.requestsPerSecond, rateLimit.burst);
    this.writes = lane(rateLimit.writesPerSecond, rateLimit.writeBurst);
    this.slots = new Semaphore(options.concurrency ?? rateLimit.concurrency);
  }

  get concurrency(): number {
    return this.slots.limit;
  }

  get inFlight(): number {
    return this.slots.inUse;
  }

  get rates(): EffectiveRates {
    return { requestsPerSecond: this.requests.rate(), writesPerSecond: this.writes.rate() };
  }

  /**
   * Waits for a slot, then for the tokens; resolves with the slot's release. Tokens come
   * last so that the request goes out right after its token, which keeps the send rate exact.
   */
  async acquire(method: HttpMethod, signal?: AbortSignal): Promise<Release> {
    const release = await this.slots.acquire(signal);
    try {
      if (isWrite(method)) await this.writes.take(signal);
      await this.requests.take(signal);
      return release;
    } catch (error) {
      release();
      throw error;
    }
  }

  /** The target answered 429: slow down. A throttled write also slows the write lane. */
  throttled(method: HttpMethod): void {
    this.requests.throttled();
    if (isWrite(method) || this.writes.limited) this.writes.throttled();
  }

  close(): void {
    this.requests.close();
    this.writes.close();
    this.slots.close();
  }
}
