// The workload of the provisioning scale tests and the benchmark: N identities with the
// provisioning role, a third of them also Engineering; a policy that sets names, usage location
// and immutable ID, keeps them in "Sales Department" (Engineering ones also in "Engineering
// Department", both read in bulk through group members) and gives each an EMS license.
import { skuCatalog, type GraphFake } from '../../fixtures/graph/index.js';
import { wso2Domain } from './provision-graph.js';

export const scalePolicy = {
  objectClass: 'user',
  identityKey: 'id',
  name: { claim: 'username', appendDomain: true },
  mandatoryClaims: ['username', 'displayName', 'id'],
  roleBased: { provisioningRoles: ['office365Role'], roleClaim: 'roles' },
  attributes: { displayName: { claim: 'displayName' }, usageLocation: { value: 'US' }, onPremisesImmutableId: { claim: 'id' } },
  createOnly: { __PASSWORD__: { generate: 'password' } },
  dynamicMembership: { attribute: 'department', claim: 'roles' },
  specialAttributes: {
    groups: { by: 'name', inverse: 'members', values: [{ value: 'Sales Department' }, { value: 'Engineering Department', when: { hasRole: 'Engineering' } }] },
    licenses: { by: 'name', values: [{ value: 'EMS' }] },
  },
} as const;

export function scaleIdentities(count: number, prefix = 'p'): Array<Record<string, string>> {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${String(i).padStart(5, '0')}`,
    username: `${prefix}${i}`,
    displayName: `Person ${prefix}${i}`,
    roles: i % 3 === 0 ? 'office365Role,Engineering' : 'office365Role',
  }));
}

/** Checks the fake holds exactly what the policy wants for these identities; returns the problems. */
export function scaleProblems(fake: GraphFake, identities: ReadonlyArray<Record<string, string>>, prefix = 'p'): string[] {
  const problems: string[] = [];
  const ours = fake.users({ limit: 1_000_000 }).filter((user) => String(user.userPrincipalName).startsWith(prefix) && String(user.userPrincipalName).endsWith(`@${wso2Domain}`));
  if (ours.length !== identities.length) problems.push(`${ours.length} accounts for ${identities.length} identities`);
  const groups = new Map(fake.groups().map((group) => [String(group.displayName), new Set(group.members)]));
  const sales = groups.get('Sales Department')!;
  const engineering = groups.get('Engineering Department')!;
  const byUpn = new Map(ours.map((user) => [String(user.userPrincipalName).toLowerCase(), user]));
  for (const [i, identity] of identities.entries()) {
    const user = byUpn.get(`${identity.username}@${wso2Domain}`.toLowerCase());
    if (!user) {
      problems.push(`no account for ${identity.username}`);
      continue;
    }
    const engineer = i % 3 === 0;
    const licenses = (user.assignedLicenses as Array<{ skuId: string }> | undefined)?.map((license) => license.skuId) ?? [];
    if (!sales.has(user.id)) problems.push(`${identity.username} is not in Sales Department`);
    if (engineering.has(user.id) !== engineer) problems.push(`${identity.username} ${engineer ? 'is not' : 'is'} in Engineering Department`);
    if (licenses.length !== 1 || licenses[0] !== skuCatalog.ems.skuId) problems.push(`${identity.username} has licenses ${licenses.join(',') || 'none'}`);
    if (user.department !== (engineer ? 'Engineering' : undefined) || user.onPremisesImmutableId !== identity.id) problems.push(`${identity.username} has department ${String(user.department)}, immutable id ${String(user.onPremisesImmutableId)}`);
    if (problems.length > 20) break;
  }
  return problems;
}
