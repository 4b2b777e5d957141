import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ConnectorDefinition, ObjectClass } from '../../../runtime/generated/definition.js';
import { checkDefinition } from '../../../runtime/definition/load-definition.js';
import { formatProblem } from '../../../runtime/definition/problems.js';
import { importDefinition, type ImportResult } from '../../../runtime/import-oim/import-definition.js';
import { readInputFiles } from '../../../runtime/import-oim/read-input.js';
import { splitDefinition, writeDefinition } from '../../../runtime/import-oim/write-definition.js';
import { fixturesDir, sharedDir } from '../../support/project-paths.js';

const oim = (name: string) => join(fixturesDir, 'oim', name);
const seedFiles = [oim('office365-configuration.txt'), oim('office365-user-maps.txt'), oim('office365-group-maps.txt')];
const seedGuide = join(sharedDir, 'seeds', '003_3fc3efda19d675aa.txt');

function run(files: string[], toMicrosoftGraph = false): ImportResult {
  return importDefinition(readInputFiles(files), toMicrosoftGraph ? { toMicrosoftGraph } : {});
}

async function problemsOf(definition: ConnectorDefinition): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'oim-import-'));
  writeDefinition(dir, splitDefinition(definition, ['test']));
  return (await checkDefinition(dir)).problems.map(formatProblem);
}

const user = (d: ConnectorDefinition): ObjectClass => d.objectClasses!.user!;

for (const [label, files] of [
  ['the guide tables', seedFiles],
  ['code=decode lines', [oim('office365-configuration.properties')]],
  ['JSON', [oim('office365-configuration.json')]],
  ['the whole guide', [seedGuide]],
  ['a target that is not Microsoft', [oim('generic-rest-configuration.properties')]],
] as const) {
  for (const graph of [false, true]) {
    if (graph && label === 'a target that is not Microsoft') continue;
    test(`${label}${graph ? ' --to-microsoft-graph' : ''}: the imported definition validates`, async () => {
      const { definition } = run([...files], graph);
      assert.equal(await problemsOf(definition), []);
    });
  }
}

test('classes get recognisable names and keep their ICF names', () => {
  const { definition } = run(seedFiles);
  assert.equal(Object.entries(definition.objectClasses!).map(([name, c]) => `${name}=${c?.icfName}`), ['user=__ACCOUNT__', 'group=__GROUP__', 'role=__ROLE__', 'license=__LICENSE__']);
  assert.equal(Object.keys(user(definition).specialAttributes!), ['manager', 'groups', 'roles', 'licenses']);
  assert.is(definition.objectClasses!.role!.readOnly, true);
});

test('without --to-microsoft-graph the Azure AD Graph requests are kept, split into path and query', () => {
  const { definition } = run(seedFiles);
  const groups = user(definition).specialAttributes!.groups!;
  assert.equal(groups.add, {
    opType: 'POST',
    relURI: '/{{config.tenantId}}/groups/{{value}}/$links/members',
    query: { 'api-version': '{{config.apiVersion}}' },
    customPayload: { url: '{{connection.baseURL}}/{{config.tenantId}}/directoryObjects/{{uid}}' },
    specialAttributeHandling: 'SINGLE',
  });
  assert.equal(groups.read?.targetObjectIdentifier, { path: 'objectType', equals: 'Group' });
  assert.is(definition.connection?.auth.type, 'msalClientCredentials');
  assert.is(user(definition).specialAttributes!.manager!.multiValued, false);
  assert.equal(user(definition).specialAttributes!.licenses!.read, { fromObject: '$.assignedLicenses[*]', specialAttributeTargetFormat: 'skuId' });
});

