import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { HttpRequestFields, SpecialRead } from '../../../runtime/generated/definition.js';
import { checkProfile, loadProfile } from '../../../runtime/import-oim/profile/load-profile.js';
import { Renamer } from '../../../runtime/import-oim/profile/rename-names.js';
import { rewritePayload } from '../../../runtime/import-oim/profile/rewrite-payload.js';
import { rewriteRequest } from '../../../runtime/import-oim/profile/rewrite-request.js';
import { projectRoot } from '../../support/project-paths.js';

const graph = await loadProfile(join(projectRoot, 'definitions', 'office365', 'import-oim', 'microsoft-graph.profile.json'));

function path(relURI: string, kind: 'add' | 'remove' | 'set' | 'get' = 'add'): string | undefined {
  const request: HttpRequestFields = { relURI };
  rewriteRequest(graph, kind, request);
  return request.relURI;
}

test('graph profile: $links become $ref and a whole tenant segment goes', () => {
  assert.is(path('/{{config.tenantId}}/groups/{{value}}/$links/members'), '/groups/{{value}}/members/$ref');
  assert.is(path('/{{config.tenantId}}/groups/{{value}}/$links/members/{{uid}}', 'remove'), '/groups/{{value}}/members/{{uid}}/$ref');
  assert.is(path('/{{config.tenantId}}/users/{{uid}}/$links/manager', 'set'), '/users/{{uid}}/manager/$ref');
  assert.is(path('/{{config.tenantId}}/users', 'get'), '/users');
  assert.is(path('/{{config.tenantId}}', 'get'), '/', 'an empty path is the root');
  assert.is(path('/{{config.tenants}}x/users', 'get'), '/{{config.tenants}}x/users', 'only a whole tenant segment');
});

test('graph profile: api-version is dropped and PUT becomes PATCH for updates only, each reason listed once', () => {
  const update: HttpRequestFields = { opType: 'PUT', relURI: '/{{config.tenantId}}/groups/{{uid}}', query: { 'api-version': '{{config.apiVersion}}' } };
  const why = rewriteRequest(graph, 'update', update);
  assert.equal(update, { opType: 'PATCH', relURI: '/groups/{{uid}}' });
  assert.equal(why, ['the tenant path segment is dropped (Microsoft Graph takes the tenant from the token)', 'Microsoft Graph updates objects with PATCH', 'api-version dropped (the version is part of the Graph base URL)']);
  const manager: HttpRequestFields = { opType: 'PUT', relURI: '/users/{{uid}}/$links/manager', query: { 'api-version': '1.6', other: 'x' } };
  rewriteRequest(graph, 'set', manager);
  assert.equal(manager, { opType: 'PUT', relURI: '/users/{{uid}}/manager/$ref', query: { other: 'x' } });
  assert.equal(rewriteRequest(graph, 'get', { opType: 'GET', relURI: '/users/{{uid}}' }), [], 'nothing to change, no reason');
});

test('graph profile: {"url": ...} references become @odata.id references to directoryObjects', () => {
  const reference = rewritePayload(graph, { url: '{{connection.baseURL}}/{{config.tenantId}}/directoryObjects/{{uid}}' }, '/groups/{{value}}/members/$ref');
  assert.equal(reference?.payload, { '@odata.id': '{{connection.baseURL}}/directoryObjects/{{uid}}' });
  assert.match(reference?.why ?? '', /@odata\.id/);
  assert.equal(rewritePayload(graph, { url: '{{value}}' }, '/x')?.payload, { '@odata.id': '{{connection.baseURL}}/directoryObjects/{{value}}' });
  assert.is(rewritePayload(graph, { url: '{{connection.baseURL}}/{{config.tenantId}}' }, '/x'), undefined, 'no object placeholder, no reference');
  assert.is(rewritePayload(graph, { url: '{{uid}}', extra: 1 }, '/x'), undefined, 'the shape must match exactly');
});

