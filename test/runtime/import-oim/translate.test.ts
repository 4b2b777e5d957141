import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import type { ImportContext } from '../../../runtime/import-oim/import-context.js';
import { ImportReport } from '../../../runtime/import-oim/import-report.js';
import { listCodes, type OimConfiguration } from '../../../runtime/import-oim/oim-configuration.js';
import { parseMapDecode } from '../../../runtime/import-oim/parse-map-entry.js';
import { loadProfile } from '../../../runtime/import-oim/profile/load-profile.js';
import type { ProfileModel } from '../../../runtime/import-oim/profile/profile-model.js';
import { SettingsRegistry } from '../../../runtime/import-oim/settings-registry.js';
import type { OimItem } from '../../../runtime/import-oim/split-decode-list.js';
import { translatePayload } from '../../../runtime/import-oim/translate-payload.js';
import { translateRelUri } from '../../../runtime/import-oim/translate-reluri.js';
import { projectRoot } from '../../support/project-paths.js';

// The bundled profile's `legacy` part says how the Office 365 connector's configuration reads.
const graph = await loadProfile(join(projectRoot, 'definitions', 'office365', 'import-oim', 'microsoft-graph.profile.json'));

function context(profile: ProfileModel | null = graph): ImportContext {
  const report = new ImportReport();
  const lists = Object.fromEntries(listCodes.map((c) => [c, []])) as unknown as OimConfiguration['lists'];
  return { config: { lists, headers: {}, maps: [], itResource: [], staticLookups: [] }, report, settings: new SettingsRegistry([], report), profile: profile ?? undefined, classNames: new Map(), sources: new Map() };
}

function item(key: string, value: string, code = 'relURIs'): OimItem {
  return { key, value, raw: `"${key}=${value}"`, code, origin: { file: 'cfg.txt', line: 7 } };
}

test("relURI (with the profile's legacy conventions): the path keeps placeholders as templates, the query becomes parameters, the filter suffix a filter", () => {
  const c = context();
  const search = translateRelUri(c, item('__ACCOUNT__.SEARCHOP', '/$(tenant_id)$/users?$(api_version)$/$(Filter Suffix)$'), { target: 'user.operations.search', uid: false, search: true });
  assert.equal(search, { relURI: '/{{config.tenantId}}/users', query: { 'api-version': '{{config.apiVersion}}', $filter: '{{filter}}' } });
  assert.equal(Object.keys(c.settings.toProperties()), ['tenantId', 'apiVersion']);
  assert.is(c.settings.get('apiVersion')?.default, '1.6');
});

test("relURI: a special attribute's own placeholder is the value, __UID__ the object's uid", () => {
  const c = context();
  const remove = translateRelUri(c, item('__ACCOUNT__.__GROUP__.DELETEOP', '/$(tenant_id)$/groups/$(__GROUP__.objectId)$/$links/members/$(__UID__)$?$(api_version)$'), {
    target: 'user.specialAttributes.groups.remove',
    uid: true,
    specialKey: '__GROUP__',
  });
  assert.is(remove?.relURI, '/{{config.tenantId}}/groups/{{value}}/$links/members/{{uid}}');
});

test('relURI: a placeholder without meaning leaves the operation out, with a report entry quoting the entry', () => {
  const c = context();
  const create = translateRelUri(c, item('__ACCOUNT__.CREATEOP', '/users/$(__UID__)$'), { target: 'user.operations.create', uid: false });
  assert.is(create, undefined);
  const [entry] = c.report.entries;
  assert.is(entry?.kind, 'untranslated');
  assert.match(entry?.message ?? '', /\$\(__UID__\)\$ has no meaning in user\.operations\.create/);
  assert.is(entry?.entry, 'relURIs: "__ACCOUNT__.CREATEOP=/users/$(__UID__)$"');
  assert.equal(entry?.origin, { file: 'cfg.txt', line: 7 });
});

