// apply's minimal changes through the library against the Graph fake: only changed attributes
// are sent, memberships and licenses move by add/remove diffs, a manager created in the same
// run is set once it exists, disable as the deprovisioning action (and enable on return), and
// a create that meets an account made in the meantime links to it instead of duplicating.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { skuCatalog } from '../../fixtures/graph/index.js';
import type { DefinitionModel } from '../../runtime/definition/model.js';
import type { Connector } from '../../runtime/operations/connector.js';
import { applyPolicy, planApply } from '../../runtime/provision/apply.js';
import { executeIdentity } from '../../runtime/provision/execute-identity.js';
import { checkPolicy } from '../../runtime/provision/load-policy.js';
import type { ProvisionPolicyModel } from '../../runtime/provision/policy-model.js';
import { openStateStore, type StateStore } from '../../runtime/state/index.js';
import { loadOffice365, startProvisionGraph, wso2Domain, type ProvisionGraph } from '../support/provision-graph.js';

const changes = suite('provisioning: minimal changes');
let graph: ProvisionGraph;
let definition: DefinitionModel;
let connector: Connector;
let state: StateStore;
let policy: ProvisionPolicyModel;

const person = (username: string, extra: Record<string, unknown> = {}) => ({ username, displayName: `${username} Person`, roles: ['staff'], groups: 'Sales Department', ...extra });
const upn = (username: string) => `${username}@${wso2Domain}`;
const apply = (people: ReadonlyArray<Record<string, unknown>>) => applyPolicy(connector, policy, people.map((claims) => ({ claims })), { concurrency: 8 });

changes.before(async () => {
  graph = await startProvisionGraph({ users: 30 });
  definition = await loadOffice365();
  state = openStateStore(`${graph.dir}/changes.db`);
  connector = graph.connector(definition, { state });
  policy = await checkPolicy(definition, {
    name: { claim: 'username', appendDomain: true },
    roleBased: { provisioningRoles: ['staff'], roleClaim: 'roles' },
    deprovision: { action: 'disable' },
    attributes: { displayName: { claim: 'displayName' }, jobTitle: { claim: 'title' }, usageLocation: { value: 'US' } },
    createOnly: { __PASSWORD__: { generate: 'password' } },
    specialAttributes: {
      groups: { by: 'name', values: [{ claim: 'groups', separator: ';' }] },
      licenses: { by: 'name', values: [{ claim: 'licenses' }] },
      manager: { by: 'name', appendDomain: true, values: [{ claim: 'manager' }] },
    },
  });
});
changes.after(async () => {
  await connector.close();
  state.close();
  await graph.close();
});

changes('a manager created in the same run is set once it exists', async () => {
  const report = await apply([person('worker', { manager: 'boss', licenses: 'EMS' }), person('boss')]);
  assert.equal(report.counts.outcomes, { success: 2, partial: 0, failed: 0, unchanged: 0 });
  const worker = graph.fake.user(upn('worker'))!;
  assert.is(worker.managerId, graph.fake.user(upn('boss'))!.id);
  assert.equal((worker.assignedLicenses as Array<{ skuId: string }>).map((l) => l.skuId), [skuCatalog.ems.skuId]);
});

changes('only the changed attribute is sent; groups, licenses and manager move by diffs', async () => {
  graph.fake.clearRequestLog();
  const sales = graph.fake.groups().find((g) => g.displayName === 'Sales Department')!.id;
  const finance = graph.fake.groups().find((g) => g.displayName === 'Finance Department')!.id;
  const report = await apply([person('worker', { displayName: 'Worker Renamed', groups: 'Finance Department', licenses: 'ENTERPRISEPACK' }), person('boss')]);
  assert.equal(report.identities!.map((o) => `${o.action} ${o.outcome}`), ['update success', 'none unchanged']);
  const writes = graph.fake.requestLog().filter((entry) => entry.method !== 'GET' && entry.kind !== 'token' && !entry.url.endsWith('$batch'));
  const worker = graph.fake.user(upn('worker'))!;
  const bodies = writes.map((entry) => `${entry.method} ${entry.url.replace(graph.fake.graphBaseUrl, '').replaceAll(worker.id, '{worker}')} ${JSON.stringify(entry.body ?? null).replaceAll(worker.id, '{worker}')}`).sort();
  assert.equal(bodies, [
    `DELETE /groups/${sales}/members/{worker}/$ref null`,
    `DELETE /users/{worker}/manager/$ref null`,
    `PATCH /users/{worker} {"displayName":"Worker Renamed"}`,
    `POST /groups/${finance}/members/$ref {"@odata.id":"${graph.fake.graphBaseUrl}/directoryObjects/{worker}"}`,
    `POST /users/{worker}/assignLicense {"addLicenses":[],"removeLicenses":["${skuCatalog.ems.skuId}"]}`,
    `POST /users/{worker}/assignLicense {"addLicenses":[{"skuId":"${skuCatalog.enterprisePack.skuId}","disabledPlans":[]}],"removeLicenses":[]}`,
  ]);
  const memberships = graph.fake.memberships(worker.id).groups;
  assert.ok(memberships.includes(finance) && !memberships.includes(sales));
  assert.is(worker.managerId, null);
});

changes('losing the role disables the account; getting it back enables it again', async () => {
  const gone = await apply([person('boss', { roles: [] })]);
  assert.equal(gone.identities!.map((o) => `${o.action} ${o.outcome}`), ['disable success']);
  assert.is(graph.fake.user(upn('boss'))!.accountEnabled, false);
  const again = await apply([person('boss', { roles: [] })]);
  assert.equal(again.identities!.map((o) => o.action), ['none']);
  const back = await apply([person('boss')]);
  assert.equal(back.identities!.map((o) => `${o.action} ${o.outcome}`), ['update success']);
  assert.is(graph.fake.user(upn('boss'))!.accountEnabled, true);
});

changes('a create that meets an account made in the meantime links to it and applies the rest', async () => {
  const { planned, resolver } = await planApply(connector, policy, [{ claims: person('late', { title: 'Analyst' }) }]);
  assert.is(planned[0]!.plan.action, 'create');
  await connector.create('user', { __NAME__: upn('late'), displayName: 'Someone Else', __PASSWORD__: 'Xy!9-late-password', mailNickname: 'late' });
  const outcome = await executeIdentity({ session: connector.session, policy, resolver }, planned[0]!);
  assert.is(outcome.linked, true);
  assert.is(outcome.outcome, 'success');
  const late = graph.fake.users({ limit: 1000 }).filter((user) => String(user.userPrincipalName).toLowerCase() === upn('late').toLowerCase());
  assert.is(late.length, 1, 'no duplicate');
  assert.equal([late[0]!.displayName, late[0]!.jobTitle], ['late Person', 'Analyst']);
});

changes.run();
