// What the policy wants for one identity: the seed's form knobs (UPN with the domain appended,
// immutable ID, display name, mail nickname, department from the role claim), role scope,
// mandatory claims, and the value sources (templates, conditions, exclusions, transforms).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { DefinitionModel } from '../../../runtime/definition/model.js';
import { desiredState, type DesiredPresent } from '../../../runtime/provision/desired-state.js';
import { checkPolicy, loadPolicy } from '../../../runtime/provision/load-policy.js';
import type { ProvisionPolicyModel } from '../../../runtime/provision/policy-model.js';
import { claim, loadOffice365, seedIdentity, wso2Policy } from '../../support/provision-graph.js';

const desired = suite('provisioning: desired state of an identity');
let definition: DefinitionModel;
let wso2: ProvisionPolicyModel;
const settings = { config: { domain: 'wso2.ml' }, domain: 'wso2.ml' };

desired.before(async () => {
  definition = await loadOffice365();
  wso2 = await loadPolicy(definition, wso2Policy);
});

desired('Alex with office365Role and Engineering: UPN with the domain, immutable ID, names, department Engineering', () => {
  const state = desiredState(wso2, seedIdentity('Alex', ['office365Role', 'Engineering']), settings) as DesiredPresent;
  assert.is(state.kind, 'present');
  assert.is(state.key, 'uid-alex');
  assert.is(state.name, 'Alex@wso2.ml');
  assert.equal(Object.fromEntries(state.attributes), {
    displayName: 'Alex Doe',
    mailNickname: 'Alex',
    onPremisesImmutableId: Buffer.from('scim-Alex').toString('base64'),
    department: 'Engineering',
  });
  assert.equal(Object.fromEntries(state.createOnly), { 'passwordProfile.forceChangePasswordNextSignIn': false });
  assert.equal(state.generated.map((rule) => rule.attribute.name), ['passwordProfile.password']);
});

desired('a username that already has a domain keeps it; roles given as a list work too', () => {
  const state = desiredState(wso2, { ...seedIdentity('alex@contoso.com', []), [claim.role]: ['Engineering', 'office365Role'] }, settings) as DesiredPresent;
  assert.is(state.name, 'alex@contoso.com');
  assert.is(state.attributes.get('mailNickname'), 'alex');
  assert.is(state.attributes.get('department'), 'Engineering');
});

desired('without office365Role the account should not exist', () => {
  const state = desiredState(wso2, seedIdentity('Alex', ['Engineering']), settings);
  assert.equal(state, { kind: 'absent', key: 'uid-alex', name: 'Alex@wso2.ml', reason: 'no provisioning role (office365Role)' });
  assert.is(desiredState(wso2, seedIdentity('Alex', ['office365Role']), settings, { remove: true }).kind, 'absent');
});

desired('a missing mandatory claim fails that identity alone, with the claims named', () => {
  const state = desiredState(wso2, { [claim.username]: 'Zed', [claim.role]: 'office365Role' }, settings);
  assert.equal(state, { kind: 'invalid', key: 'Zed', name: 'Zed@wso2.ml', message: 'missing mandatory claims http://wso2.org/claims/displayName, http://wso2.org/claims/userid' });
  assert.equal(desiredState(wso2, { [claim.role]: 'office365Role' }, settings), { kind: 'invalid', key: '(no key)', message: 'the identity has no value for the name claim http://wso2.org/claims/username' });
});

desired('only provisioning roles: the department is cleared (nothing left after excluding office365Role), so dynamic groups drop the user', () => {
  const state = desiredState(wso2, seedIdentity('Ann', ['office365Role']), settings) as DesiredPresent;
  assert.is(state.attributes.get('department'), null);
});

desired('templates over URI claims, conditions, exclusions with wildcards, transforms and defaults', async () => {
  const policy = await checkPolicy(definition, {
    name: { claim: 'mail' },
    roleBased: { provisioningRoles: ['staff'], roleClaim: 'groups', separator: ';' },
    attributes: {
      displayName: { template: '{{claims.[http://wso2.org/claims/givenname]}} {{upper claims.sn}}' },
      jobTitle: { claim: 'title', default: 'Employee' },
      department: { claim: 'groups', separator: ';', exclude: ['$provisioningRoles', 'Internal/*'], pick: 'join' },
      usageLocation: { value: 'SE', when: { claim: 'country', equals: 'sweden' } },
      accountEnabled: { claim: 'active', transform: ['toBoolean'] },
    },
    specialAttributes: { groups: { by: 'name', values: [{ value: 'Everyone' }, { value: 'Admins', when: { hasRole: 'Internal/admin' } }] } },
  });
  const claims = { mail: 'eva@contoso.com', 'http://wso2.org/claims/givenname': 'Eva', sn: 'Berg', groups: 'staff;Internal/admin;Finance;Audit', country: 'Sweden', active: 'yes' };
  const state = desiredState(policy, claims, { config: {} }) as DesiredPresent;
  assert.equal(Object.fromEntries(state.attributes), { displayName: 'Eva BERG', jobTitle: 'Employee', department: 'Finance;Audit', usageLocation: 'SE', accountEnabled: true });
  assert.equal(state.specials.map((s) => [s.rule.special.name, s.values]), [['groups', ['Everyone', 'Admins']]]);
});

desired('a value of the wrong type is reported with where it came from', async () => {
  const policy = await checkPolicy(definition, { name: { claim: 'u' }, attributes: { accountEnabled: { claim: 'active' } } });
  const state = desiredState(policy, { u: 'x@contoso.com', active: 'yes' }, { config: {} });
  assert.equal(state, { kind: 'invalid', key: 'x@contoso.com', name: 'x@contoso.com', message: 'accountEnabled must be a boolean, not "yes" (from policy attributes.accountEnabled)' });
});

desired.run();
