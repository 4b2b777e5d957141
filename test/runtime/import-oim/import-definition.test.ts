import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ConnectorDefinition, ObjectClass } from '../../../runtime/generated/definition.js';
import { checkDefinition } from '../../../runtime/definition/load-definition.js';
import { formatProblem } from '../../../runtime/definition/problems.js';
import { importDefinition, type ImportResult } from '../../../runtime/import-oim/import-definition.js';
import { loadProfile } from '../../../runtime/import-oim/profile/load-profile.js';
import type { ProfileModel } from '../../../runtime/import-oim/profile/profile-model.js';
import { readInputFiles } from '../../../runtime/import-oim/read-input.js';
import { splitDefinition, writeDefinition } from '../../../runtime/import-oim/write-definition.js';
import { fixturesDir, projectRoot, sharedDir } from '../../support/project-paths.js';

const oim = (name: string) => join(fixturesDir, 'oim', name);
const seedFiles = [oim('office365-configuration.txt'), oim('office365-user-maps.txt'), oim('office365-group-maps.txt')];
const seedGuide = join(sharedDir, 'seeds', '003_3fc3efda19d675aa.txt');
const acmeFiles = [oim('generic-rest-configuration.properties')];
const graph = await loadProfile(join(projectRoot, 'definitions', 'office365', 'import-oim', 'microsoft-graph.profile.json'));
const acmeV2 = await loadProfile(oim('acme-directory-v2.profile.json'));

function run(files: readonly string[], profile?: ProfileModel): ImportResult {
  return importDefinition(readInputFiles([...files]), profile ? { profile } : { suggest: [graph, acmeV2] });
}

async function problemsOf(definition: ConnectorDefinition): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'oim-import-'));
  writeDefinition(dir, splitDefinition(definition, ['test']));
  return (await checkDefinition(dir)).problems.map(formatProblem);
}

const user = (d: ConnectorDefinition): ObjectClass => d.objectClasses!.user!;

for (const [label, files, profile] of [
  ['the guide tables', seedFiles, undefined],
  ['the guide tables --to-microsoft-graph', seedFiles, graph],
  ['code=decode lines', [oim('office365-configuration.properties')], undefined],
  ['code=decode lines --to-microsoft-graph', [oim('office365-configuration.properties')], graph],
  ['JSON', [oim('office365-configuration.json')], undefined],
  ['JSON --to-microsoft-graph', [oim('office365-configuration.json')], graph],
  ['the whole guide', [seedGuide], undefined],
  ['the whole guide --to-microsoft-graph', [seedGuide], graph],
  ['another target', acmeFiles, undefined],
  ['another target with its own profile', acmeFiles, acmeV2],
] as const) {
  test(`${label}: the imported definition validates`, async () => {
    const { definition } = run(files, profile);
    assert.equal(await problemsOf(definition), []);
  });
}

test('classes get recognisable names and keep their ICF names', () => {
  const { definition } = run(seedFiles);
  assert.equal(Object.entries(definition.objectClasses!).map(([name, c]) => `${name}=${c?.icfName}`), ['user=__ACCOUNT__', 'group=__GROUP__', 'role=__ROLE__', 'license=__LICENSE__']);
  assert.equal(Object.keys(user(definition).specialAttributes!), ['manager', 'groups', 'roles', 'licenses']);
  assert.is(definition.objectClasses!.role!.readOnly, true);
});

