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
  PageError,
  startPageServer,
  users,
  walkUntilError,
  type PageReply,
  type PageServer,
} from './paging-support.js';

const nextLink = suite('paging: nextLink');
const paging: PagingModel = { type: 'nextLink', nextLink: locate('@odata.nextLink'), pageSizeParam: '$top' };
const resources = locate('value');
const all = users(7);
let server: PageServer;
/** Overrides the next link a page returns (by start position), for the loop and origin tests. */
let linkOverride: ((start: number, origin: string) => string | undefined) | undefined;

// Like OData: the first request carries $top; the server encodes position and size in an
// opaque $skiptoken, so follow-up links carry no $top of their own.
function answer(url: URL, origin: string): PageReply {
  if (url.pathname === '/broken') return { body: { value: { not: 'a list' } } };
  if (url.pathname === '/denied') return { status: 403, body: { error: { code: 'Authorization_RequestDenied' } } };
  const [start, size] = (url.searchParams.get('$skiptoken') ?? `0.${url.searchParams.get('$top') ?? '100'}`).split('.').map(Number) as [number, number];
  const value = all.slice(start, start + size);
  const natural = start + size < all.length ? `${origin}/users?$skiptoken=${start + size}.${size}` : undefined;
  const link = linkOverride ? linkOverride(start, origin) : natural;
  return { body: { '@odata.context': 'ctx', value, ...(link !== undefined && { '@odata.nextLink': link }) } };
}

nextLink.before(async () => {
  server = await startPageServer(answer);
});
nextLink.before.each(() => {
  server.requests.length = 0;
  linkOverride = undefined;
});
nextLink.after(() => server.close());

const first = () => getRequest(`${server.origin}/users?$select=id,displayName`);

nextLink('walks every page: $top on the first request only, then the links exactly as given', async () => {
  const pages = await collectPages({ paging, first: first(), send: fetchSend(), resources, pageSize: 3 });
  assert.equal(itemIds(pages), all.map((user) => user.id));
  assert.equal(pages.map((page) => page.pageNumber), [1, 2, 3]);
  assert.equal(server.requests, ['/users?$select=id,displayName&$top=3', '/users?$skiptoken=3.3', '/users?$skiptoken=6.3']);
  assert.equal(pages.map((page) => page.continuation), [`${server.origin}/users?$skiptoken=3.3`, `${server.origin}/users?$skiptoken=6.3`, undefined]);
});

nextLink('without a page size the first request is sent unchanged', async () => {
  const pages = await collectPages({ paging, first: first(), send: fetchSend(), resources });
  assert.is(itemIds(pages).length, 7);
  assert.equal(server.requests, ['/users?$select=id,displayName']);
});

nextLink('maxObjects cuts the last page and requests nothing more', async () => {
  const pages = await collectPages({ paging, first: first(), send: fetchSend(), resources, pageSize: 3, maxObjects: 4 });
  assert.equal(itemIds(pages), ['u1', 'u2', 'u3', 'u4']);
  assert.is(server.requests.length, 2);
  // Resuming after a cut page would skip its dropped items, so no continuation is offered.
  assert.is(pages[1]?.continuation, undefined);
});

nextLink('the definition\'s maxObjects and the caller\'s limit: the smaller wins; a cap on a page boundary keeps its link', async () => {
  const pages = await collectPages({ paging: { ...paging, maxObjects: 6 }, first: first(), send: fetchSend(), resources, pageSize: 3, maxObjects: 50 });
  assert.is(itemIds(pages).length, 6);
  assert.is(server.requests.length, 2);
  assert.is(pages[1]?.continuation, `${server.origin}/users?$skiptoken=6.3`);
});

nextLink('resumes from a continuation of an earlier run', async () => {
  const earlier = await collectPages({ paging, first: first(), send: fetchSend(), resources, pageSize: 3, maxObjects: 3 });
  server.requests.length = 0;
  const resumed = await collectPages({ paging, first: first(), send: fetchSend(), resources, pageSize: 3, resumeFrom: earlier[0]!.continuation! });
  assert.equal(itemIds(resumed), ['u4', 'u5', 'u6', 'u7']);
  assert.equal(server.requests, ['/users?$skiptoken=3.3', '/users?$skiptoken=6.3']);
});

nextLink('a link to another origin is refused with ConfigurationError naming the origin, not the query', async () => {
  linkOverride = (start) => (start === 0 ? 'https://collector.example:8443/users?$skiptoken=secret-token' : undefined);
  const { error, seen } = await walkUntilError({ paging, first: first(), send: fetchSend(), resources, pageSize: 3, onError: failOnError });
  assert.ok(isConnectorError(error));
  assert.is(error.kind, 'ConfigurationError');
  assert.match(error.message, 'https://collector.example:8443');
  assert.not.match(error.message, 'secret-token');
  assert.is(error.context.operation, 'user.search');
  assert.equal(seen, []);
  assert.is(server.requests.length, 1);
});

nextLink('a continuation on another origin is refused before any request', async () => {
  const { error } = await walkUntilError({
    paging, first: first(), send: fetchSend(), resources, resumeFrom: 'http://localhost:1/users?$skiptoken=3.3', onError: failOnError,
  });
  assert.ok(isConnectorError(error) && error.kind === 'ConfigurationError');
  assert.is(server.requests.length, 0);
});

nextLink('a link seen twice is a paging loop (OperationFailed), not an endless walk', async () => {
  linkOverride = (_start, origin) => `${origin}/users?$skiptoken=3.3`;
  const { error, seen } = await walkUntilError({ paging, first: first(), send: fetchSend(), resources, pageSize: 3, onError: failOnError });
  assert.ok(isConnectorError(error));
  assert.is(error.kind, 'OperationFailed');
  assert.match(error.message, 'paging loop');
  assert.equal(seen, ['u1', 'u2', 'u3']);
  assert.is(server.requests.length, 2);
});

nextLink('a relative link is resolved against the page that gave it', async () => {
  linkOverride = (start) => (start === 0 ? '/users?$skiptoken=3.10' : undefined);
  const pages = await collectPages({ paging, first: first(), send: fetchSend(), resources, pageSize: 3 });
  assert.is(itemIds(pages).length, 7);
  assert.is(pages[0]?.continuation, `${server.origin}/users?$skiptoken=3.10`);
});

nextLink('a page whose item list is not an array fails naming the operation and the locator', async () => {
  const { error } = await walkUntilError({ paging, first: getRequest(`${server.origin}/broken`), send: fetchSend(), resources, onError: failOnError });
  assert.ok(isConnectorError(error));
  assert.is(error.kind, 'OperationFailed');
  assert.match(error.message, 'user.search');
  assert.match(error.message, '"value"');
});

nextLink('a non-2xx page goes to the caller\'s classifier with its request', async () => {
  const { error } = await walkUntilError({ paging, first: getRequest(`${server.origin}/denied`), send: fetchSend(), resources, onError: failOnError });
  assert.ok(error instanceof PageError);
  assert.is(error.response.status, 403);
  assert.is(error.request.url, `${server.origin}/denied`);
});

nextLink('pages are fetched lazily: a consumer that stops early sends no further request', async () => {
  const { paginate } = await import('../../../runtime/paging/index.js');
  for await (const page of paginate({ paging, first: first(), send: fetchSend(), resources, pageSize: 3, onError: failOnError })) {
    assert.is(page.pageNumber, 1);
    break;
  }
  assert.is(server.requests.length, 1);
});

nextLink.run();
