import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ConnectorError } from '../../../runtime/errors.js';
import { loadDefinition } from '../../../runtime/definition/load-definition.js';
import { resolveSettings } from '../../../runtime/definition/resolve-settings.js';
import { office365Definition } from '../../support/project-paths.js';

const model = await loadDefinition(office365Definition);
const required = { tenantId: 't', clientId: 'c', clientSecret: { env: 'TEST_O365_SECRET' }, domain: 'contoso.com' };

function failure(fn: () => unknown): ConnectorError {
  try {
    fn();
  } catch (error) {
    assert.instance(error, ConnectorError);
    return error as ConnectorError;
  }
  throw new Error('expected a ConfigurationError');
}

test('defaults, then preset, then file, then --set; env references read secrets', () => {
  const settings = resolveSettings(model, {
    preset: 'china',
    file: { path: 'settings.json', values: { ...required, pageSize: 500 } },
    sets: [['pageSize', '100']],
    env: { TEST_O365_SECRET: 'very-secret-value' },
  });
  assert.is(settings.values.graphBaseUrl, 'https://microsoftgraph.chinacloudapi.cn/v1.0');
  assert.is(settings.values.pageSize, 100);
  assert.is(settings.values.itResource, 'Office365');
  assert.is(settings.values.clientSecret, 'very-secret-value');
  assert.is(settings.redactor.redactText('token=very-secret-value'), 'token=<redacted>');
});

test('every settings problem is reported at once, without secret values', () => {
  const error = failure(() =>
    resolveSettings(model, {
      file: { path: 'cfg.json', values: { tenantID: 'x', clientSecret: 12345678, pageSize: 'many', graphBaseUrl: 'not a url' } },
      env: {},
    }),
  );
  assert.is(error.kind, 'ConfigurationError');
  assert.match(error.message, /cfg\.json: unknown setting "tenantID" \(did you mean "tenantId"\?\)/);
  assert.match(error.message, /setting "clientSecret" must be a string, not the given value/);
  assert.match(error.message, /setting "pageSize" must be an integer, not "many"/);
  assert.match(error.message, /graphBaseUrl": "not a url" is not an absolute URL/);
  assert.match(error.message, /setting "tenantId" is required/);
  assert.not.match(error.message, /12345678/);
});

test('a missing environment variable is named', () => {
  const error = failure(() => resolveSettings(model, { file: { path: 'cfg.json', values: required }, env: {} }));
  assert.match(error.message, /reads the environment variable TEST_O365_SECRET, which is not set/);
});

test('limits from the definition are enforced and --set text is typed', () => {
  const error = failure(() => resolveSettings(model, { file: { path: 'c', values: { ...required, clientSecret: 'x-secret' } }, sets: [['pageSize', '5000']], env: {} }));
  assert.match(error.message, /pageSize" must be ≤ 999, not 5000/);
  const ok = resolveSettings(model, { file: { path: 'c', values: { ...required, clientSecret: 'x-secret' } }, sets: [['pageSize', '10']], env: {} });
  assert.is(ok.values.pageSize, 10);
});

test('allowMissing lists required settings instead of failing (dry runs)', () => {
  const settings = resolveSettings(model, { allowMissing: true, env: {} });
  assert.equal([...settings.missing].sort(), ['clientId', 'clientSecret', 'domain', 'tenantId']);
  void join;
});

test.run();
