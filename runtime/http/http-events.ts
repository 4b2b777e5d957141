// The structured events the transport reports to its logger callback. URLs and headers in
// them are already redacted; credentials headers are left out entirely.
import type { Redactor } from '../redaction.js';
import type { HttpMethod } from './types.js';

interface AttemptEvent {
  readonly label: string;
  readonly requestId: string;
  readonly method: HttpMethod;
  /** Redacted URL. */
  readonly url: string;
  /** 1 for the first attempt. */
  readonly attempt: number;
}

export type HttpEvent =
  | (AttemptEvent & { readonly type: 'http.start'; readonly headers: Readonly<Record<string, unknown>>; readonly waitedMs: number })
  | (AttemptEvent & { readonly type: 'http.finish'; readonly status: number; readonly durationMs: number; readonly elapsedMs: number })
  | (AttemptEvent & { readonly type: 'http.error'; readonly code: string; readonly message: string; readonly durationMs: number; readonly elapsedMs: number })
  | (AttemptEvent & {
      readonly type: 'http.retry';
      /** Why: "status 429", "ECONNRESET", "unauthorized" (a 401 answered with a fresh token). */
      readonly reason: string;
      readonly status?: number;
      readonly delayMs: number;
      readonly elapsedMs: number;
    });

export type HttpLogger = (event: HttpEvent) => void;

const credentialHeaders: ReadonlySet<string> = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

/** Headers fit for a log: credentials and auth headers dropped, secret-looking ones redacted. */
export function loggableHeaders(headers: Readonly<Record<string, string>>, authHeaderNames: ReadonlySet<string>, redactor: Redactor): Record<string, unknown> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (!credentialHeaders.has(lower) && !authHeaderNames.has(lower)) kept[name] = value;
  }
  return redactor.redactHeaders(kept);
}
