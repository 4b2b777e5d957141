// A counting semaphore with a FIFO queue: the cap on requests in flight.
import { closedError, type Waiter, waitInQueue } from './wait-queue.js';

export type Release = () => void;

export class Semaphore {
  private readonly waiters: Waiter[] = [];
  private held = 0;
  private closed = false;

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`concurrency must be a positive integer, got ${limit}`);
  }

  get inUse(): number {
    return this.held;
  }

  get waiting(): number {
    return this.waiters.length;
  }

  /** Resolves with a release function (calling it twice releases once). */
  async acquire(signal?: AbortSignal): Promise<Release> {
    if (this.closed) throw closedError();
    if (this.held < this.limit && this.waiters.length === 0 && !signal?.aborted) {
      this.held += 1;
    } else {
      // A released slot passes straight to the next waiter, so `held` stays counted.
      await waitInQueue(this.waiters, signal);
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.release();
    };
  }

  close(): void {
    this.closed = true;
    for (const waiter of this.waiters.splice(0)) waiter.reject(closedError());
  }

  private release(): void {
    const next = this.waiters.shift();
    if (next) next.resolve();
    else this.held -= 1;
  }
}
