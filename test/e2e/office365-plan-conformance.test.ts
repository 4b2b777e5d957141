// Every request the Office 365 definition produces conforms to Microsoft Graph v1.0: a sample
// of every operation of every class planned through `connector plan --json` (searches with
// filters, the national-cloud presets, reconciliation rounds), plus the requests `plan` does not show, built by the
// runtime itself: delta rounds, the role-activation resolver, and $batch envelopes.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { skuCatalog } from '../../fixtures/graph/index.js';
import { encodeBatch } from '../../runtime/batch/odata-json-batch.js';
import { baseLocation, relativeToBase } from '../../runtime/batch/relative-url.js';
import { loadDefinition } from '../../runtime/definition/load-definition.js';
import { resolveSettings } from '../../runtime/definition/resolve-settings.js';
import type { HttpMethod } from '../../runtime/http/types.js';
import { buildRequest } from '../../runtime/operations/build-request.js';
import { resolveConnection } from '../../runtime/operations/resolved-connection.js';
import { checkGraphRequests, type GraphRequestShape } from '../support/check-graph-requests.js';
import { office365Definition } from '../support/project-paths.js';
import { runCli } from '../support/run-cli.js';

const settings = ['--set', 'tenantId=72f988bf-86f1-41af-91ab-2d7cd011db47', '--set', 'clientId=0b6c7f3e-5f0e-4d1a-9d54-1e0c4a7f2b11', '--set', 'clientSecret=Plan~Secret.Value', '--set', 'domain=contoso.com'];
const uid = '2f1c0d5e-8b7a-4c3d-9e2f-1a0b9c8d7e6f';
const other = '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d';
const roleTemplate = 'fdd7a751-b60b-444a-984c-02652fe8fa1c';
const e3 = skuCatalog.enterprisePack;
const disabledPlan = e3.servicePlans[2]!.servicePlanId;

interface PlanCase {
  operation: string;
  objectClass: string;
  uid?: boolean;
  attrs?: Record<string, unknown>;
  filter?: string;
  rawFilter?: string;
  preset?: string;
  mode?: 'full' | 'incremental';
  trusted?: boolean;
}

const userAttrs = {
  __NAME__: "zoe.o'brien@contoso.com", __PASSWORD__: 'Plan-Passw0rd!', __ENABLE__: true, displayName: 'Zoë O’Brien', givenName: 'Zoë', surname: 'O’Brien',
  usageLocation: 'US', department: 'Sales', jobTitle: 'Rep', businessPhones: ['+1 425 555 0100'], otherMails: ['zoe@example.org'], employeeHireDate: '2024-03-01T00:00:00Z',
  employeeOrgData: { division: 'West', costCenter: 'CC-7' }, onPremisesImmutableId: 'abc==', userType: 'Member', 'passwordProfile.forceChangePasswordNextSignIn': true,
  manager: other, groups: [other], roles: [roleTemplate], licenses: [{ skuId: e3.skuId, disabledPlans: [disabledPlan] }],
};
const groupAttrs = { __NAME__: 'Finance Approvers', description: 'Sign off', mailEnabled: false, securityEnabled: true, isAssignableToRole: false, members: [other], owners: [uid] };

