import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkDefinition, loadDefinition } from '../../../runtime/definition/load-definition.js';
import { findClass } from '../../../runtime/definition/model.js';
import { DefinitionLoadError } from '../../../runtime/definition/problems.js';
import { fixturesDir, office365Definition } from '../../support/project-paths.js';

test('the Office 365 definition loads with its four classes, ICF aliases and special attributes', async () => {
  const model = await loadDefinition(office365Definition);
  assert.equal([...model.classes.keys()], ['user', 'group', 'role', 'license']);
  assert.is(findClass(model, '__ACCOUNT__')?.name, 'user');
  assert.is(findClass(model, '__LICENSE__')?.uidAttribute.name, 'skuId');
  const user = model.classes.get('user')!;
  assert.equal([...user.specialAttributes.keys()], ['manager', 'groups', 'roles', 'licenses']);
  assert.is(user.passwordAttribute?.targetPath.join('/'), 'passwordProfile/password');
  assert.is(user.specialAttributes.get('licenses')?.add?.handling, 'BATCH');
  assert.is(user.specialAttributes.get('groups')?.add?.handling, 'SINGLE');
  assert.ok(!user.defaultSelect.includes('passwordProfile'), 'write-only attributes are not selected');
  assert.is(model.settings.get('clientSecret')?.secret, true);
  assert.is(model.presets.get('china')?.values.graphBaseUrl, 'https://microsoftgraph.chinacloudapi.cn/v1.0');
});

test('the loaded model is frozen', async () => {
  const model = await loadDefinition(join(fixturesDir, 'definitions', 'valid', 'minimal'));
  assert.throws(() => {
    (model as { name: string }).name = 'changed';
  });
  assert.ok(Object.isFrozen(model.classes.get('account')!.operations));
});

test('a definition spread over included files merges them and reports problems in the right file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'grc-def-'));
  mkdirSync(join(dir, 'classes'));
  writeFileSync(
    join(dir, 'connector.json'),
    JSON.stringify({
      name: 'split',
      include: ['classes/thing.json'],
      connection: { baseURL: 'https://example.test', auth: { type: 'none' } },
    }),
  );
  writeFileSync(
    join(dir, 'classes', 'thing.json'),
    [
      '{',
      '  "objectClasses": {',
      '    "thing": {',
      '      "uidAttribute": "id", "nameAttribute": "name",',
      '      "attributes": { "id": { "type": "string" }, "name": { "type": "string" } },',
      '      "operations": { "get": { "relURI": "/things/{{uidd}}" } }',
      '    }',
      '  }',
      '}',
    ].join('\n'),
  );
  const { problems } = await checkDefinition(dir);
  assert.is(problems.length, 1, JSON.stringify(problems));
  assert.ok(problems[0]!.file.endsWith(join('classes', 'thing.json')), problems[0]!.file);
  assert.is(problems[0]!.line, 6);
  assert.match(problems[0]!.message, /unknown variable "uidd" \(did you mean "uid"\?\)/);
});

test('loadDefinition throws DefinitionLoadError with every problem', async () => {
  try {
    await loadDefinition(join(fixturesDir, 'definitions', 'invalid', 'twenty-mistakes'));
    assert.unreachable();
  } catch (error) {
    assert.instance(error, DefinitionLoadError);
    assert.is((error as DefinitionLoadError).problems.length, 20);
  }
});

test('a missing definition is a problem, not a crash', async () => {
  const { problems } = await checkDefinition('/nonexistent/definition');
  assert.is(problems.length, 1);
  assert.match(problems[0]!.message, /cannot read \/nonexistent\/definition: no such file/);
});

test.run();
