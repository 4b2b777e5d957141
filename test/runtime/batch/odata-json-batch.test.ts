import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { decodeBatchResponse, encodeBatch } from '../../../runtime/batch/odata-json-batch.js';
import { baseLocation, relativeToBase } from '../../../runtime/batch/relative-url.js';
import { isConnectorError } from '../../../runtime/errors.js';

const protocol = suite('batch: OData JSON batch wire format and relative URLs');

protocol('encodes ids from 1, bodies with Content-Type, and a serial chain with dependsOn', () => {
  const items = [
    { method: 'POST' as const, url: '/groups', headers: { accept: 'application/json' }, body: { displayName: 'G' } },
    { method: 'DELETE' as const, url: '/groups/1', headers: {} },
    { method: 'PATCH' as const, url: '/users/1', headers: { 'content-type': 'application/merge-patch+json' }, body: { a: 1 } },
  ];
  assert.equal(encodeBatch(items, false).requests, [
    { id: '1', method: 'POST', url: '/groups', headers: { accept: 'application/json', 'Content-Type': 'application/json' }, body: { displayName: 'G' } },
    { id: '2', method: 'DELETE', url: '/groups/1', headers: {} },
    { id: '3', method: 'PATCH', url: '/users/1', headers: { 'content-type': 'application/merge-patch+json' }, body: { a: 1 } },
  ]);
  assert.equal(encodeBatch(items, true).requests.map((item) => item.dependsOn), [undefined, ['1'], ['2']]);
});

protocol('decodes answers by id whatever their order, with lower-case header names', () => {
  const decoded = decodeBatchResponse({
    responses: [
      { id: '2', status: 429, headers: { 'Retry-After': '3' }, body: { error: { code: 'TooManyRequests' } } },
      { id: 1, status: 204 },
    ],
  });
  assert.ok(decoded instanceof Map);
  assert.equal(decoded.get('1'), { status: 204, headers: {}, body: undefined });
  assert.equal(decoded.get('2'), { status: 429, headers: { 'retry-after': '3' }, body: { error: { code: 'TooManyRequests' } } });
});

protocol('a body that is not a batch response is described, not trusted', () => {
  assert.type(decodeBatchResponse('<html>'), 'string');
  assert.type(decodeBatchResponse({ value: [] }), 'string');
  assert.type(decodeBatchResponse({ responses: [{ id: '1' }] }), 'string');
});

protocol('item URLs become relative to the base URL, query kept', () => {
  const base = baseLocation('https://api.test/v1.0/');
  assert.is(relativeToBase('https://api.test/v1.0/users/a%2Fb?$select=id,mail', base, 'x'), '/users/a%2Fb?$select=id,mail');
  assert.is(relativeToBase('https://api.test/v1.0', base, 'x'), '/');
  assert.is(relativeToBase('https://api.test/scim/Users/1', baseLocation('https://api.test'), 'x'), '/scim/Users/1');
});

protocol('a URL on another origin or outside the base path is refused', () => {
  const base = baseLocation('https://api.test/v1.0');
  for (const url of ['https://other.test/v1.0/users', 'http://api.test/v1.0/users', 'https://api.test/beta/users', 'https://api.test/v1.00/users', 'users/1']) {
    try {
      relativeToBase(url, base, 'user.update');
      assert.unreachable(url);
    } catch (error) {
      assert.ok(isConnectorError(error) && error.kind === 'ConfigurationError', url);
      assert.is(error.context.operation, 'user.update');
    }
  }
});

protocol.run();