test('graph profile: assignLicense payloads get disabledPlans; other payloads and relURIs are left alone', () => {
  const license = rewritePayload(graph, { addLicenses: [{ skuId: '{{value}}' }], removeLicenses: [] }, '/users/{{uid}}/assignLicense');
  assert.equal(license?.payload, { addLicenses: [{ skuId: '{{value}}', disabledPlans: [] }], removeLicenses: [] });
  assert.is(rewritePayload(graph, { addLicenses: [{ skuId: '{{value}}', disabledPlans: ['x'] }] }, '/users/{{uid}}/assignLicense'), undefined, 'already there');
  assert.is(rewritePayload(graph, { addLicenses: [{ skuId: '{{value}}' }] }, '/users/{{uid}}/somethingElse'), undefined, 'another relURI');
  assert.is(rewritePayload(graph, { displayName: 'x' }, '/users'), undefined);
});

test('graph profile: objectId is id and objectType;Group|Role is an @odata.type filter', () => {
  const renamer = new Renamer(graph);
  const read: SpecialRead = { relURI: '/users/{{uid}}/memberOf', specialAttributeTargetFormat: 'objectId', targetObjectIdentifier: { path: 'objectType', equals: 'Role' } };
  const changes = renamer.readFields('user.specialAttributes.roles.read', read);
  assert.equal(read, { relURI: '/users/{{uid}}/memberOf', specialAttributeTargetFormat: 'id', targetObjectIdentifier: { path: '@odata.type', equals: '#microsoft.graph.directoryRole' } });
  assert.equal(changes.map((c) => c.target), ['user.specialAttributes.roles.read.specialAttributeTargetFormat', 'user.specialAttributes.roles.read.targetObjectIdentifier']);
  const group: SpecialRead = { relURI: '/x', targetObjectIdentifier: { path: 'objectType', equals: 'group' } };
  renamer.readFields('t', group);
  assert.equal(group.targetObjectIdentifier, { path: '@odata.type', equals: '#microsoft.graph.group' }, 'values compare without regard to case');
  assert.equal(renamer.template('{{config.itResource}}~{{item.objectId}}'), { text: '{{config.itResource}}~{{item.id}}', why: ['objectId is id in Microsoft Graph'] });
});

test('a value the profile does not map is kept and reported as untranslated', () => {
  const read: SpecialRead = { relURI: '/x', targetObjectIdentifier: { path: 'objectType', equals: 'Printer' } };
  const [change] = new Renamer(graph).readFields('t', read).filter((c) => c.untranslated);
  assert.equal(read.targetObjectIdentifier, { path: '@odata.type', equals: 'Printer' });
  assert.match(change?.what ?? '', /no value for objectType "Printer"/);
});

test('rules of any profile: selected by kind, method and pattern, applied in order, named groups filled in', async () => {
  const profile = await checkProfile({
    name: 'tiny',
    description: 'a made-up API',
    requests: [
      { description: 'v2 prefix', match: '^/(?<rest>.*)$', replacement: '/v2/$<rest>' },
      { description: 'adds are PUTs', kinds: ['add'], opTypes: ['POST'], opType: 'PUT' },
      { description: 'v2 members by id', kinds: ['add'], match: '/members$', replacement: '/members/{{uid}}' },
    ],
    payloads: [{ description: 'one member', match: { ids: ['^(?<who>\\{\\{\\w+\\}\\})$'], kind: 'user' }, replaceWith: { member: '$<who>', roles: ['member'] } }],
  });
  const add: HttpRequestFields = { opType: 'POST', relURI: '/teams/{{value}}/members' };
  assert.equal(rewriteRequest(profile, 'add', add), ['v2 prefix', 'adds are PUTs', 'v2 members by id']);
  assert.equal(add, { opType: 'PUT', relURI: '/v2/teams/{{value}}/members/{{uid}}' });
  const remove: HttpRequestFields = { opType: 'POST', relURI: '/teams/{{value}}/members' };
  rewriteRequest(profile, 'remove', remove);
  assert.equal(remove, { opType: 'POST', relURI: '/v2/teams/{{value}}/members' });
  assert.equal(rewritePayload(profile, { ids: ['{{uid}}'], kind: 'user' }, undefined)?.payload, { member: '{{uid}}', roles: ['member'] });
  assert.is(rewritePayload(profile, { ids: ['{{uid}}', '{{value}}'], kind: 'user' }, undefined), undefined, 'arrays must have as many items');
  assert.is(rewritePayload(profile, { ids: ['{{uid}}'], kind: 'group' }, undefined), undefined, 'other values must be equal');
});

test.run();
