// Groups independent writes into batches: submit() queues one write and resolves with its
// own answer. A batch leaves when it is full or when the queue has lingered lingerMs; what
// is too few for a batch goes directly through the transport. Throttled items come back
// alone after their Retry-After and join a later batch.
import { connectorError, isConnectorError } from '../errors.js';
import type { BatchModel, RetryModel } from '../definition/model.js';
import type { HttpResponse, HttpTransport, PreparedRequest } from '../http/types.js';
import { renderPath } from '../template/path-template.js';
import { fail, failedDependency, settle, type BatchEntry, type BatchUnit } from './batch-entry.js';
import { planSends } from './plan-sends.js';
import { baseLocation, relativeToBase } from './relative-url.js';
import { sendBatch, type BatchSender, type EntryOutcome } from './send-batch.js';
import { sendDirect } from './send-direct.js';

export interface BatchDispatcherArgs {
  batch: BatchModel;
  /** Absolute base URL of the connection; item URLs are made relative to it. */
  baseURL: string;
  transport: HttpTransport;
  /** Connection headers for the batch request itself. */
  headers: Record<string, string>;
  /** Per-item 429 / Retry-After handling uses the same limits as the transport. */
  retry: RetryModel;
  /** How long to wait to fill a batch. Default 5 ms. */
  lingerMs?: number;
  /** Settings, for a batch relURI that names them. */
  config?: Readonly<Record<string, unknown>>;
}

export interface BatchDispatcher {
  /** Queues a write; resolves with its own response whatever its status (the caller classifies it). */
  submit(request: PreparedRequest, options?: { dependsOnPrevious?: boolean }): Promise<HttpResponse>;
  /** Sends everything queued now and resolves once every write submitted so far is answered. */
  flush(): Promise<void>;
  /** flush(), then refuses further writes. The transport stays open: it belongs to the connection. */
  close(): Promise<void>;
}

export function createBatchDispatcher(args: BatchDispatcherArgs): BatchDispatcher {
  const base = baseLocation(args.baseURL);
  const baseURL = args.baseURL.replace(/\/+$/, '');
  const sender: BatchSender = { transport: args.transport, url: batchURL(args, baseURL, base.origin), headers: args.headers, retry: args.retry, now: Date.now };
  const limits = { maxRequests: args.batch.maxRequests, minRequests: args.batch.minRequests };
  const lingerMs = args.lingerMs ?? 5;

  let queue: BatchUnit[] = [];
  let lastSubmitted: BatchEntry | undefined;
  let lingerTimer: NodeJS.Timeout | undefined;
  let unanswered = 0;
  let idleWaiters: Array<() => void> = [];
  let closed = false;

  const drain = (mode: 'full' | 'all'): void => {
    if (mode === 'all' && lingerTimer) {
      clearTimeout(lingerTimer);
      lingerTimer = undefined;
    }
    const plan = planSends(queue, limits, mode);
    queue = plan.keep;
    for (const unit of plan.dependencyFailed) for (const entry of unit.entries) answered({ kind: 'answered', entry, response: failedDependency(entry) });
    for (const send of plan.sends) {
      const sending = send.kind === 'batch' ? sendBatch(sender, send.entries, send.serial) : sendDirect(args.transport, send.entries, args.retry, Date.now);
      void sending.then(
        (outcomes) => outcomes.forEach(answered),
        // Not expected (both senders turn failures into outcomes), but no caller may hang.
        (error: unknown) => send.entries.forEach((entry) => answered({ kind: 'failed', entry, error })),
      );
    }
  };

  const lingerThenDrain = (): void => {
    lingerTimer ??= setTimeout(() => {
      lingerTimer = undefined;
      drain('all');
    }, lingerMs);
  };

  const answered = (outcome: EntryOutcome): void => {
    if (outcome.kind === 'retry') {
      setTimeout(() => {
        queue.push({ entries: outcome.entries });
        lingerThenDrain();
      }, outcome.delayMs);
      return;
    }
    if (outcome.kind === 'answered') settle(outcome.entry, outcome.response);
    else fail(outcome.entry, outcome.error);
    // A chain waiting on this entry can go (or be answered 424) right away.
    if (queue.some((unit) => unit.after === outcome.entry)) drain('all');
    if (--unanswered === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      waiters.forEach((wake) => wake());
    }
  };

  const submit = (request: PreparedRequest, options: { dependsOnPrevious?: boolean } = {}): Promise<HttpResponse> => {
    if (closed) return Promise.reject(connectorError('OperationFailed', 'the batch dispatcher is closed', { operation: request.label }));
    let relativeUrl: string;
    try {
      relativeUrl = relativeToBase(request.url, base, request.label);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<HttpResponse>((resolve, reject) => {
      const entry: BatchEntry = { request, relativeUrl, attempts: 0, firstSentAt: undefined, succeeded: undefined, resolve, reject };
      unanswered++;
      const previous = options.dependsOnPrevious ? lastSubmitted : undefined;
      const tail = queue[queue.length - 1];
      if (previous && tail && tail.entries[tail.entries.length - 1] === previous) tail.entries.push(entry);
      else queue.push(previous && previous.succeeded !== true ? { entries: [entry], after: previous } : { entries: [entry] });
      lastSubmitted = entry;
      drain('full');
      if (queue.length > 0) lingerThenDrain();
    });
  };

  const flush = async (): Promise<void> => {
    drain('all');
    if (unanswered > 0) await new Promise<void>((wake) => idleWaiters.push(wake));
  };

  return {
    submit,
    flush,
    close: async () => {
      closed = true;
      await flush();
    },
  };
}

function batchURL(args: BatchDispatcherArgs, baseURL: string, origin: string): string {
  try {
    return baseURL + renderPath(args.batch.relURI, { config: args.config ?? {}, connection: { baseURL, origin } });
  } catch (error) {
    if (isConnectorError(error)) throw error;
    throw connectorError('ConfigurationError', `the batch relURI "${args.batch.relURI.source}" cannot be rendered: ${(error as Error).message}`, {}, error);
  }
}
