// Loading a provisioning policy: the WSO2 example compiles against the Office 365 definition;
// mistakes are reported all at once as file:line:col with what to do.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { DefinitionModel } from '../../../runtime/definition/model.js';
import { checkPolicy, loadPolicy, PolicyError } from '../../../runtime/provision/load-policy.js';
import { loadOffice365, wso2Policy } from '../../support/provision-graph.js';

const policies = suite('provisioning policy: load and check');
let definition: DefinitionModel;
const dir = mkdtempSync(join(tmpdir(), 'grc-policy-'));

policies.before(async () => {
  definition = await loadOffice365();
});

async function problemsOf(text: string): Promise<string[]> {
  const file = join(dir, 'policy.json');
  writeFileSync(file, text);
  try {
    await loadPolicy(definition, file);
  } catch (error) {
    assert.instance(error, PolicyError);
    return (error as PolicyError).problems.map((p) => `${p.line}:${p.column}: ${p.message}`);
  }
  throw new Error('the policy loaded');
}

policies('the WSO2 example compiles with the form\'s knobs', async () => {
  const policy = await loadPolicy(definition, wso2Policy);
  assert.is(policy.cls.name, 'user');
  assert.is(policy.identityKey, 'http://wso2.org/claims/userid');
  assert.equal(policy.name, { claim: 'http://wso2.org/claims/username', appendDomain: true, domainSetting: 'domain' });
  assert.equal(policy.roles, { provisioningRoles: ['office365Role'], roleClaim: 'http://wso2.org/claims/role', separator: ',' });
  assert.equal(policy.deprovision, { action: 'delete', restoreDeleted: true });
  assert.equal(policy.attributes.map((rule) => rule.attribute.name), ['displayName', 'mailNickname', 'onPremisesImmutableId', 'department']);
  assert.equal(policy.createOnly.map((rule) => rule.attribute.name), ['passwordProfile.password', 'passwordProfile.forceChangePasswordNextSignIn']);
});

policies('schema mistakes point at the key, with a did-you-mean', async () => {
  const problems = await problemsOf('{\n  "name": { "claim": "u", "appendDomian": true },\n  "deprovision": { "action": "remove" },\n  "rolebased": {}\n}\n');
  assert.equal(problems, [
    '2:27: unknown key "appendDomian" in name (did you mean "appendDomain"?)',
    '3:30: deprovision.action: "remove" is not one of delete, disable',
    '4:3: unknown key "rolebased" in the policy (did you mean "roleBased"?)',
  ]);
});

policies('names are checked against the definition, every problem in one run', async () => {
  const problems = await problemsOf(`{
  "name": { "claim": "u" },
  "attributes": {
    "displayNam": { "claim": "x" },
    "passwordProfile.password": { "claim": "p" },
    "city": { "claim": "c", "value": "x" },
    "jobTitle": { "template": "{{claimz.t}}" }
  },
  "specialAttributes": { "group": { "values": [] }, "manager": { "values": [{ "claim": "m" }], "inverse": "members" } },
  "dynamicMembership": { "attribute": "departmnt" }
}`);
  assert.equal(problems, [
    '4:5: class user has no attribute "displayNam" (did you mean "displayName"?)',
    '5:5: user.passwordProfile.password is write-only, so it cannot be compared: move it to "createOnly"',
    '6:13: attributes.city has both "claim" and "value"; give one source',
    '7:31: attributes.jobTitle.template: unknown variable "claimz" (did you mean "claims"?); available here: claims, config, name',
    '9:26: class user has no special attribute "group" (did you mean "groups"?)',
    '9:107: user.manager is single-valued, so it has no inverse',
    '10:39: class user has no attribute "departmnt" (did you mean "department"?)',
  ]);
});

policies('a policy given as a value names "<policy>" and the class must exist', async () => {
  try {
    await checkPolicy(definition, { objectClass: 'person', name: { claim: 'u' } });
    assert.unreachable('loaded');
  } catch (error) {
    assert.instance(error, PolicyError);
    assert.match((error as Error).message, /<policy>:1:1: definition office365 has no class "person"/);
  }
});

policies('inverse reads need a multi-valued attribute whose class lists the accounts', async () => {
  const policy = await checkPolicy(definition, { name: { claim: 'u' }, specialAttributes: { groups: { values: [{ value: 'Sales' }], by: 'name', inverse: 'members' } } });
  assert.is(policy.specials[0]!.inverse!.special.name, 'members');
  assert.equal(policy.specials[0]!.constants, ['Sales']);
  const problems = await problemsOf('{ "name": { "claim": "u" }, "specialAttributes": { "groups": { "values": [], "inverse": "owner" } } }');
  assert.equal(problems, ['1:89: class group has no special attribute "owner" (did you mean "owners"?)']);
});

policies.run();