const cases: PlanCase[] = [
  { operation: 'create', objectClass: 'user', attrs: userAttrs },
  { operation: 'update', objectClass: 'user', uid: true, attrs: { jobTitle: 'Lead', city: null, manager: other, groups: [other], licenses: [e3.skuId] } },
  { operation: 'update', objectClass: '__ACCOUNT__', uid: true, attrs: { manager: null } },
  { operation: 'get', objectClass: 'user', uid: true },
  { operation: 'delete', objectClass: 'user', uid: true },
  { operation: 'restore', objectClass: 'user', uid: true },
  { operation: 'enable', objectClass: 'user', uid: true },
  { operation: 'disable', objectClass: 'user', uid: true },
  { operation: 'set-password', objectClass: 'user', uid: true, attrs: { __PASSWORD__: 'New-Passw0rd!', 'passwordProfile.forceChangePasswordNextSignIn': true } },
  { operation: 'add-values', objectClass: 'user', uid: true, attrs: { groups: [other], roles: [roleTemplate], licenses: [{ skuId: e3.skuId, disabledPlans: [] }], manager: other } },
  { operation: 'remove-values', objectClass: 'user', uid: true, attrs: { groups: [other], roles: [other], licenses: [e3.skuId], manager: other } },
  { operation: 'search', objectClass: 'user' },
  { operation: 'search', objectClass: 'user', filter: `startsWith(displayName, "O'B") and accountEnabled eq true` },
  { operation: 'search', objectClass: 'user', filter: 'department ne "Sales" or not(usageLocation eq "US")' },
  { operation: 'search', objectClass: 'user', rawFilter: "userPrincipalName eq 'zoe.o''brien@contoso.com'" },
  { operation: 'search', objectClass: 'user', preset: 'usGovL4' },
  { operation: 'search', objectClass: 'user', preset: 'usGovL5' },
  { operation: 'search', objectClass: 'user', preset: 'china' },
  { operation: 'create', objectClass: 'group', attrs: groupAttrs },
  { operation: 'create', objectClass: '__GROUP__', attrs: { __NAME__: 'Équipe', mailNickname: 'equipe', groupTypes: ['Unified'], mailEnabled: true, securityEnabled: false, visibility: 'Private' } },
  { operation: 'update', objectClass: 'group', uid: true, attrs: { description: 'Sign off over 10k', members: [other], owners: [uid] } },
  { operation: 'get', objectClass: 'group', uid: true },
  { operation: 'delete', objectClass: 'group', uid: true },
  { operation: 'restore', objectClass: 'group', uid: true },
  { operation: 'add-values', objectClass: 'group', uid: true, attrs: { members: [other, uid], owners: [other] } },
  { operation: 'remove-values', objectClass: 'group', uid: true, attrs: { members: [other], owners: [other] } },
  { operation: 'search', objectClass: 'group', filter: 'startsWith(displayName, "Fin") and description eq "Sign off"' },
  { operation: 'get', objectClass: 'role', uid: true },
  { operation: 'search', objectClass: '__ROLE__' },
  { operation: 'search', objectClass: 'role', filter: `roleTemplateId eq "${roleTemplate}"` },
  { operation: 'get', objectClass: 'license', uid: true },
  { operation: 'search', objectClass: '__LICENSE__' },
  { operation: 'reconcile', objectClass: 'user' },
  { operation: 'reconcile', objectClass: 'user', trusted: true, filter: 'department eq "Sales"' },
  { operation: 'reconcile', objectClass: 'user', mode: 'incremental' },
  { operation: 'reconcile', objectClass: 'group', mode: 'incremental' },
  { operation: 'reconcile', objectClass: 'group' },
];

interface Planned extends GraphRequestShape {
  method: string;
  headers: Record<string, string>;
}

async function plan(planCase: PlanCase): Promise<Planned[]> {
  const args = ['plan', office365Definition, planCase.operation, '--class', planCase.objectClass, '--json', ...settings];
  if (planCase.uid) args.push('--uid', uid);
  if (planCase.filter) args.push('--filter', planCase.filter);
  if (planCase.rawFilter) args.push('--raw-filter', planCase.rawFilter);
  if (planCase.preset) args.push('--preset', planCase.preset);
  if (planCase.mode) args.push('--mode', planCase.mode);
  if (planCase.trusted) args.push('--trusted');
  if (planCase.attrs) args.push('--attrs', '-');
  const result = await runCli(args, { input: planCase.attrs ? JSON.stringify(planCase.attrs) : '' });
  assert.is(result.code, 0, `${planCase.operation} ${planCase.objectClass}: ${result.stderr}`);
  return result.stdout.trim().split('\n').map((line) => JSON.parse(line) as Planned);
}

const planned: Planned[] = [];