test('without a profile nothing target-specific is assumed: requests as written, OAuth 2.0 client credentials, the matching profile named', () => {
  const { definition, report } = run(seedFiles);
  const groups = user(definition).specialAttributes!.groups!;
  assert.equal(groups.add, {
    opType: 'POST',
    relURI: '/{{config.tenantId}}/groups/{{value}}/$links/members',
    query: { api_version: '{{config.apiVersion}}' },
    customPayload: { url: '{{config.tenantId}}/directoryObjects/{{uid}}' },
    specialAttributeHandling: 'SINGLE',
  });
  assert.equal(groups.read?.targetObjectIdentifier, { path: 'objectType', equals: 'Group' });
  assert.equal(definition.connection?.auth, { type: 'oauth2ClientCredentials', tokenURL: '{{config.tokenUrl}}', clientId: '{{config.clientId}}', clientSecret: '{{config.clientSecret}}' });
  assert.is(definition.connection?.filter, undefined);
  assert.equal(user(definition).operations.search?.query, { api_version: '{{config.apiVersion}}', filter: '{{filter}}' });
  assert.is(user(definition).specialAttributes!.manager!.multiValued, false);
  assert.equal(user(definition).specialAttributes!.licenses!.read, { fromObject: '$.assignedLicenses[*]', specialAttributeTargetFormat: 'skuId' });
  const hints = report.entries.filter((e) => e.kind === 'derived' && /nothing was translated/.test(e.message));
  assert.is(hints.length, 1, 'only the profile whose source it looks like');
  assert.match(hints[0]?.message ?? '', /looks like Azure AD Graph \(the relURIs use \$links\).*--to-microsoft-graph \(or --profile .*microsoft-graph\.profile\.json\)/);
  assert.is(report.count('changed'), 0);
});

test('the bundled profile (--to-microsoft-graph): $ref, @odata.id, @odata.type, id and the Graph connection', () => {
  const { definition, report } = run(seedFiles, graph);
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
  assert.equal(Object.keys(definition.configuration?.properties ?? {}).sort(), ['authorityHost', 'clientId', 'clientSecret', 'graphBaseUrl', 'itResource', 'pageSize', 'tenantId']);
  assert.is(definition.configuration?.properties?.clientSecret?.secret, true);
  assert.ok(report.entries.some((e) => e.kind === 'changed' && e.target === 'configuration.properties.apiVersion'), 'dropped settings are reported');
  assert.ok(report.entries.some((e) => e.kind === 'derived' && /taken to be written for Azure AD Graph \(profile microsoft-graph\)/.test(e.message)));
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
  const { definition } = run(seedFiles, graph);
  const provisioning = definition.mappings!.user!.provisioning!;
  assert.is(provisioning['User Principal Name'], '__NAME__');
  assert.equal(provisioning['Group Names~Group Name[Lookup]'], { attribute: 'groups', lookup: 'Groups' });
  assert.equal(provisioning['Account Enabled'], { attribute: 'accountEnabled', transform: ['toBoolean'] });
  assert.is(provisioning['Change Password On Next Login'], 'passwordProfile.forceChangePasswordNextSignIn');
  assert.is(definition.lookups!.Groups!.id, '{{item.id}}');
  assert.equal(definition.mappings!.user!.trustedDefaults, { 'Employee Type': 'Full-Time', Organization: 'Xellerate Users', 'User Type': 'End-User' });
});

test('another target without a profile gets OAuth 2.0 client credentials; IT resource values become defaults, never the secret', () => {
  const { definition, report } = run(acmeFiles);
  assert.equal(definition.connection?.auth, { type: 'oauth2ClientCredentials', tokenURL: '{{config.tokenUrl}}', clientId: '{{config.clientId}}', clientSecret: '{{config.clientSecret}}' });
  const settings = definition.configuration!.properties!;
  assert.is(settings.baseUrl?.default, 'https://directory.acme.example');
  assert.is(settings.clientSecret?.default, undefined);
  assert.not.match(JSON.stringify(definition), /s3cr3t-value/);
  assert.ok(report.entries.some((e) => e.kind === 'untranslated' && /pageTokenRegex/.test(e.message)));
  assert.ok(report.entries.some((e) => e.kind === 'untranslated' && /proxyHost/.test(e.message)));
  assert.ok(report.entries.some((e) => /looks like Acme Directory API v1 \(the relURIs use \/teams\); nothing was translated: --profile .*acme-directory-v2\.profile\.json/.test(e.message)));
});

