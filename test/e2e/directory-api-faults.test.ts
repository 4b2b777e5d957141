// The engine under fire: 1,000 creates through the library API (one connector, a pool of
// 8 operations, concurrency 8) while the directory fake throttles (integer and fractional
// Retry-After), answers 503, resets connections before handling and after applying the
// create, and holds created responses past the client timeout. Exactly one account per
// login must exist afterwards, every create must report its real uid, no create may be
// re-sent once the target applied it, and no request may come back before its Retry-After.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'jsonc-parser';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startDirectoryApi, type DirectoryApi, type FaultRule } from '../../fixtures/directory-api/index.js';
import { createConnector, loadDefinition, openStateStore, type WriteResult } from '../../runtime/index.js';
import { runConcurrently } from '../../runtime/operations/run-concurrently.js';
import { directoryDefinition } from '../support/directory-cli.js';

const total = 1000;
const concurrency = 8;
const timeoutMs = 400;

// Throttles come in a limited number (maxTimes): the engine answers each 429 by halving its
// rate and regaining it over about ten seconds (AIMD), so a target that throttled a fixed share
// of all requests, whatever the rate, would hold the run near sqrt(0.1 * rate * everyNth)
// requests per second (7/s for every 23rd). The other faults are spread over the whole run.
const faultRules: FaultRule[] = [
  { kind: 'throttle', everyNth: 150, maxTimes: 3, retryAfter: { seconds: 0.25, format: 'fractional' } },
  { kind: 'throttle', everyNth: 500, maxTimes: 1, retryAfter: { seconds: 1, format: 'seconds' } },
  { kind: 'unavailable', everyNth: 31, retryAfter: { seconds: 0.2, format: 'fractional' } },
  { kind: 'unavailable', everyNth: 59 },
  { kind: 'reset', when: 'before-handling', everyNth: 37 },
  { kind: 'reset', when: 'after-applying', everyNth: 41, match: { operations: ['accounts.create'] } },
  { kind: 'delay', when: 'after-applying', everyNth: 67, delayMs: timeoutMs * 2, match: { operations: ['accounts.create'] } },
];

/** The fixture definition with short timeouts and retry delays, so the test stays bounded. */
function fastDefinition(dir: string): string {
  const definition = parse(readFileSync(join(directoryDefinition, 'connector.json'), 'utf8')) as Record<string, unknown> & { connection: Record<string, unknown> };
  delete definition.$schema;
  definition.connection.timeoutMs = timeoutMs;
  definition.connection.retry = { maxAttempts: 10, maxElapsedMs: 30_000, baseDelayMs: 20, maxDelayMs: 250 };
  const out = join(dir, 'fast-directory');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'connector.json'), JSON.stringify(definition, null, 2));
  return out;
}

