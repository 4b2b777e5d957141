// Sends one batch and works out what each entry gets: its own answer, the transport's error,
// or another try after a delay. A whole-batch answer other than 2xx counts as every item's
// answer, so a whole-batch 429 is retried like an item 429 and any other failure reaches
// every caller as it is.
import { connectorError } from '../errors.js';
import type { HttpResponse, HttpTransport, PreparedRequest } from '../http/types.js';
import type { RetryModel } from '../definition/model.js';
import type { BatchEntry } from './batch-entry.js';
import { itemRetryDelay } from './item-retry.js';
import { decodeBatchResponse, encodeBatch, type BatchItemResponse } from './odata-json-batch.js';

export type EntryOutcome =
  | { readonly kind: 'answered'; readonly entry: BatchEntry; readonly response: HttpResponse }
  | { readonly kind: 'failed'; readonly entry: BatchEntry; readonly error: unknown }
  /** Send these entries again (in order, as a chain when several) after delayMs. */
  | { readonly kind: 'retry'; readonly entries: BatchEntry[]; readonly delayMs: number };

export interface BatchSender {
  readonly transport: HttpTransport;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly retry: RetryModel;
  readonly now: () => number;
}

export async function sendBatch(sender: BatchSender, entries: BatchEntry[], serial: boolean): Promise<EntryOutcome[]> {
  const startedAt = sender.now();
  for (const entry of entries) entry.firstSentAt ??= startedAt;
  let response: HttpResponse;
  try {
    response = await sender.transport.send(batchRequest(sender, entries, serial));
  } catch (error) {
    return entries.map((entry) => ({ kind: 'failed', entry, error }));
  }
  for (const entry of entries) entry.attempts += response.attempts;

  const ok = response.status >= 200 && response.status <= 299;
  const answers = ok ? decodeBatchResponse(response.body) : undefined;
  if (typeof answers === 'string') {
    const error = connectorError('OperationFailed', answers, { operation: batchLabel(entries), status: response.status });
    return entries.map((entry) => ({ kind: 'failed', entry, error }));
  }
  const answerOf = (index: number): BatchItemResponse | undefined =>
    answers ? answers.get(String(index + 1)) : { status: response.status, headers: stringHeaders(response.headers), body: response.body };

  const outcomes: EntryOutcome[] = [];
  for (const [index, entry] of entries.entries()) {
    const answer = answerOf(index);
    if (!answer) {
      outcomes.push({ kind: 'failed', entry, error: connectorError('OperationFailed', `the batch response has no answer for item ${index + 1}`, { operation: entry.request.label }) });
      continue;
    }
    const delayMs = itemRetryDelay(entry, answer, sender.retry, sender.now());
    if (delayMs !== undefined) {
      // In a chain, the items after a throttled one were answered 424 only because of it:
      // they go again with it, in order.
      outcomes.push({ kind: 'retry', entries: serial ? entries.slice(index) : [entry], delayMs });
      if (serial) break;
      continue;
    }
    outcomes.push({ kind: 'answered', entry, response: { ...answer, url: entry.request.url, attempts: entry.attempts } });
  }
  return outcomes;
}

function batchRequest(sender: BatchSender, entries: readonly BatchEntry[], serial: boolean): PreparedRequest {
  const items = entries.map((entry) => ({ ...entry.request, url: entry.relativeUrl }));
  return {
    method: 'POST',
    url: sender.url,
    headers: { ...withoutContentType(sender.headers), 'Content-Type': 'application/json' },
    body: encodeBatch(items, serial),
    label: batchLabel(entries),
    // Re-sending the whole batch after a timeout or a 5xx repeats every write in it.
    retrySafe: entries.every((entry) => entry.request.retrySafe),
  };
}

function batchLabel(entries: readonly BatchEntry[]): string {
  return `batch(${[...new Set(entries.map((entry) => entry.request.label))].join(',')})`;
}

function stringHeaders(headers: HttpResponse['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  return out;
}

function withoutContentType(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'content-type'));
}
