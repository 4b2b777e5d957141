// What kind of failure an error thrown by got (or node:net) is. The retry policy only
// needs to know three things: was it a timeout, is it a transient network failure, and
// can the request have reached the target at all.

export interface NetworkFailure {
  /** The error code, e.g. ECONNRESET, or ETIMEDOUT for got's TimeoutError. */
  readonly code: string;
  readonly timeout: boolean;
  /**
   * True when the connection was never established, so the target cannot have seen the
   * request: re-sending is safe even for a create.
   */
  readonly notSent: boolean;
}

const transientCodes: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'EAI_AGAIN',
  'ERR_STREAM_PREMATURE_CLOSE',
]);

// A refused connection or a DNS lookup that failed for now: nothing was written.
const notSentCodes: ReadonlySet<string> = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN']);

/** The transient network failure an error stands for, or undefined when it is not one. */
export function networkFailure(error: unknown): NetworkFailure | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = errorCode(error);
  const timeout = error.name === 'TimeoutError' || code === 'ETIMEDOUT';
  if (timeout) return { code: code ?? 'ETIMEDOUT', timeout: true, notSent: false };
  if (code !== undefined && transientCodes.has(code)) return { code, timeout: false, notSent: notSentCodes.has(code) };
  // "socket hang up" sometimes arrives without a code when the server closes mid-response.
  if (/socket hang up/i.test(error.message)) return { code: 'ECONNRESET', timeout: false, notSent: false };
  return undefined;
}

/** The most specific code an error carries (got wraps node errors), or undefined. */
export function errorCode(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const own = (error as { code?: unknown }).code;
  if (typeof own === 'string' && own !== 'ERR_GOT_REQUEST_ERROR') return own;
  const cause = error.cause;
  if (cause instanceof Error) {
    const inner = (cause as { code?: unknown }).code;
    if (typeof inner === 'string') return inner;
  }
  return typeof own === 'string' ? own : undefined;
}
