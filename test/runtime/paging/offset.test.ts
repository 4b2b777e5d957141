import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { isConnectorError } from '../../../runtime/errors.js';
import type { PagingModel } from '../../../runtime/definition/model.js';
import {
  collectPages,
  failOnError,
  fetchSend,
  getRequest,
  itemIds,
  locate,
  startPageServer,
  users,
  walkUntilError,
  type PageReply,
  type PageServer,
} from './paging-support.js';

const offset = suite('paging: offset');
const paging: PagingModel = { type: 'offset', offsetParam: 'offset', limitParam: 'limit', firstOffset: 0, total: locate('total') };
const noTotal: PagingModel = { type: 'offset', offsetParam: 'offset', limitParam: 'limit', firstOffset: 0 };
const resources = locate('items');
let server: PageServer;
let all = users(7);
/** Largest page the server hands out, whatever was asked. */
let serverCap = 100;
/** Answer an out-of-range offset with the first page again, as some SCIM servers do. */
let firstPageBeyondEnd = false;

function answer(url: URL): PageReply {
  if (url.pathname === '/broken') return { body: { items: 'nope', total: 1 } };
  const start = Number(url.searchParams.get('offset') ?? 0);
  const limit = Math.min(Number(url.searchParams.get('limit') ?? 50), serverCap);
  const from = start >= all.length && firstPageBeyondEnd ? 0 : start;
  return { body: { items: all.slice(from, from + limit), offset: start, total: all.length } };
}

offset.before(async () => {
  server = await startPageServer(answer);
});
offset.before.each(() => {
  server.requests.length = 0;
  all = users(7);
  serverCap = 100;
  firstPageBeyondEnd = false;
});
offset.after(() => server.close());

const first = (query = '') => getRequest(`${server.origin}/accounts${query}`);

offset('walks pages by position and stops once the total is reached', async () => {
  const pages = await collectPages({ paging, first: first('?fields=login'), send: fetchSend(), resources, pageSize: 3 });
  assert.equal(itemIds(pages), all.map((user) => user.id));
  assert.equal(server.requests, ['/accounts?fields=login&offset=0&limit=3', '/accounts?fields=login&offset=3&limit=3', '/accounts?fields=login&offset=6&limit=3']);
  assert.equal(pages.map((page) => page.continuation), ['3', '6', undefined]);
});

offset('paging parameters already in the URL are replaced, not repeated', async () => {
  await collectPages({ paging, first: first('?offset=99&limit=1&q=a%20b'), send: fetchSend(), resources, pageSize: 4 });
  assert.equal(server.requests, ['/accounts?q=a%20b&offset=0&limit=4', '/accounts?q=a%20b&offset=4&limit=4']);
});

offset('without a total: stops at the first short page', async () => {
  const pages = await collectPages({ paging: noTotal, first: first(), send: fetchSend(), resources, pageSize: 3 });
  assert.is(itemIds(pages).length, 7);
  assert.is(server.requests.length, 3);
});

offset('without a total: a full last page costs one more request, answered empty', async () => {
  all = users(6);
  const pages = await collectPages({ paging: noTotal, first: first(), send: fetchSend(), resources, pageSize: 3 });
  assert.equal(pages.map((page) => page.items.length), [3, 3, 0]);
  assert.equal(pages.map((page) => page.continuation), ['3', '6', undefined]);
});

offset('with a total, a server that caps the page size below the request is still walked to the end', async () => {
  serverCap = 2;
  const pages = await collectPages({ paging, first: first(), send: fetchSend(), resources, pageSize: 5 });
  assert.equal(itemIds(pages), all.map((user) => user.id));
  assert.equal(server.requests.map((url) => new URL(url, server.origin).searchParams.get('offset')), ['0', '2', '4', '6']);
});

offset('maxObjects cuts the page; the continuation resumes right after the last kept item', async () => {
  const cut = await collectPages({ paging, first: first(), send: fetchSend(), resources, pageSize: 3, maxObjects: 4 });
  assert.equal(itemIds(cut), ['u1', 'u2', 'u3', 'u4']);
  assert.is(server.requests.length, 2);
  assert.is(cut[1]?.continuation, '4');
  const rest = await collectPages({ paging, first: first(), send: fetchSend(), resources, pageSize: 3, resumeFrom: '4' });
  assert.equal(itemIds(rest), ['u5', 'u6', 'u7']);
});

offset('a server answering past the end with the first page again: with a total, nothing is repeated', async () => {
  firstPageBeyondEnd = true;
  all = users(6);
  const pages = await collectPages({ paging, first: first(), send: fetchSend(), resources, pageSize: 3 });
  assert.equal(itemIds(pages), all.map((user) => user.id));
  assert.is(server.requests.length, 2);
  const beyond = await collectPages({ paging, first: first(), send: fetchSend(), resources, pageSize: 3, resumeFrom: '9' });
  assert.equal(beyond, []);
});

offset('a server answering past the end with the first page again: without a total, the repeat ends the walk', async () => {
  firstPageBeyondEnd = true;
  all = users(6);
  const pages = await collectPages({ paging: noTotal, first: first(), send: fetchSend(), resources, pageSize: 3 });
  assert.equal(itemIds(pages), all.map((user) => user.id));
  assert.is(server.requests.length, 3);
});

offset('a continuation that is not a position is refused', async () => {
  const { error } = await walkUntilError({ paging, first: first(), send: fetchSend(), resources, resumeFrom: 'abc', onError: failOnError });
  assert.ok(isConnectorError(error) && error.kind === 'ConfigurationError');
  assert.is(server.requests.length, 0);
});

offset('a page whose item list is not an array fails naming the locator', async () => {
  const { error } = await walkUntilError({ paging, first: getRequest(`${server.origin}/broken`, 'account.search'), send: fetchSend(), resources, onError: failOnError });
  assert.ok(isConnectorError(error) && error.kind === 'OperationFailed');
  assert.match(error.message, 'account.search');
  assert.match(error.message, '"items"');
});

offset('a numeric-string total is understood', async () => {
  const pages = await collectPages({
    paging,
    first: first(),
    send: async (request) => ({ ...(await fetchSend()(request)), body: { items: [{ id: 'only' }], total: '1' } }),
    resources,
    pageSize: 3,
  });
  assert.equal(itemIds(pages), ['only']);
  assert.is(pages[0]?.continuation, undefined);
});

offset.run();
