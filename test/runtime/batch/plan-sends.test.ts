import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { BatchEntry, BatchUnit } from '../../../runtime/batch/batch-entry.js';
import { planSends, type PlannedSend } from '../../../runtime/batch/plan-sends.js';

const plan = suite('batch: planSends');
const limits = { maxRequests: 3, minRequests: 2 };

function entry(name: string, succeeded?: boolean): BatchEntry {
  return {
    request: { method: 'DELETE', url: `https://api.test/${name}`, headers: {}, label: name, retrySafe: true },
    relativeUrl: `/${name}`,
    attempts: 0,
    firstSentAt: undefined,
    succeeded,
    resolve: () => undefined,
    reject: () => undefined,
  };
}
const single = (name: string): BatchUnit => ({ entries: [entry(name)] });
const names = (sends: readonly PlannedSend[]) => sends.map((send) => [send.kind, send.entries.map((e) => e.request.label), send.kind === 'batch' ? send.serial : null]);

plan('"all" packs independent writes by maxRequests and sends a group below minRequests directly', () => {
  const result = planSends(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map(single), limits, 'all');
  assert.equal(names(result.sends), [['batch', ['a', 'b', 'c'], false], ['batch', ['d', 'e', 'f'], false], ['direct', ['g'], null]]);
  assert.equal(result.keep, []);
});

plan('"full" sends only full batches and keeps the rest and every chain queued', () => {
  const chain: BatchUnit = { entries: [entry('x'), entry('y')] };
  const result = planSends([...['a', 'b', 'c', 'd'].map(single), chain], limits, 'full');
  assert.equal(names(result.sends), [['batch', ['a', 'b', 'c'], false]]);
  assert.equal(result.keep.map((unit) => unit.entries.map((e) => e.request.label)), [['d'], ['x', 'y']]);
});

plan('a chain is split into serial segments; the rest waits on the end of the first', () => {
  const chain: BatchUnit = { entries: ['p', 'q', 'r', 's'].map((name) => entry(name)) };
  const result = planSends([chain], limits, 'all');
  assert.equal(names(result.sends), [['batch', ['p', 'q', 'r'], true]]);
  assert.is(result.keep.length, 1);
  assert.is(result.keep[0]?.after, chain.entries[2]);
  assert.equal(result.keep[0]?.entries.map((e) => e.request.label), ['s']);
});

plan('units behind a dependency wait, go, or fail with it', () => {
  const pending = { entries: [entry('w')], after: entry('p') };
  const done = { entries: [entry('v')], after: entry('o', true) };
  const failed = { entries: [entry('u')], after: entry('n', false) };
  const result = planSends([pending, done, failed], limits, 'all');
  assert.equal(names(result.sends), [['direct', ['v'], null]]);
  assert.equal(result.keep, [pending]);
  assert.equal(result.dependencyFailed, [failed]);
});

plan.run();