test('--to-microsoft-graph: $ref, @odata.id, @odata.type, id and the Graph connection', () => {
  const { definition, report } = run(seedFiles, true);
  const specials = user(definition).specialAttributes!;
  assert.equal(specials.groups!.add, { opType: 'POST', relURI: '/groups/{{value}}/members/$ref', customPayload: { '@odata.id': '{{connection.baseURL}}/directoryObjects/{{uid}}' }, specialAttributeHandling: 'SINGLE' });
  assert.is(specials.groups!.remove?.relURI, '/groups/{{value}}/members/{{uid}}/$ref');
  assert.equal(specials.roles!.read?.targetObjectIdentifier, { path: '@odata.type', equals: '#microsoft.graph.directoryRole' });
  assert.equal([specials.manager!.set?.opType, specials.manager!.set?.relURI, specials.manager!.clear?.relURI], ['PUT', '/users/{{uid}}/manager/$ref', '/users/{{uid}}/manager/$ref']);
  assert.is(user(definition).uidAttribute, 'id');
  assert.equal(user(definition).operations.search?.query, { $select: '{{select}},assignedLicenses', $filter: '{{filter}}' });
  assert.is(definition.objectClasses!.group!.operations.update?.opType, 'PATCH');
  assert.is(definition.connection?.baseURL, '{{config.graphBaseUrl}}');
  assert.is(definition.connection?.paging?.type, 'nextLink');
  assert.equal(definition.connection?.errors?.rules?.[0], { description: definition.connection?.errors?.rules?.[0]?.description, status: 400, detailCode: 'ObjectConflict', kind: 'AlreadyExists' });
  assert.not.ok('apiVersion' in (definition.configuration?.properties ?? {}));
  const manager = report.entries.find((e) => e.kind === 'changed' && e.target === 'user.specialAttributes.manager.set');
  assert.is(manager?.from, 'PUT /{{config.tenantId}}/users/{{uid}}/$links/manager?api-version={{config.apiVersion}}');
  assert.is(manager?.to, 'PUT /users/{{uid}}/manager/$ref');
  assert.match(manager?.entry ?? '', /__ACCOUNT__\.manager=\/\$\(tenant_id\)\$\/users\/\$\(__UID__\)\$\/\$links\/manager/);
});

test('the report lists what could not be translated, with the original entry and its place', () => {
  const { report } = run(seedFiles);
  const fragment = report.entries.find((e) => e.kind === 'untranslated' && e.entry === 'customPayload: \\"}"');
  assert.ok(fragment, 'the broken first customPayload fragment');
  assert.match(fragment?.origin?.file ?? '', /office365-configuration\.txt$/);
  assert.ok(report.entries.some((e) => e.kind === 'untranslated' && /OIM Org Name/.test(e.message)));
  assert.is(report.entries.filter((e) => e.kind === 'repaired' && /customPayload/.test(e.message)).length, 3);
});

test('mappings follow the OIM maps: ICF names, special attributes with lookups, transforms', () => {
  const { definition } = run(seedFiles, true);
  const provisioning = definition.mappings!.user!.provisioning!;
  assert.is(provisioning['User Principal Name'], '__NAME__');
  assert.equal(provisioning['Group Names~Group Name[Lookup]'], { attribute: 'groups', lookup: 'Groups' });
  assert.equal(provisioning['Account Enabled'], { attribute: 'accountEnabled', transform: ['toBoolean'] });
  assert.is(provisioning['Change Password On Next Login'], 'passwordProfile.forceChangePasswordNextSignIn');
  assert.is(definition.lookups!.Groups!.id, '{{item.id}}');
  assert.equal(definition.mappings!.user!.trustedDefaults, { 'Employee Type': 'Full-Time', Organization: 'Xellerate Users', 'User Type': 'End-User' });
});

test('a target that is not Microsoft gets OAuth 2.0 client credentials; IT resource values become defaults, never the secret', () => {
  const { definition, report } = run([oim('generic-rest-configuration.properties')]);
  assert.equal(definition.connection?.auth, { type: 'oauth2ClientCredentials', tokenURL: '{{config.tokenUrl}}', clientId: '{{config.clientId}}', clientSecret: '{{config.clientSecret}}' });
  const settings = definition.configuration!.properties!;
  assert.is(settings.baseUrl?.default, 'https://directory.acme.example');
  assert.is(settings.clientSecret?.default, undefined);
  assert.not.match(JSON.stringify(definition), /s3cr3t-value/);
  assert.ok(report.entries.some((e) => e.kind === 'untranslated' && /pageTokenRegex/.test(e.message)));
  assert.ok(report.entries.some((e) => e.kind === 'untranslated' && /proxyHost/.test(e.message)));
});

test.run();
