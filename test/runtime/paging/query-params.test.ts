import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { describeRequest, withQueryParams } from '../../../runtime/paging/query-params.js';

const query = suite('paging: query parameters of follow-up requests');

query('appends parameters and keeps the existing query byte for byte', () => {
  assert.is(
    withQueryParams("https://api.test/users?$filter=name%20eq%20'o''b'&$select=id,mail", [['$top', '5']]),
    "https://api.test/users?$filter=name%20eq%20'o''b'&$select=id,mail&$top=5",
  );
  assert.is(withQueryParams('https://api.test/users', [['startIndex', '1'], ['count', '2']]), 'https://api.test/users?startIndex=1&count=2');
});

query('replaces a parameter already present (even percent-encoded) instead of repeating it', () => {
  assert.is(withQueryParams('https://api.test/users?%24top=9&a=1&$top=3#frag', [['$top', '5']]), 'https://api.test/users?a=1&$top=5');
});

query('encodes names and values as query components', () => {
  assert.is(withQueryParams('https://api.test/x', [['cursor', 'a b&c=d/+']]), 'https://api.test/x?cursor=a%20b%26c%3Dd/%2B');
});

query('requests are described without their query', () => {
  assert.is(describeRequest('GET', 'https://api.test/users?$skiptoken=secret'), 'GET https://api.test/users');
});

query.run();
