// What every Office 365 e2e suite proves about the traffic it caused, after its last test:
// each request the connector sent (top-level ones; $batch envelopes carry their items) passes
// the Graph v1.0 OpenAPI checker, no retry came before its Retry-After, and in the faults mode
// the fake really throttled.
import * as assert from 'uvu/assert';
import type { GraphFake, RequestLogEntry } from '../../fixtures/graph/index.js';
import { checkGraphRequests } from './check-graph-requests.js';
import type { GraphFaultMode } from './graph-cli.js';

export function graphRequestsOf(log: readonly RequestLogEntry[]): Array<{ method: string; url: string; headers: Record<string, string>; body: unknown }> {
  return log.filter((entry) => entry.kind === 'graph').map((entry) => ({ method: entry.method, url: entry.url, headers: entry.headers, body: entry.body ?? null }));
}

export function assertConformingTraffic(fake: GraphFake, mode: GraphFaultMode): void {
  const requests = graphRequestsOf(fake.requestLog());
  assert.ok(requests.length > 0, 'the suite sent requests');
  const checked = checkGraphRequests(requests);
  assert.ok(checked.ok, `every request conforms to Graph v1.0:\n${checked.output}`);
  const early = fake.earlyRetries();
  assert.equal(early.map((e) => `${e.retry.method} ${e.retry.url} after ${Math.round(e.waitedMs)} ms < ${e.requiredMs} ms`), [], 'Retry-After honored');
  if (mode === 'faults') {
    const counters = fake.counters();
    assert.ok(counters.throttled > 0, `the fake throttled (${counters.throttled} × 429)`);
  }
}
