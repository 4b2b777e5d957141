// The waiting part shared by the token bucket and the semaphore: a FIFO queue of promises
// that an AbortSignal can leave early, and the error waiters get when the transport closes.
import { connectorError, type ConnectorError } from '../errors.js';

export interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

/** Appends a waiter to `queue`; an abort removes it and rejects with the signal's reason. */
export function waitInQueue(queue: Waiter[], signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      const index = queue.indexOf(waiter);
      if (index >= 0) queue.splice(index, 1);
      reject(signal?.reason);
    };
    const waiter: Waiter = {
      resolve: () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      reject: (error) => {
        signal?.removeEventListener('abort', onAbort);
        reject(error);
      },
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    queue.push(waiter);
  });
}

export function closedError(): ConnectorError {
  return connectorError('ConnectionFailed', 'the HTTP transport was closed while the request waited for its turn');
}
