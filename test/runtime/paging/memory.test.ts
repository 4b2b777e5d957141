// Memory stays flat in the number of objects: 200,000 objects stream through paginate from
// a fake `send` that builds each page on the fly, while the heap is sampled after forced
// garbage collections. A control run that keeps every object shows the measurement would
// see a leak of that size.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { PagingModel } from '../../../runtime/definition/model.js';
import type { HttpResponse, PreparedRequest } from '../../../runtime/http/types.js';
import { paginate } from '../../../runtime/paging/index.js';
import { failOnError, getRequest, locate } from './paging-support.js';

const memory = suite('paging: memory stays flat');
const totalObjects = 200_000;
const pageSize = 1000;
const megabyte = 1024 * 1024;

// --expose-gc may not be on the command line; the flag can still be set at run time and
// the gc function fetched from a fresh context.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (() => void) | undefined;

function heapUsed(): number {
  gc?.();
  return process.memoryUsage().heapUsed;
}

/** About 300 bytes each once parsed: 200,000 of them kept would take ~60 MB. */
function makeObject(index: number): Record<string, unknown> {
  return {
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    displayName: `User number ${index}`,
    mail: `user.number.${index}@contoso.example`,
    accountEnabled: index % 2 === 0,
    department: `Department ${index % 97} / team ${index % 13} / a longer label so the object weighs something`,
  };
}

const base = 'https://api.test/v1/users';
const strategies: Array<[string, PagingModel, (request: PreparedRequest) => Promise<HttpResponse>]> = [
  ['nextLink', { type: 'nextLink', nextLink: locate('next'), pageSizeParam: 'top' }, generator((url) => Number(new URL(url).searchParams.get('skip') ?? 0), (end) => ({ next: `${base}?skip=${end}` }))],
  ['offset', { type: 'offset', offsetParam: 'offset', limitParam: 'limit', firstOffset: 0, total: locate('total') }, generator((url) => Number(new URL(url).searchParams.get('offset')), () => ({}))],
  ['cursor', { type: 'cursor', cursor: locate('cursor'), cursorParam: 'cursor', pageSizeParam: 'limit' }, generator((url) => Number(new URL(url).searchParams.get('cursor') ?? 0), (end) => ({ cursor: String(end) }))],
];

function generator(startOf: (url: string) => number, more: (end: number) => Record<string, unknown>) {
  return async (request: PreparedRequest): Promise<HttpResponse> => {
    const start = startOf(request.url);
    const end = Math.min(start + pageSize, totalObjects);
    const value = Array.from({ length: end - start }, (_, i) => makeObject(start + i));
    const body = { value, total: totalObjects, ...(end < totalObjects ? more(end) : {}) };
    return { status: 200, headers: {}, body, url: request.url, attempts: 1 };
  };
}

async function stream(paging: PagingModel, send: (request: PreparedRequest) => Promise<HttpResponse>, keep?: unknown[]): Promise<{ count: number; growthMb: number }> {
  const baseline = heapUsed();
  let peak = baseline;
  let count = 0;
  let pages = 0;
  for await (const page of paginate({ paging, first: getRequest(base), send, resources: locate('value'), pageSize, onError: failOnError })) {
    count += page.items.length;
    if (keep) keep.push(...page.items);
    if (++pages % 25 === 0) peak = Math.max(peak, heapUsed());
  }
  return { count, growthMb: (peak - baseline) / megabyte };
}

for (const [name, paging, send] of strategies) {
  memory(`${name}: ${totalObjects} objects stream with a bounded heap`, async () => {
    const { count, growthMb } = await stream(paging, send);
    assert.is(count, totalObjects);
    // Without a working gc the samples include garbage: allow more, still far below a leak.
    const limitMb = gc ? 30 : 60;
    assert.ok(growthMb < limitMb, `heap grew by ${growthMb.toFixed(1)} MB while streaming (limit ${limitMb} MB)`);
  });
}

memory('control: keeping every object shows up in the same measurement', async () => {
  if (!gc) return;
  const kept: unknown[] = [];
  const { count, growthMb } = await stream(strategies[0]![1], strategies[0]![2], kept);
  assert.is(count, totalObjects);
  assert.ok(growthMb > 30, `keeping ${kept.length} objects grew the heap by only ${growthMb.toFixed(1)} MB`);
  kept.length = 0;
});

memory.run();
