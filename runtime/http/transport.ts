// The HTTP transport of one connection: rate limit and concurrency cap, auth headers, one
// attempt at a time through got, and the retry policy between attempts.
import { randomUUID } from 'node:crypto';
import type { AuthProvider } from '../auth/auth-provider.js';
import type { ConnectionModel } from '../definition/model.js';
import type { Redactor } from '../redaction.js';
import { redactUrl } from './describe-request.js';
import { createGotClient } from './got-client.js';
import { loggableHeaders, type HttpEvent, type HttpLogger } from './http-events.js';
import { errorCode, networkFailure } from './network-error.js';
import { RateLimiter } from './rate-limiter.js';
import { nextRetryDelay, parseRetryAfter } from './retry-policy.js';
import { requestHeaders, sendAttempt, type AttemptResult } from './send-attempt.js';
import { sleep } from './sleep.js';
import { transportError } from './transport-error.js';
import type { HttpResponse, HttpTransport, PreparedRequest, SendOptions } from './types.js';

export { describeRequest, redactUrl } from './describe-request.js';

export interface TransportOptions {
  readonly connection: ConnectionModel;
  readonly auth: AuthProvider;
  readonly redactor: Redactor;
  /** Overrides connection.rateLimit.concurrency. */
  readonly concurrency?: number | undefined;
  readonly logger?: HttpLogger | undefined;
  readonly userAgent?: string | undefined;
  /** Extra trusted CA: PEM text or a PEM file path. */
  readonly ca?: string | undefined;
  /** Jitter source, Math.random by default. */
  readonly random?: () => number;
}

export function createTransport(options: TransportOptions): HttpTransport {
  const { connection, auth, redactor } = options;
  const client = createGotClient({ timeoutMs: connection.timeoutMs, userAgent: options.userAgent, ca: options.ca });
  const limiter = new RateLimiter({ rateLimit: connection.rateLimit, concurrency: options.concurrency });
  const random = options.random ?? Math.random;
  const logger = options.logger;
  // Events are built only when someone listens: redacting the URL and the headers of every
  // request cost about 5% of the engine's throughput with no logger at all.
  const log = (event: () => HttpEvent): void => logger?.(event());

  async function send(request: PreparedRequest, sendOptions: SendOptions = {}): Promise<HttpResponse> {
    const { signal } = sendOptions;
    const requestId = request.requestId ?? randomUUID();
    let described: { label: string; requestId: string; method: PreparedRequest['method']; url: string } | undefined;
    const base = () => (described ??= { label: request.label, requestId, method: request.method, url: redactUrl(request.url, redactor) });
    const startedAt = Date.now();
    let refreshAuth = false;
    let refreshed = false;

    for (let attempt = 1; ; attempt += 1) {
      const queuedAt = Date.now();
      const release = await limiter.acquire(request.method, signal);
      const sentAt = Date.now();
      let result: AttemptResult;
      try {
        const authHeaders = await auth.headers(refreshAuth);
        refreshAuth = false;
        const headers = requestHeaders(request, authHeaders, { header: connection.requestIdHeader, value: requestId });
        log(() => {
          const authNames = new Set(Object.keys(authHeaders).map((name) => name.toLowerCase()));
          return { ...base(), type: 'http.start', attempt, headers: loggableHeaders(headers, authNames, redactor), waitedMs: sentAt - queuedAt };
        });
        result = await sendAttempt(client.got, request, headers, signal);
      } finally {
        release();
      }
      const timing = { durationMs: Date.now() - sentAt, elapsedMs: Date.now() - startedAt };
      if (signal?.aborted) throw signal.reason;

      if ('response' in result) {
        const { status } = result.response;
        log(() => ({ ...base(), type: 'http.finish', attempt, status, ...timing }));
        if (status === 401 && !refreshed && auth.refreshable !== false) {
          refreshed = refreshAuth = true;
          log(() => ({ ...base(), type: 'http.retry', attempt, reason: 'unauthorized', status, delayMs: 0, elapsedMs: timing.elapsedMs }));
          continue;
        }
        if (status === 429) limiter.throttled(request.method);
        const retryAfterMs = parseRetryAfter(result.response.headers['retry-after'], Date.now());
        const delayMs = nextRetryDelay({ attempt, outcome: { status }, retry: connection.retry, retrySafe: request.retrySafe, retryAfterMs, elapsedMs: timing.elapsedMs, random });
        if (delayMs === undefined) return { ...result.response, attempts: attempt };
        log(() => ({ ...base(), type: 'http.retry', attempt, reason: `status ${status}`, status, delayMs, elapsedMs: timing.elapsedMs }));
        await sleep(delayMs, signal);
        continue;
      }

      const failure = networkFailure(result.error);
      const message = redactor.redactText(result.error instanceof Error ? result.error.message : String(result.error));
      log(() => ({ ...base(), type: 'http.error', attempt, code: failure?.code ?? errorCode(result.error) ?? 'ERROR', message, ...timing }));
      const delayMs = failure && nextRetryDelay({ attempt, outcome: { failure }, retry: connection.retry, retrySafe: request.retrySafe, elapsedMs: timing.elapsedMs, random });
      if (!failure || delayMs === undefined) throw transportError(request, result.error, failure, { attempts: attempt, elapsedMs: timing.elapsedMs }, redactor);
      log(() => ({ ...base(), type: 'http.retry', attempt, reason: failure.code, delayMs, elapsedMs: timing.elapsedMs }));
      await sleep(delayMs, signal);
    }
  }

  return {
    send,
    close: async () => {
      limiter.close();
      client.close();
    },
  };
}
