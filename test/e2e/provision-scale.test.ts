// 5,000 identities applied through the library against the Graph fake with throttling (429 +
// Retry-After, by rate and scripted), eventual consistency lag, lost connections and 503s: exactly 5,000
// accounts with the right groups and licenses, no duplicates; a second apply writes nothing.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { applyPolicy } from '../../runtime/provision/apply.js';
import { checkPolicy } from '../../runtime/provision/load-policy.js';
import { openStateStore } from '../../runtime/state/index.js';
import { loadOffice365, startProvisionGraph } from '../support/provision-graph.js';
import { scaleIdentities, scalePolicy, scaleProblems } from '../support/provision-scale.js';

test('5,000 identities under throttling and replication lag: exact accounts, groups and licenses; a second apply writes nothing', async () => {
  const graph = await startProvisionGraph({
    users: 5200,
    faults: {
      writesPerSecond: 1200,
      retryAfter: '0.2',
      consistencyLag: 1,
      script: [
        { match: '^POST /\\$batch', status: 'drop', times: 2 },
        { match: '^POST /\\$batch', status: 503, retryAfter: '0.2', times: 2 },
        { match: '^POST /(users|groups/[^/]+/members)', status: 429, retryAfter: '0.2', times: 25 },
      ],
    },
  });
  const state = openStateStore(`${graph.dir}/state.db`);
  const definition = await loadOffice365();
  const connector = graph.connector(definition, { state });
  try {
    const policy = await checkPolicy(definition, scalePolicy);
    const identities = scaleIdentities(5000);
    const started = Date.now();
    const first = await applyPolicy(connector, policy, identities.map((claims) => ({ claims })), { concurrency: 256 });
    const seconds = (Date.now() - started) / 1000;
    const counters = graph.fake.counters();
    assert.equal(first.counts.outcomes, { success: 5000, partial: 0, failed: 0, unchanged: 0 }, JSON.stringify(first.identities?.find((o) => o.outcome !== 'success')));
    assert.ok(counters.throttled >= 25, 'the fake throttled writes');
    assert.is(counters.dropped, 2, 'two batches lost their connection');
    assert.equal(scaleProblems(graph.fake, identities), []);
    assert.is(graph.fake.state().users, 5200 + 5000);
    assert.equal(state.listJournals({ operation: 'apply', open: true }), [], 'every journal entry is finished');

    graph.fake.resetCounters();
    const second = await applyPolicy(connector, policy, identities.map((claims) => ({ claims })), { concurrency: 256 });
    assert.equal(second.counts.outcomes, { success: 0, partial: 0, failed: 0, unchanged: 5000 });
    assert.is(graph.fake.counters().writes, 0);
    assert.ok(graph.fake.counters().requests < 100, `a second apply reads in bulk (${graph.fake.counters().requests} requests)`);
    process.stdout.write(`  5,000 creates + ${counters.writes - 5000} membership/license writes in ${seconds.toFixed(1)} s (${counters.batches} batches, ${counters.throttled} throttled)\n`);
  } finally {
    await connector.close();
    state.close();
    await graph.close();
  }
});

test.run();
