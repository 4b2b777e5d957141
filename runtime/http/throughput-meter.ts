// Requests per second over a sliding window: where the rate starts from when the target
// throttles a connection that has no configured rate limit.

export class ThroughputMeter {
  private readonly times: number[] = [];
  private firstAt: number | undefined;

  constructor(private readonly windowMs = 2000) {}

  record(now: number): void {
    this.firstAt ??= now;
    this.times.push(now);
    this.prune(now);
  }

  /** Observed requests per second; a young meter divides by its age (at least 250 ms). */
  rate(now: number): number {
    this.prune(now);
    if (this.firstAt === undefined) return 0;
    const spanMs = Math.min(this.windowMs, Math.max(250, now - this.firstAt));
    return (this.times.length * 1000) / spanMs;
  }

  private prune(now: number): void {
    let drop = 0;
    while (drop < this.times.length && this.times[drop]! <= now - this.windowMs) drop += 1;
    if (drop > 0) this.times.splice(0, drop);
  }
}
