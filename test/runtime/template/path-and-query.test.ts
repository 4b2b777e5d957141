import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compileTemplate } from '../../../runtime/template/compile-template.js';
import { renderPath } from '../../../runtime/template/path-template.js';
import { buildQueryString, PlaceholderValueError } from '../../../runtime/template/url-encoding.js';

const scope = { variables: { uid: 'scalar' as const, value: 'scalar' as const } };
const template = compileTemplate('/groups/{{value}}/members/{{uid}}/$ref', scope).template!;
const base = 'https://graph.example.test/v1.0';

/** Strings full of URL trouble: quotes, #, ?, /, %, dots, unicode, emoji. */
const nasty = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1 }),
  fc.constantFrom("o'brien", 'a/b', 'a?b=c', '#frag', '%2F', '%', '..x', 'x..', ' ', '+', '&', '=', 'Zoë Ångström', '测试', '🙂👍', 'a\u0000b'),
  fc.array(fc.constantFrom("'", '#', '?', '/', '%', '.', '..', '\\', 'é', '😀', ' ', '&', '+'), { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')),
);

test('path placeholders decode back to the exact value in the right place and never change the structure', () => {
  fc.assert(
    fc.property(nasty, nasty, (value, uid) => {
      let path: string;
      try {
        path = renderPath(template, { value, uid });
      } catch (error) {
        // Only a whole segment of "." or ".." is refused: URL parsers would resolve it away.
        assert.instance(error, PlaceholderValueError);
        assert.ok(['.', '..'].includes(value) || ['.', '..'].includes(uid));
        return;
      }
      const url = new URL(base + path);
      const segments = url.pathname.split('/');
      assert.is(segments.length, 7, url.pathname);
      assert.equal(segments.slice(0, 3), ['', 'v1.0', 'groups']);
      assert.is(decodeURIComponent(segments[3]!), value);
      assert.is(segments[4], 'members');
      assert.is(decodeURIComponent(segments[5]!), uid);
      assert.is(segments[6], '$ref');
      assert.is(url.search, '');
      assert.is(url.hash, '');
    }),
    { numRuns: 2000 },
  );
});

test('an empty placeholder is refused rather than collapsing a segment', () => {
  assert.throws(() => renderPath(template, { value: '', uid: 'u' }), /has no value/);
  assert.throws(() => renderPath(template, { value: 'g', uid: '..' }), /cannot be sent as a path segment/);
});

test('query values decode back exactly and never add parameters', () => {
  fc.assert(
    fc.property(nasty, (value) => {
      const url = new URL(base + '/users' + buildQueryString([['$filter', value], ['$top', '5']]));
      assert.equal([...url.searchParams.keys()], ['$filter', '$top']);
      assert.is(url.searchParams.get('$filter'), value);
      assert.is(url.hash, '');
    }),
    { numRuns: 2000 },
  );
});

test("query encoding keeps OData readable but encodes quotes", () => {
  assert.is(buildQueryString([['$select', 'id,displayName'], ['$filter', "startswith(displayName,'a b')"]]), '?$select=id,displayName&$filter=startswith(displayName,%27a%20b%27)');
});

test.run();
