// Writes too few to fill a batch go straight through the transport, which applies the
// connection's own retry policy. A chain is sent in order, and stops at the first failure
// the way a batch target would: the rest are answered 424 without being sent.
import type { HttpTransport } from '../http/types.js';
import { failedDependency, type BatchEntry } from './batch-entry.js';
import type { EntryOutcome } from './send-batch.js';

export async function sendDirect(transport: HttpTransport, entries: readonly BatchEntry[], now: () => number): Promise<EntryOutcome[]> {
  const outcomes: EntryOutcome[] = [];
  let broken = false;
  for (const entry of entries) {
    if (broken) {
      outcomes.push({ kind: 'answered', entry, response: failedDependency(entry) });
      continue;
    }
    entry.firstSentAt ??= now();
    try {
      const response = await transport.send(entry.request);
      entry.attempts += response.attempts;
      outcomes.push({ kind: 'answered', entry, response: { ...response, attempts: entry.attempts } });
      broken = response.status < 200 || response.status > 299;
    } catch (error) {
      outcomes.push({ kind: 'failed', entry, error });
      broken = true;
    }
  }
  return outcomes;
}