test('relURI without a profile: name=value query pieces, a generic filter parameter, a whole-query placeholder named after itself', () => {
  const c = context(null);
  const search = translateRelUri(c, item('__GROUP__.SEARCHOP', '/teams?limit=$(page_size)$&$(Filter Suffix)$'), { target: 'group.operations.search', uid: false, search: true });
  assert.equal(search, { relURI: '/teams', query: { limit: '{{config.pageSize}}', filter: '{{filter}}' } });
  assert.ok(c.report.entries.some((e) => e.kind === 'derived' && /query parameter filter/.test(e.message)));
  const get = translateRelUri(c, item('__ACCOUNT__', '/accounts/$(__UID__)$?$(api_version)$'), { target: 'account.operations.get', uid: true });
  const update = translateRelUri(c, item('__ACCOUNT__.UPDATEOP', '/accounts/$(__UID__)$?$(api_version)$'), { target: 'account.operations.update', uid: true });
  assert.equal([get?.query, update?.query], [{ api_version: '{{config.apiVersion}}' }, { api_version: '{{config.apiVersion}}' }]);
  assert.is(c.settings.get('apiVersion')?.required, true);
  assert.is(c.report.entries.filter((e) => /whole query string/.test(e.message)).length, 1, 'reported once per placeholder');
});

test('payload: the broken url payload of the guide is repaired, reported, its placeholders translated, and (profile) made absolute', () => {
  const c = context();
  c.settings.placeholder('tenant_id');
  const payload = translatePayload(c, item('__ACCOUNT__.__GROUP__.CREATEOP', '{"url ":<tenant_id>/directoryObjects/ <__UID__> "}', 'customPayload'), {
    target: 'user.specialAttributes.groups.add.customPayload',
    uid: true,
    specialKey: '__GROUP__',
  });
  assert.equal(payload, { url: '{{connection.baseURL}}/{{config.tenantId}}/directoryObjects/{{uid}}' });
  const repaired = c.report.entries.find((e) => e.kind === 'repaired');
  assert.equal(repaired?.to, { url: '<tenant_id>/directoryObjects/<__UID__>' });
  const plain = context(null);
  plain.settings.placeholder('tenant_id');
  const kept = translatePayload(plain, item('__ACCOUNT__.__GROUP__.CREATEOP', '{"url": "<tenant_id>/directoryObjects/<__UID__>"}', 'customPayload'), { target: 't', uid: true, specialKey: '__GROUP__' });
  assert.equal(kept, { url: '{{config.tenantId}}/directoryObjects/{{uid}}' }, 'without a profile nothing says the path is a URL');
});

test('payload: valid JSON keeps its shape; <attribute> placeholders of a special attribute are the value', () => {
  const c = context();
  const payload = translatePayload(c, item('__ACCOUNT__.__LICENSE__.ADDATTRIBUTE', '{"addLicenses": [{"skuId": "<skuId>"}], "removeLicenses": []}', 'customPayload'), {
    target: 't',
    uid: true,
    specialKey: '__LICENSE__',
    valueNames: ['skuId'],
  });
  assert.equal(payload, { addLicenses: [{ skuId: '{{value}}' }], removeLicenses: [] });
});

test('payload: text that is neither JSON nor repairable is reported and left out', () => {
  const c = context();
  const payload = translatePayload(c, item('__ACCOUNT__.x.CREATEOP', '<a><b/></a>', 'customPayload'), { target: 't', uid: true, specialKey: 'x' });
  assert.is(payload, undefined);
  assert.is(c.report.entries[0]?.kind, 'untranslated');
});

test('map decodes: ICF names, attributes, child tables, quoted expressions and connector-internal names', () => {
  assert.equal(parseMapDecode('__NAME__'), { kind: 'icf', name: '__NAME__' });
  assert.equal(parseMapDecode('passwordProfile.forceChangePasswordNextLogin'), { kind: 'attribute', name: 'passwordProfile.forceChangePasswordNextLogin', quoted: false });
  assert.equal(parseMapDecode('__ROLE__~__ROLE__~objectId'), { kind: 'childTable', source: '__ROLE__', field: 'objectId' });
  assert.equal(parseMapDecode('accountEnabled=”$(accountEnabled)”'), { kind: 'attribute', name: 'accountEnabled', quoted: true });
  assert.equal(parseMapDecode('mailEnabled=”${mailEnabled}”'), { kind: 'attribute', name: 'mailEnabled', quoted: true });
  assert.is(parseMapDecode('OIM Organization Name').kind, 'untranslated');
  assert.is(parseMapDecode('a=$(b)').kind, 'untranslated');
});

test.run();
