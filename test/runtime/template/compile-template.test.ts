import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compileTemplate } from '../../../runtime/template/compile-template.js';
import type { TemplateScope } from '../../../runtime/template/scope.js';

const scope: TemplateScope = {
  variables: { config: { tenantId: 'scalar', domain: 'scalar' }, uid: 'scalar', name: 'scalar', attrs: { displayName: 'scalar', passwordProfile: { password: 'scalar' } }, values: 'any' },
};

function compile(source: string) {
  const result = compileTemplate(source, scope);
  if (!result.template) throw new Error(result.issues.map((i) => i.message).join('; '));
  return result.template;
}

function issues(source: string): string[] {
  return compileTemplate(source, scope).issues.map((i) => i.message);
}

test('a single placeholder keeps the type of its value', () => {
  assert.is(compile('{{uid}}').evaluate({ uid: 42 }), 42);
  assert.equal(compile('{{values}}').evaluate({ values: ['a', 'b'] }), ['a', 'b']);
  assert.is(compile('{{attrs.displayName}}').isSingleExpression, true);
  assert.is(compile('{{attrs.displayName}}').evaluate({ attrs: {} }), undefined);
});

test('mixed text renders placeholders as text', () => {
  assert.is(compile('{{uid}}@{{config.domain}}').render({ uid: 'alex', config: { domain: 'contoso.com' } }), 'alex@contoso.com');
  assert.is(compile('n={{attrs.displayName}}').render({ attrs: {} }), 'n=');
});

test('helpers: odata doubles quotes, jsonString escapes, localPart, default, join', () => {
  assert.is(compile('{{odata name}}').render({ name: "o'brien" }), "'o''brien'");
  assert.is(compile('{{odata uid}}').render({ uid: true }), 'true');
  assert.is(compile('{{jsonString name}}').render({ name: 'say "hi" \\ now' }), '"say \\"hi\\" \\\\ now"');
  assert.is(compile('{{localPart name}}').render({ name: 'zoe.o@contoso.com' }), 'zoe.o');
  assert.is(compile('{{default name "x"}}').render({ name: '' }), 'x');
  assert.is(compile('{{join values ","}}').render({ values: ['a', 'b'] }), 'a,b');
  assert.is(compile('{{upper (localPart name)}}').evaluate({ name: 'ab@c' }), 'AB');
});

test('block helpers render through Handlebars with the same helpers', () => {
  const t = compile('{{#if uid}}id={{uid}}{{else}}none{{/if}}/{{#each values}}[{{this}}]{{/each}}');
  assert.is(t.parts, undefined);
  assert.is(t.render({ uid: 'u1', values: ['a', 'b'] }), 'id=u1/[a][b]');
  assert.is(t.render({ uid: '', values: [] }), 'none/');
});

test('unknown variables, settings and helpers are load-time errors with suggestions', () => {
  assert.equal(issues('{{config.tenantid}}'), ['unknown setting "config.tenantid" (did you mean "config.tenantId"?)']);
  assert.match(issues('{{nam}}')[0]!, /unknown variable "nam" \(did you mean "name"\?\)/);
  assert.match(issues('{{odta name}}')[0]!, /unknown helper "odta" \(did you mean "odata"\?\)/);
  assert.match(issues('{{attrs.passwordProfile.pasword}}')[0]!, /unknown attribute "attrs.passwordProfile.pasword" \(did you mean "attrs.passwordProfile.password"\?\)/);
  assert.match(issues('{{uid.x}}')[0]!, /"uid" has no property "x"/);
  assert.match(issues('{{odata}}')[0]!, /helper "odata" takes 1 argument, not 0/);
  assert.match(issues('{{> partial}}')[0]!, /partials/);
  assert.match(issues('{{#custom uid}}{{/custom}}')[0]!, /unknown block helper/);
  assert.match(issues('{{uid')[0]!, /template syntax error/);
});

test('lookups never reach the prototype', () => {
  assert.is(compile('{{attrs.displayName}}').evaluate({ attrs: Object.create({ displayName: 'inherited' }) }), undefined);
  assert.is(compile('{{values}}').evaluate({}), undefined);
});

test.run();