test('plan: every operation of every class plans without error and without secrets', async () => {
  for (const planned_ of await Promise.all(cases.map(plan))) planned.push(...planned_);
  const text = JSON.stringify(planned);
  assert.not.match(text, /Plan~Secret\.Value|Plan-Passw0rd|New-Passw0rd/);
  const shapes = new Set(planned.map((r) => `${r.method} ${new URL(r.url).pathname.replace(/[0-9a-f-]{36}|%7Buid%7D|\{uid\}/g, '{id}')}`));
  assert.ok(shapes.size >= 25, `distinct request shapes: ${[...shapes].join(', ')}`);
  const hosts = new Set(planned.map((r) => new URL(r.url).host));
  assert.equal([...hosts].sort(), ['dod-graph.microsoft.us', 'graph.microsoft.com', 'graph.microsoft.us', 'microsoftgraph.chinacloudapi.cn']);
});

test('plan: a filtered search is an advanced query; an unfiltered one is not', () => {
  const searches = planned.filter((r) => r.method === 'GET' && /\/users\?/.test(r.url));
  const filtered = searches.filter((r) => r.url.includes('%24filter=') || r.url.includes('$filter='));
  assert.ok(filtered.length >= 3);
  for (const r of filtered) {
    assert.is(r.headers['ConsistencyLevel'], 'eventual', r.url);
    assert.match(r.url, /count=true/);
  }
  for (const r of searches.filter((s) => !filtered.includes(s))) assert.not.ok('ConsistencyLevel' in r.headers, r.url);
});

test('runtime-built requests: delta rounds, the role activation resolver, lookups', async () => {
  const definition = await loadDefinition(office365Definition);
  const resolved = resolveSettings(definition, { sets: [['tenantId', '72f988bf-86f1-41af-91ab-2d7cd011db47'], ['clientId', 'x'], ['clientSecret', 'y'], ['domain', 'contoso.com']] });
  const connection = resolveConnection(definition, resolved);
  const built: Planned[] = [];
  const add = (request: { method: string; url: string; headers: Record<string, string>; body?: unknown }) => built.push({ method: request.method, url: request.url, headers: request.headers, body: request.body ?? null });
  for (const cls of definition.classes.values()) {
    if (cls.operations.delta) add(buildRequest(connection, cls.operations.delta, { select: cls.defaultSelect, page: { size: 999 } }));
    for (const special of cls.specialAttributes.values()) {
      const resolver = special.resolveOnUnknown;
      if (!resolver) continue;
      add(buildRequest(connection, resolver.find, { uid, value: roleTemplate }));
      if (resolver.create) add(buildRequest(connection, resolver.create, { uid, value: roleTemplate }));
    }
  }
  for (const lookup of definition.lookups.values()) if (lookup.source.type === 'operation') add(buildRequest(connection, lookup.source.operation, {}));
  assert.ok(built.some((r) => r.url.includes('/users/delta')), 'users delta');
  assert.ok(built.some((r) => r.url.includes('/groups/delta')), 'groups delta');
  assert.ok(built.some((r) => r.method === 'POST' && r.url.endsWith('/directoryRoles')), 'role activation');
  planned.push(...built);
});

test('$batch: the planned writes as the runtime would group them', () => {
  const base = baseLocation('https://graph.microsoft.com/v1.0');
  const writes = planned.filter((r) => r.method !== 'GET' && new URL(r.url).host === 'graph.microsoft.com' && !r.url.endsWith('/users') && !r.url.endsWith('/groups'));
  for (let i = 0; i < writes.length; i += 20) {
    const items = writes.slice(i, i + 20).map((r) => ({ method: r.method as HttpMethod, url: relativeToBase(r.url, base, 'plan'), headers: {}, ...(r.body !== null && { body: r.body }) }));
    planned.push({ method: 'POST', url: 'https://graph.microsoft.com/v1.0/$batch', headers: { 'Content-Type': 'application/json' }, body: encodeBatch(items, false) });
  }
  assert.ok(writes.length > 20, `${writes.length} writes in ${Math.ceil(writes.length / 20)} envelopes`);
});

test('every request passes the Graph v1.0 OpenAPI checker', () => {
  const result = checkGraphRequests(planned);
  assert.ok(result.ok, result.output);
  assert.match(result.output, new RegExp(`${planned.length} requests checked, ${planned.length} conform`));
});

test.run();
