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

/** When the object was created: known, unknown, or looked up only once an UnknownUid comes. */
export type CreatedAt = number | undefined | (() => number | undefined);

export async function withConsistencyRetry<T>(session: ConnectorSession, createdAt: CreatedAt, attempt: () => Promise<T>): Promise<T> {
  const { maxElapsedMs, baseDelayMs } = session.definition.connection.consistencyRetry;
  let delay = Math.max(10, baseDelayMs);
  let created = typeof createdAt === 'function' ? null : createdAt;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (!isConnectorError(error) || error.kind !== 'UnknownUid') throw error;
      if (created === null) created = (createdAt as () => number | undefined)();
      const young = created !== undefined && Date.now() - created + delay <= maxElapsedMs;
      if (!young) throw error;
      await pause(delay);
      delay = Math.min(delay * 2, 5_000);
    }
  }
}

/**
 * When this connector created the object within the consistency window, according to the
 * state's audit log or, for a create that was interrupted, its journal (so a create in one run
 * followed at once by an update in the next one also waits for replication); undefined when
 * it did not, or deleted it since.
 */
export function createdRecently(session: ConnectorSession, objectClass: string | undefined, uid: string): number | undefined {
  const { maxElapsedMs } = session.definition.connection.consistencyRetry;
  if (!session.state || objectClass === undefined || maxElapsedMs <= 0) return undefined;
  const since = new Date(Date.now() - maxElapsedMs);
  const records = session.state.listAudit({ definition: session.definition.name, objectClass, outcome: 'success', since, limit: 1000 });
  const latest = records.find((record) => record.uid === uid && (record.operation === 'create' || record.operation === 'delete'));
  if (latest) return latest.operation === 'create' ? Date.parse(latest.at) : undefined;
  // A create cut short after the object was made (killed during its follow-up steps) has no
  // audit record yet; its unfinished journal entry says when the create step was done.
  const open = session.state.findOpenJournal(session.definition.name, objectClass, 'create', { uid });
  const created = open?.steps.find((step) => step.id === 'create' && step.status === 'done');
  const at = created === undefined ? Number.NaN : Date.parse(created.updatedAt);
  return at >= since.getTime() ? at : undefined;
}
