import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compilePayload, renderPayload } from '../../../runtime/template/payload-template.js';

const scope = { variables: { uid: 'scalar' as const, values: 'any' as const, attrs: 'any' as const, connection: { baseURL: 'scalar' as const } } };

function payload(value: unknown) {
  const { payload: compiled, issues } = compilePayload(value, scope);
  assert.equal(issues, []);
  return compiled;
}

test('single-placeholder leaves keep booleans, numbers, arrays and null; absent values are left out', () => {
  const p = payload({ accountEnabled: '{{attrs.enabled}}', count: '{{attrs.n}}', tags: '{{attrs.tags}}', cleared: '{{attrs.cleared}}', missing: '{{attrs.nothing}}', text: 'id-{{uid}}' });
  assert.equal(renderPayload(p, { uid: 'u1', attrs: { enabled: false, n: 3, tags: ['a'], cleared: null } }), {
    accountEnabled: false,
    count: 3,
    tags: ['a'],
    cleared: null,
    text: 'id-u1',
  });
});

test('$forEach maps a list, and is spliced into arrays', () => {
  const p = payload({
    addLicenses: { $forEach: 'values', $template: { skuId: '{{item.skuId}}', disabledPlans: '{{item.disabledPlans}}' } },
    removeLicenses: [],
    ids: ['first', { $forEach: 'values', $template: '{{item.skuId}}' }],
  });
  const values = [{ skuId: 's1', disabledPlans: [] }, { skuId: 's2', disabledPlans: ['p'] }];
  assert.equal(renderPayload(p, { values }), {
    addLicenses: [{ skuId: 's1', disabledPlans: [] }, { skuId: 's2', disabledPlans: ['p'] }],
    removeLicenses: [],
    ids: ['first', 's1', 's2'],
  });
});

test('JSON text in values is never pasted into the payload', () => {
  const p = payload({ '@odata.id': '{{connection.baseURL}}/directoryObjects/{{uid}}' });
  const evil = '", "admin": true, "x": "';
  assert.equal(renderPayload(p, { uid: evil, connection: { baseURL: 'https://g' } }), { '@odata.id': `https://g/directoryObjects/${evil}` });
});

test('directive mistakes are reported at load', () => {
  const { issues } = compilePayload({ a: { $forEach: 'values', $templat: {} } }, scope);
  assert.equal(issues.map((i) => i.message), ['unknown key "$templat" in a $forEach directive (allowed: $forEach, $template, $as)', '$forEach needs a $template']);
  assert.match(compilePayload({ a: { $forEach: 'nope', $template: 1 } }, scope).issues[0]!.message, /unknown variable "nope"/);
});

test.run();
