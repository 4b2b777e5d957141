import { JSONPath } from 'jsonpath-plus';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compileJsonLocation } from '../../../runtime/definition/json-location.js';

const lists = suite('definition: "$.a[*]" locations read directly, as jsonpath-plus would');

const documents: unknown[] = [
  { assignedLicenses: [{ skuId: 'a' }, null, 'x'] },
  { assignedLicenses: { one: 1, two: 2 } },
  { assignedLicenses: 'text' },
  { assignedLicenses: null },
  { assignedLicenses: [] },
  {},
  { outer: { assignedLicenses: [3] } },
  null,
  'not an object',
];

lists('every document gives the same items as jsonpath-plus', () => {
  for (const path of ['$.assignedLicenses[*]', '$.outer.assignedLicenses[*]', "$['assignedLicenses'][*]"]) {
    const located = compileJsonLocation(path);
    for (const document of documents) {
      const expected = document !== null && typeof document === 'object' ? JSONPath({ path, json: document, wrap: true, eval: 'safe' }) as unknown[] : [];
      assert.equal(located.all(document), expected, `${path} on ${JSON.stringify(document)}`);
      assert.equal(located.first(document), expected[0]);
    }
  }
});

lists('the returned list is a copy', () => {
  const document = { a: [1, 2] };
  compileJsonLocation('$.a[*]').all(document).push(3);
  assert.equal(document.a, [1, 2]);
});

lists.run();
