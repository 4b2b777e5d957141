import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { isConnectorError } from '../../../runtime/errors.js';
import type { PagingModel } from '../../../runtime/definition/model.js';
import type { HttpResponse, PreparedRequest } from '../../../runtime/http/types.js';
import { collectPages, failOnError, getRequest, itemIds, locate, users, walkUntilError } from './paging-support.js';

const cursor = suite('paging: cursor');
const paging: PagingModel = { type: 'cursor', cursor: locate('$.meta.next'), cursorParam: 'after', pageSizeParam: 'size' };
const resources = locate('data');
const all = users(7);
const base = 'https://api.test/v1/people?active=true';

/** A fake send: the token is the position of the next item; `lastToken` says what the last page carries. */
function pagedSend(sent: string[], options: { lastToken?: unknown; token?: (position: number) => unknown } = {}) {
  return async (request: PreparedRequest): Promise<HttpResponse> => {
    sent.push(request.url);
    const query = new URL(request.url).searchParams;
    const start = Number(query.get('after') ?? 0);
    const size = Number(query.get('size') ?? 100);
    const end = start + size;
    const next = end < all.length ? (options.token ?? String)(end) : options.lastToken;
    return { status: 200, headers: {}, body: { data: all.slice(start, end), meta: next === undefined ? {} : { next } }, url: request.url, attempts: 1 };
  };
}

cursor('sends the token back in cursorParam with the page size, until the token is absent', async () => {
  const sent: string[] = [];
  const pages = await collectPages({ paging, first: getRequest(base), send: pagedSend(sent), resources, pageSize: 3 });
  assert.equal(itemIds(pages), all.map((user) => user.id));
  assert.equal(sent, [`${base}&size=3`, `${base}&size=3&after=3`, `${base}&size=3&after=6`]);
  assert.equal(pages.map((page) => page.continuation), ['3', '6', undefined]);
});

for (const lastToken of [null, '']) {
  cursor(`a ${JSON.stringify(lastToken)} token ends the walk`, async () => {
    const sent: string[] = [];
    const pages = await collectPages({ paging, first: getRequest(base), send: pagedSend(sent, { lastToken }), resources, pageSize: 3 });
    assert.is(itemIds(pages).length, 7);
    assert.is(sent.length, 3);
  });
}

cursor('numeric tokens are sent as text', async () => {
  const sent: string[] = [];
  await collectPages({ paging, first: getRequest(base), send: pagedSend(sent, { token: (position) => position }), resources, pageSize: 4 });
  assert.equal(sent[1], `${base}&size=4&after=4`);
});

cursor('maxObjects stops without fetching the next page', async () => {
  const sent: string[] = [];
  const pages = await collectPages({ paging, first: getRequest(base), send: pagedSend(sent), resources, pageSize: 3, maxObjects: 5 });
  assert.equal(itemIds(pages), ['u1', 'u2', 'u3', 'u4', 'u5']);
  assert.is(sent.length, 2);
  assert.is(pages[1]?.continuation, undefined);
});

cursor('resumes from a token of an earlier run', async () => {
  const sent: string[] = [];
  const pages = await collectPages({ paging, first: getRequest(base), send: pagedSend(sent), resources, pageSize: 3, resumeFrom: '3' });
  assert.equal(itemIds(pages), ['u4', 'u5', 'u6', 'u7']);
  assert.equal(sent[0], `${base}&size=3&after=3`);
});

cursor('a token returned twice is a paging loop', async () => {
  const sent: string[] = [];
  const send = async (request: PreparedRequest): Promise<HttpResponse> => {
    sent.push(request.url);
    const again = new URL(request.url).searchParams.has('after');
    return { status: 200, headers: {}, body: { data: again ? all.slice(3, 6) : all.slice(0, 3), meta: { next: 'same' } }, url: request.url, attempts: 1 };
  };
  const { error, seen } = await walkUntilError({ paging, first: getRequest(base), send, resources, pageSize: 3, onError: failOnError });
  assert.ok(isConnectorError(error) && error.kind === 'OperationFailed');
  assert.match(error.message, 'paging loop');
  assert.equal(seen, ['u1', 'u2', 'u3']);
  assert.is(sent.length, 2);
});

cursor('an object where the token should be is an error, not the end', async () => {
  const { error } = await walkUntilError({ paging, first: getRequest(base), send: pagedSend([], { token: () => ({ page: 2 }) }), resources, pageSize: 3, onError: failOnError });
  assert.ok(isConnectorError(error) && error.kind === 'OperationFailed');
  assert.match(error.message, '$.meta.next');
});

cursor('a page whose item list is not an array fails naming the locator', async () => {
  const send = async (request: PreparedRequest): Promise<HttpResponse> => ({ status: 200, headers: {}, body: { data: null }, url: request.url, attempts: 1 });
  const { error } = await walkUntilError({ paging, first: getRequest(base), send, resources, onError: failOnError });
  assert.ok(isConnectorError(error) && error.kind === 'OperationFailed');
  assert.match(error.message, '"data"');
  assert.match(error.message, 'found null');
});

cursor.run();
