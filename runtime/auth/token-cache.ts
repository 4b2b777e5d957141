// One access token shared by every request of a connection: concurrent callers wait for
// the same token request, a cached token is used until its refresh time, and a burst of
// 401s (every request in flight holding the same stale token) causes one refresh, not many.

export interface AccessToken {
  readonly value: string;
  /** When to stop using it (epoch ms); 0 means ask the source every time. */
  readonly refreshAt: number;
}

/**
 * When to refresh a token that lives `expiresInSeconds` from `obtainedAt`: 10% of its life
 * early, but no more than 60 s early.
 */
export function tokenRefreshAt(obtainedAt: number, expiresInSeconds: number): number {
  const lifetimeMs = Math.max(0, expiresInSeconds) * 1000;
  return obtainedAt + lifetimeMs - Math.min(60_000, lifetimeMs * 0.1);
}

export type TokenSource = (forceRefresh: boolean) => Promise<AccessToken>;

export class TokenCache {
  private token: AccessToken | undefined;
  private inFlight: Promise<AccessToken> | undefined;
  private forcedAt: number | undefined;

  constructor(
    private readonly source: TokenSource,
    private readonly now: () => number = Date.now,
    /** Forced refreshes this soon after the last one reuse its token. */
    private readonly coalesceMs = 1000,
  ) {}

  async get(forceRefresh = false): Promise<string> {
    const now = this.now();
    if (this.inFlight) return (await this.inFlight).value;
    if (this.token) {
      const justForced = this.forcedAt !== undefined && now - this.forcedAt < this.coalesceMs;
      if (forceRefresh ? justForced : now < this.token.refreshAt) return this.token.value;
    }
    const flight = this.source(forceRefresh);
    this.inFlight = flight;
    try {
      this.token = await flight;
      if (forceRefresh) this.forcedAt = this.now();
      return this.token.value;
    } finally {
      this.inFlight = undefined;
    }
  }

  clear(): void {
    this.token = undefined;
  }
}
