import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { HttpRequestFields, SpecialRead } from '../../../runtime/generated/definition.js';
import { renameReadFields, renameTemplate } from '../../../runtime/import-oim/graph/graph-identifiers.js';
import { graphPath, translateRequest } from '../../../runtime/import-oim/graph/graph-paths.js';
import { translatePayloadForGraph } from '../../../runtime/import-oim/graph/graph-payloads.js';

test('$links become $ref and the tenant segment goes', () => {
  assert.is(graphPath('/{{config.tenantId}}/groups/{{value}}/$links/members'), '/groups/{{value}}/members/$ref');
  assert.is(graphPath('/{{config.tenantId}}/groups/{{value}}/$links/members/{{uid}}'), '/groups/{{value}}/members/{{uid}}/$ref');
  assert.is(graphPath('/{{config.tenantId}}/users/{{uid}}/$links/manager'), '/users/{{uid}}/manager/$ref');
  assert.is(graphPath('/{{config.tenantId}}/users'), '/users');
  assert.is(graphPath('/{{config.tenants}}x/users'), '/{{config.tenants}}x/users', 'only a whole tenant segment');
});

test('api-version is dropped and PUT updates become PATCH, each change listed', () => {
  const request: HttpRequestFields = { opType: 'PUT', relURI: '/{{config.tenantId}}/groups/{{uid}}', query: { 'api-version': '{{config.apiVersion}}' } };
  const changes = translateRequest(request, { update: true });
  assert.equal(request, { opType: 'PATCH', relURI: '/groups/{{uid}}' });
  assert.is(changes.length, 3);
});

test('{"url": ...} references become @odata.id references to directoryObjects', () => {
  const { payload } = translatePayloadForGraph({ url: '{{connection.baseURL}}/{{config.tenantId}}/directoryObjects/{{uid}}' }, '/groups/{{value}}/members/$ref');
  assert.equal(payload, { '@odata.id': '{{connection.baseURL}}/directoryObjects/{{uid}}' });
  assert.equal(translatePayloadForGraph({ url: '{{value}}' }, '/x').payload, { '@odata.id': '{{connection.baseURL}}/directoryObjects/{{value}}' });
});

test('assignLicense payloads get disabledPlans; other payloads are left alone', () => {
  const { payload, changes } = translatePayloadForGraph({ addLicenses: [{ skuId: '{{value}}' }], removeLicenses: [] }, '/users/{{uid}}/assignLicense');
  assert.equal(payload, { addLicenses: [{ skuId: '{{value}}', disabledPlans: [] }], removeLicenses: [] });
  assert.is(changes.length, 1);
  assert.equal(translatePayloadForGraph({ displayName: 'x' }, '/users').changes, []);
});

test('objectId is id and objectType;Group is an @odata.type filter', () => {
  const read: SpecialRead = { relURI: '/users/{{uid}}/memberOf', specialAttributeTargetFormat: 'objectId', targetObjectIdentifier: { path: 'objectType', equals: 'Role' } };
  renameReadFields('user.specialAttributes.roles.read', read);
  assert.equal(read, { relURI: '/users/{{uid}}/memberOf', specialAttributeTargetFormat: 'id', targetObjectIdentifier: { path: '@odata.type', equals: '#microsoft.graph.directoryRole' } });
  assert.is(renameTemplate('{{config.itResource}}~{{item.objectId}}'), '{{config.itResource}}~{{item.id}}');
});

test.run();
