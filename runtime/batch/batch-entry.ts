// One submitted write on its way through the dispatcher, and the chains they form.
import type { HttpResponse, PreparedRequest } from '../http/types.js';

export interface BatchEntry {
  readonly request: PreparedRequest;
  /** The request URL relative to the base URL. */
  readonly relativeUrl: string;
  /** Times the target was asked (a batch the transport retried counts each attempt). */
  attempts: number;
  /** When it was first sent, for retry.maxElapsedMs. */
  firstSentAt: number | undefined;
  /** undefined while in flight or queued; true once answered 2xx; false once failed. */
  succeeded: boolean | undefined;
  readonly resolve: (response: HttpResponse) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Entries sent together or not at all: one independent write, or an ordered chain where each
 * depends on the one before. `after` is an entry outside the unit that must succeed first
 * (the end of a chain that did not fit into one batch, or a dependency already sent).
 */
export interface BatchUnit {
  readonly entries: BatchEntry[];
  readonly after?: BatchEntry;
}

export type UnitState = 'ready' | 'blocked' | 'dependencyFailed';

export function unitState(unit: BatchUnit): UnitState {
  if (!unit.after || unit.after.succeeded === true) return 'ready';
  return unit.after.succeeded === false ? 'dependencyFailed' : 'blocked';
}

export function settle(entry: BatchEntry, response: HttpResponse): void {
  entry.succeeded = response.status >= 200 && response.status <= 299;
  entry.resolve(response);
}

export function fail(entry: BatchEntry, error: unknown): void {
  entry.succeeded = false;
  entry.reject(error);
}

/** What the target itself answers for a request whose dependency failed; used when we never sent it. */
export function failedDependency(entry: BatchEntry): HttpResponse {
  return {
    status: 424,
    headers: {},
    body: { error: { code: 'FailedDependency', message: 'not sent: the request it depends on failed' } },
    url: entry.request.url,
    attempts: entry.attempts,
  };
}
