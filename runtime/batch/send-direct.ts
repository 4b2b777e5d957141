// Writes too few to fill a batch go straight through the transport, which applies the
// connection's retry policy itself. A chain is sent in order and stops at the first failure
// the way a batch target would: the rest are answered 424 without being sent. An answer
// still throttled gets the same per-item treatment as in a batch; the attempts the
// transport reports count against the same budget, so the two never multiply.
import type { RetryModel } from '../definition/model.js';
import type { HttpTransport } from '../http/types.js';
import { failedDependency, type BatchEntry } from './batch-entry.js';
import { itemRetryDelay } from './item-retry.js';
import type { EntryOutcome } from './send-batch.js';

export async function sendDirect(transport: HttpTransport, entries: readonly BatchEntry[], retry: RetryModel, now: () => number): Promise<EntryOutcome[]> {
  const outcomes: EntryOutcome[] = [];
  let broken = false;
  for (const [index, entry] of entries.entries()) {
    if (broken) {
      outcomes.push({ kind: 'answered', entry, response: failedDependency(entry) });
      continue;
    }
    entry.firstSentAt ??= now();
    try {
      const response = await transport.send(entry.request);
      entry.attempts += response.attempts;
      const delayMs = itemRetryDelay(entry, response, retry, now());
      if (delayMs !== undefined) {
        outcomes.push({ kind: 'retry', entries: entries.slice(index), delayMs });
        break;
      }
      outcomes.push({ kind: 'answered', entry, response: { ...response, attempts: entry.attempts } });
      broken = response.status < 200 || response.status > 299;
    } catch (error) {
      outcomes.push({ kind: 'failed', entry, error });
      broken = true;
    }
  }
  return outcomes;
}
