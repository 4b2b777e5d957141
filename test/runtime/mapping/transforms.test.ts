import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compileTransforms } from '../../../runtime/mapping/transforms.js';
import type { TemplateScope } from '../../../runtime/template/scope.js';

const transforms = suite('mapping: transforms');
const scope: TemplateScope = { variables: { config: { domain: 'scalar' }, value: 'any' } };
const config = { domain: 'contoso.com' };
const run = (list: Parameters<typeof compileTransforms>[0], value: unknown): unknown => compileTransforms(list, scope, config, 'test')(value);

transforms('no transforms pass the value through', () => {
  assert.is(run(undefined, 'x'), 'x');
  assert.is(run([], null), null);
});

transforms('named transforms apply in order', () => {
  assert.is(run(['trim', 'lowercase'], '  Ann.Lee@Contoso.COM '), 'ann.lee@contoso.com');
  assert.is(run(['uppercase'], 'us'), 'US');
  assert.is(run(['toString'], 42), '42');
  assert.is(run(['toString'], null), null);
});

transforms('toBoolean reads the usual words and numbers, leaves other text alone', () => {
  assert.equal(['true', 'FALSE', '1', '0', 'yes', 'No', 1, 0, true, 'maybe'].map((v) => run(['toBoolean'], v)), [true, false, true, false, true, false, true, false, true, 'maybe']);
});

transforms('toNumber converts numeric text and booleans only', () => {
  assert.equal(['42', ' 3.5 ', 'x', '', true].map((v) => run(['toNumber'], v)), [42, 3.5, 'x', '', 1]);
});

transforms('emptyToNull looks at the whole value, other transforms at each item of a list', () => {
  assert.is(run(['emptyToNull'], ''), null);
  assert.is(run(['emptyToNull'], []), null);
  assert.equal(run(['uppercase'], ['a', 'b']), ['A', 'B']);
});

transforms('a value map looks inputs up by their text; otherwise, else the input', () => {
  const status = [{ map: { true: 'Active', false: 'Disabled' } }] as const;
  assert.is(run([...status], true), 'Active');
  assert.is(run([...status], false), 'Disabled');
  assert.is(run([...status], 'unknown'), 'unknown');
  assert.is(run([{ map: { A: 'x' }, otherwise: null }], 'B'), null);
  assert.is(run([{ map: { null: 'none' } }], null), 'none');
});

transforms('a template sees the value and the settings; null stays null', () => {
  assert.is(run([{ template: '{{value}}@{{config.domain}}' }], 'ann'), 'ann@contoso.com');
  assert.is(run([{ template: '{{value}}@{{config.domain}}' }], null), null);
});

transforms.run();
