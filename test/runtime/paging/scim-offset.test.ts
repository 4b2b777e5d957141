// Offset paging against a real SCIM 2.0 server (scimmy): startIndex/count from 1,
// totalResults, and its habit of answering a startIndex past the end with the first page.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { startScimServer, type ScimServer } from '../../../fixtures/scim/index.js';
import type { PagingModel } from '../../../runtime/definition/model.js';
import { collectPages, fetchSend, getRequest, locate } from './paging-support.js';

const scim = suite('paging: offset against a SCIM server');
const paging: PagingModel = { type: 'offset', offsetParam: 'startIndex', limitParam: 'count', firstOffset: 1, total: locate('totalResults') };
const resources = locate('Resources');
let server: ScimServer;
let send: ReturnType<typeof fetchSend>;

scim.before(async () => {
  server = await startScimServer({ protocol: 'http' });
  send = fetchSend({ authorization: `Bearer ${server.token}`, 'content-type': 'application/scim+json' });
  for (const userName of ['ann', 'bob', 'cid', 'dee', 'eve']) {
    const response = await fetch(`${server.baseUrl}/Users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/scim+json' },
      body: JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName }),
    });
    assert.is(response.status, 201);
  }
});
scim.after(() => server.close());

const names = (pages: Awaited<ReturnType<typeof collectPages>>) => pages.flatMap((page) => page.items.map((user) => (user as { userName: string }).userName));
const startIndexes = () =>
  server.log().filter((entry) => entry.method === 'GET').map((entry) => new URL(entry.url, server.baseUrl).searchParams.get('startIndex'));

scim('walks startIndex 1, 3, 5 and stops at totalResults', async () => {
  const before = startIndexes().length;
  const pages = await collectPages({ paging, first: getRequest(`${server.baseUrl}/Users?sortBy=userName`), send, resources, pageSize: 2 });
  assert.equal(names(pages), ['ann', 'bob', 'cid', 'dee', 'eve']);
  assert.equal(startIndexes().slice(before), ['1', '3', '5']);
});

scim('a walk whose last page is full does not fetch the first page again', async () => {
  const pages = await collectPages({ paging, first: getRequest(`${server.baseUrl}/Users?sortBy=userName`), send, resources, pageSize: 5 });
  assert.equal(names(pages), ['ann', 'bob', 'cid', 'dee', 'eve']);
  assert.is(pages.length, 1);
});

scim('resuming past the end yields nothing, although the server answers with the first page', async () => {
  const pages = await collectPages({ paging, first: getRequest(`${server.baseUrl}/Users`), send, resources, pageSize: 2, resumeFrom: '7' });
  assert.equal(pages, []);
});

scim.run();
