// Eventual consistency: a step addressing an object created moments ago may see
// UnknownUid while the target replicates. Such steps are retried with backoff for a
// bounded time (connection.consistencyRetry) before the error stands.
import { isConnectorError } from '../errors.js';
import type { ConnectorSession } from './session.js';

// Referenced on purpose: an unref'd timer let a CLI run whose only pending work was this
// wait exit mid-operation (status 13, unfinished top-level await) with nothing printed.
function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function withConsistencyRetry<T>(session: ConnectorSession, createdAt: number | undefined, attempt: () => Promise<T>): Promise<T> {
  const { maxElapsedMs, baseDelayMs } = session.definition.connection.consistencyRetry;
  let delay = Math.max(10, baseDelayMs);
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      const young = createdAt !== undefined && Date.now() - createdAt + delay <= maxElapsedMs;
      if (!isConnectorError(error) || error.kind !== 'UnknownUid' || !young) throw error;
      await pause(delay);
      delay = Math.min(delay * 2, 5_000);
    }
  }
}
