import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { isConnectorError } from '../../../runtime/errors.js';
import type { HttpResponse, PreparedRequest } from '../../../runtime/http/types.js';
import { collectPages, failOnError, getRequest, itemIds, locate, users, walkUntilError } from './paging-support.js';

const none = suite('paging: none');
const url = 'https://api.test/v1/roles?$select=id';

function answering(body: unknown, sent: PreparedRequest[]) {
  return async (request: PreparedRequest): Promise<HttpResponse> => {
    sent.push(request);
    return { status: 200, headers: {}, body, url: request.url, attempts: 1 };
  };
}

none('one request, sent exactly as built, and one page without a continuation', async () => {
  const sent: PreparedRequest[] = [];
  const first = getRequest(url, 'role.search');
  const pages = await collectPages({ paging: { type: 'none' }, first, send: answering({ value: users(3) }, sent), resources: locate('value'), pageSize: 2 });
  assert.equal(itemIds(pages), ['u1', 'u2', 'u3']);
  assert.equal(pages.map((page) => [page.pageNumber, page.continuation]), [[1, undefined]]);
  assert.equal(sent, [first]);
});

none('without a locator the body itself is the list', async () => {
  const pages = await collectPages({ paging: { type: 'none' }, first: getRequest(url), send: answering(users(2), []) });
  assert.equal(itemIds(pages), ['u1', 'u2']);
});

none('maxObjects cuts the list', async () => {
  const pages = await collectPages({ paging: { type: 'none', maxObjects: 2 }, first: getRequest(url), send: answering(users(5), []) });
  assert.equal(itemIds(pages), ['u1', 'u2']);
});

none('a cap of zero sends nothing', async () => {
  const sent: PreparedRequest[] = [];
  const pages = await collectPages({ paging: { type: 'none' }, first: getRequest(url), send: answering(users(5), sent), maxObjects: 0 });
  assert.equal([pages.length, sent.length], [0, 0]);
});

none('a body that is not a list fails naming the operation', async () => {
  const { error } = await walkUntilError({ paging: { type: 'none' }, first: getRequest(url, 'role.search'), send: answering({ value: [] }, []), onError: failOnError });
  assert.ok(isConnectorError(error) && error.kind === 'OperationFailed');
  assert.match(error.message, 'role.search');
  assert.match(error.message, 'response body');
});

none.run();
