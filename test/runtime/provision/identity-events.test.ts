// On-demand events: parsing with clear messages, and role events changing the role claim.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { claimsAfter, parseIdentityEvent, type IdentityEvent } from '../../../runtime/provision/identity-events.js';
import { loadPolicy } from '../../../runtime/provision/load-policy.js';
import type { ProvisionPolicyModel } from '../../../runtime/provision/policy-model.js';
import { claim, loadOffice365, wso2Policy } from '../../support/provision-graph.js';

const events = suite('provisioning: identity events');
let policy: ProvisionPolicyModel;

events.before(async () => {
  policy = await loadPolicy(await loadOffice365(), wso2Policy);
});

events('malformed events are explained', () => {
  assert.is(parseIdentityEvent([1]), 'an event must be a JSON object {"type", "claims", "roles"?}');
  assert.match(String(parseIdentityEvent({ type: 'promoted', claims: {} })), /^"type" must be one of user-added, user-updated, user-deleted, role-assigned, role-removed, not "promoted"/);
  assert.is(parseIdentityEvent({ type: 'user-added' }), '"claims" must be an object of claim name to value');
  assert.is(parseIdentityEvent({ type: 'role-assigned', claims: {} }), 'role-assigned needs "roles": a list of role names (or "role")');
  assert.equal(parseIdentityEvent({ type: 'role-assigned', claims: { a: 1 }, role: 'office365Role' }), { type: 'role-assigned', claims: { a: 1 }, roles: ['office365Role'] });
});

events('role-assigned adds to the role claim once; role-removed takes out, whatever the case', () => {
  const base = { [claim.username]: 'Alex', [claim.role]: 'Engineering' };
  const assigned = claimsAfter(policy, { type: 'role-assigned', claims: base, roles: ['office365Role', 'engineering'] } as IdentityEvent);
  assert.equal(assigned[claim.role], ['Engineering', 'office365Role']);
  const removed = claimsAfter(policy, { type: 'role-removed', claims: { ...base, [claim.role]: 'Engineering,office365Role' }, roles: ['OFFICE365ROLE'] } as IdentityEvent);
  assert.equal(removed[claim.role], ['Engineering']);
  assert.is(claimsAfter(policy, { type: 'user-updated', claims: base }), base);
});

events.run();