test(`${total} concurrent creates under 429, 503, resets and timeouts: exactly one account each`, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'grc-faults-'));
  const api = await startDirectoryApi({ seed: 1000, faults: { seed: 42, rules: faultRules } });
  const state = openStateStore(join(dir, 'state.db'));
  const definition = await loadDefinition(fastDefinition(dir));
  const connector = createConnector(
    definition,
    { baseUrl: api.baseUrl, tokenUrl: api.tokenUrl, clientId: api.clientId, clientSecret: api.clientSecret },
    { concurrency, state, ...(api.caFile && { ca: api.caFile }) },
  );
  const logins = Array.from({ length: total }, (_, i) => `load.${String(i + 1).padStart(4, '0')}`);
  const started = performance.now();
  try {
    const settled = await runConcurrently(logins, concurrency, (login) =>
      connector.create('account', { __NAME__: login, fullName: `Load ${login}`, __PASSWORD__: 'Load-test-passw0rd', department: 'Load' }),
    );
    const durationMs = performance.now() - started;
    const failures = settled.flatMap((s, i) => (s.ok ? [] : [`${logins[i]}: ${String((s.error as Error).message)}`]));
    assert.equal(failures, [], 'every create succeeds');
    const results = settled.map((s) => (s as { ok: true; value: WriteResult }).value);

    // Exactly one account per login on the server, none missing, none extra.
    const accounts = api.state().accounts;
    assert.is(accounts.length, total);
    assert.equal(accounts.map((a) => a.login).sort(), logins);
    assert.is(api.counters().accountsCreated, total);
    // Each create reported the uid the server gave it.
    const uidByLogin = new Map(accounts.map((a) => [a.login, a.accountId]));
    assert.equal(results.filter((r) => uidByLogin.get(r.name!) !== r.uid).map((r) => r.name), []);
    assert.is(new Set(results.map((r) => r.uid)).size, total);

    const log = api.log();
    // A create the server applied was never sent again (a naive retry would meet 409).
    const creates = log.filter((e) => e.operation === 'accounts.create');
    assert.equal(creates.filter((e) => e.status === 409).map((e) => e.login), []);
    const appliedTwice = new Map<string, number>();
    for (const entry of creates) if (entry.createdAccountId !== null) appliedTwice.set(entry.login!, (appliedTwice.get(entry.login!) ?? 0) + 1);
    assert.equal([...appliedTwice].filter(([, n]) => n !== 1), []);
    const afterApplied = creates.filter((e, i) => e.login !== null && creates.findIndex((c) => c.login === e.login && c.createdAccountId !== null) < i);
    assert.equal(afterApplied.map((e) => e.login), [], 'no create is re-sent once it was applied');

    // No request came back before its Retry-After (requests paired by x-request-id).
    assert.ok(log.every((e) => e.operation === 'oauth.token' || e.requestId !== null), 'every API request carries x-request-id');
    assert.equal(api.earlyRetries(), []);

    // Every kind of fault really happened.
    const fired = api.faults().rules.map((r) => r.fired);
    assert.ok(fired.every((n) => n > 0), `every fault rule fired: ${JSON.stringify(fired)}`);

    const byRequestId = new Map<string, number>();
    for (const entry of log) if (entry.requestId) byRequestId.set(entry.requestId, (byRequestId.get(entry.requestId) ?? 0) + 1);
    const retries = [...byRequestId.values()].reduce((sum, n) => sum + n - 1, 0);
    const counters = api.counters();
    console.log(
      `  fault test: ${total} creates in ${(durationMs / 1000).toFixed(1)} s; ${counters.requests} requests ` +
        `(${creates.length} create POSTs, ${log.filter((e) => e.operation === 'accounts.list').length} lookups), ${retries} same-id retries; ` +
        `faults fired ${JSON.stringify(fired)}; statuses ${JSON.stringify(counters.byStatus)}; resets ${counters.resets}, client-closed ${counters.clientClosed}`,
    );
    assert.ok(durationMs < 60_000, `bounded: ${Math.round(durationMs)} ms`);
  } finally {
    await connector.close();
    state.close();
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** One connector on the fast definition against a fresh fake with one fault rule. */
async function withOneFault(rule: FaultRule, body: (api: DirectoryApi, create: (login: string) => Promise<WriteResult>) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'grc-fault-'));
  const api = await startDirectoryApi({ seed: 5, faults: { rules: [rule] } });
  const definition = await loadDefinition(fastDefinition(dir));
  const connector = createConnector(
    definition,
    { baseUrl: api.baseUrl, tokenUrl: api.tokenUrl, clientId: api.clientId, clientSecret: api.clientSecret },
    api.caFile ? { ca: api.caFile } : {},
  );
  try {
    await body(api, (login) => connector.create('account', { __NAME__: login, fullName: login, __PASSWORD__: 'Load-test-passw0rd' }));
  } finally {
    await connector.close();
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function apiLog(api: DirectoryApi) {
  return api.log().filter((e) => e.operation !== 'oauth.token');
}

test('a create answered 503 + Retry-After: wait, look it up, send it again with the same x-request-id', () =>
  withOneFault({ kind: 'unavailable', maxTimes: 1, retryAfter: { seconds: 0.3, format: 'fractional' }, match: { operations: ['accounts.create'] } }, async (api, create) => {
    const result = await create('after.503');
    const [refused, lookup, resent, ...rest] = apiLog(api);
    assert.equal([refused?.operation, refused?.status, lookup?.operation, resent?.operation, resent?.status, rest.length], ['accounts.create', 503, 'accounts.list', 'accounts.create', 201, 0]);
    assert.is(resent?.requestId, refused?.requestId);
    assert.ok(lookup!.startMs >= refused!.endMs! + 300, 'the lookup too waits for Retry-After');
    assert.equal(api.earlyRetries(), []);
    assert.is(result.uid, resent?.createdAccountId);
  }));

test('a create whose connection was reset after applying it is found by login, not sent again', () =>
  withOneFault({ kind: 'reset', when: 'after-applying', maxTimes: 1, match: { operations: ['accounts.create'] } }, async (api, create) => {
    const result = await create('after.reset');
    const log = apiLog(api);
    assert.equal(log.map((e) => `${e.operation} ${e.outcome}`), ['accounts.create reset', 'accounts.list responded']);
    assert.is(result.uid, log[0]?.createdAccountId);
    assert.is(api.state().accounts.length, 1);
  }));

test('a create whose answer came after the client timeout is found by login, not sent again', () =>
  withOneFault({ kind: 'delay', when: 'after-applying', delayMs: timeoutMs * 2, maxTimes: 1, match: { operations: ['accounts.create'] } }, async (api, create) => {
    const result = await create('after.timeout');
    const log = apiLog(api);
    assert.equal(log.map((e) => `${e.operation} ${e.outcome}`), ['accounts.create client-closed', 'accounts.list responded']);
    assert.is(result.uid, log[0]?.createdAccountId);
  }));

test('a create reset before the target handled it is sent again once the lookup finds nothing', () =>
  withOneFault({ kind: 'reset', when: 'before-handling', maxTimes: 1, match: { operations: ['accounts.create'] } }, async (api, create) => {
    const result = await create('before.reset');
    const log = apiLog(api);
    assert.equal(log.map((e) => `${e.operation} ${e.outcome} ${e.status}`), ['accounts.create reset null', 'accounts.list responded 200', 'accounts.create responded 201']);
    assert.is(log[2]?.requestId, log[0]?.requestId);
    assert.is(result.uid, log[2]?.createdAccountId);
  }));

test('a 429 on a create is re-sent by the transport after Retry-After, without a lookup', () =>
  withOneFault({ kind: 'throttle', maxTimes: 1, retryAfter: { seconds: 1, format: 'http-date' }, match: { operations: ['accounts.create'] } }, async (api, create) => {
    await create('after.429');
    const log = apiLog(api);
    assert.equal(log.map((e) => `${e.operation} ${e.status}`), ['accounts.create 429', 'accounts.create 201']);
    assert.is(log[1]?.requestId, log[0]?.requestId);
    assert.equal(api.earlyRetries(), []);
  }));

test.run();