test('a second, made-up profile drives the same machinery for another target', () => {
  const { definition, report } = run(acmeFiles, acmeV2);
  assert.equal(Object.keys(definition.objectClasses!), ['account', 'team'], 'legacy.classNames: /teams is class team');
  const account = definition.objectClasses!.account!;
  assert.is(account.uidAttribute, 'id');
  assert.ok('displayName' in account.attributes && !('fullName' in account.attributes));
  assert.equal(account.operations.update, { opType: 'PUT', relURI: '/accounts/{{uid}}' });
  assert.equal(account.operations.search?.query, { q: '{{filter}}' }, 'legacy.filterParameter');
  assert.equal(account.operations.get?.query, { fields: '{{select}}' });
  assert.equal(account.specialAttributes!.teams!.add, { opType: 'POST', relURI: '/groups/{{value}}/members', customPayload: { member: { id: '{{uid}}' } }, specialAttributeHandling: 'SINGLE' });
  assert.is(account.specialAttributes!.teams!.read?.specialAttributeTargetFormat, 'id');
  assert.equal(definition.objectClasses!.team!.operations.search, { opType: 'GET', relURI: '/groups', jsonResourcesTag: 'items' });
  assert.equal(definition.connection?.auth, { type: 'bearer', token: '{{config.apiToken}}' });
  assert.equal(definition.connection?.headers, { Accept: 'application/json', 'Content-Type': 'application/json' });
  assert.is(definition.connection?.paging?.type, 'cursor');
  assert.equal(Object.keys(definition.configuration!.properties!).sort(), ['apiBaseUrl', 'apiToken', 'itResource', 'pageSize']);
  assert.is(definition.configuration!.properties!.pageSize?.default, 200, 'the IT resource value still wins over the profile default');
  assert.equal(definition.mappings!.account!.provisioning!['Full Name'], 'displayName');
  assert.is(definition.lookups!.Teams!.id, '{{item.id}}');
  const change = report.entries.find((e) => e.kind === 'changed' && e.target === 'account.specialAttributes.teams.add');
  assert.equal([change?.message, change?.from, change?.to], ['teams are groups in v2', 'POST /teams/{{value}}/members', 'POST /groups/{{value}}/members']);
  assert.match(change?.entry ?? '', /__ACCOUNT__\.__GROUP__=\/teams\/\$\(__GROUP__\.teamId\)\$\/members/);
  assert.ok(report.entries.some((e) => e.kind === 'untranslated' && /IT resource parameter authenticationServerUrl is not used/.test(e.message)), 'a value whose setting the profile replaced is not lost silently');
  assert.not.match(JSON.stringify(definition), /microsoft|graph|odata/i);
});

test('a profile recognises its source by the IT resource host too (scheme and port ignored)', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'oim-host-')), 'people.properties');
  writeFileSync(file, ['relURIs="__ACCOUNT__.SEARCHOP=/people","__ACCOUNT__=/people/$(__UID__)$"', 'uidAttributes="__ACCOUNT__.id"', 'nameAttributes="__ACCOUNT__.login"', '[IT Resource]', 'host=https://directory.acme.example:8443/'].join('\n'));
  const { report } = run([file]);
  const hints = report.entries.filter((e) => /nothing was translated/.test(e.message));
  assert.equal(hints.map((e) => e.message.slice(0, e.message.indexOf(';'))), ['the configuration looks like Acme Directory API v1 (the IT resource host is directory.acme.example)']);
});

test("a profile whose source the configuration does not look like says so in the report", () => {
  const { report } = run(acmeFiles, graph);
  assert.ok(report.entries.some((e) => e.kind === 'derived' && /nothing in the configuration looks like Azure AD Graph, the source of profile microsoft-graph/.test(e.message)));
});

test.run();
