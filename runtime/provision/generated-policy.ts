/* eslint-disable */
// GENERATED FILE - DO NOT EDIT.
// Source: runtime/provision/policy.schema.json. Regenerate with `npm run gen:types`; CI runs `npm run gen:types:check`.

/**
 * Provisioning policy for `connector apply` and `connector provision-event`: which identities should have an account in the target, and with which attributes, special attribute values (groups, roles, licenses, manager) and status. Identities are objects of claims (claim name -> value). See runtime/provision/README.md.
 */
export interface ProvisionPolicy {
  /**
   * Path or URL of this schema, for editors.
   */
  $schema?: string;
  /**
   * What this policy is for.
   */
  description?: string;
  /**
   * Object class of the accounts (name or ICF name). Default __ACCOUNT__.
   */
  objectClass?: string;
  /**
   * Claim that names an identity in plans, reports and events (e.g. http://wso2.org/claims/userid). Default: the claim of `name`.
   */
  identityKey?: string;
  /**
   * Claims every identity must have (WSO2: Username, Display Name and User ID). An identity without one of them fails alone, with a clear error; the others go on.
   */
  mandatoryClaims?: string[];
  name: NameRule;
  roleBased?: RoleBased;
  deprovision?: Deprovision;
  /**
   * Connector attributes of the class and where their values come from. Compared with the target on every run; only changed ones are written. An attribute whose source yields no value is left as it is.
   */
  attributes?: {
    [k: string]: ValueSource | undefined;
  };
  /**
   * Attributes written only when the account is created (passwords, initial flags); never compared afterwards. __PASSWORD__ names the class's password attribute.
   */
  createOnly?: {
    [k: string]: CreateValueSource | undefined;
  };
  dynamicMembership?: DynamicMembership;
  /**
   * Special attributes of the class (e.g. groups, roles, licenses, manager) the policy manages. A managed attribute is kept exactly at the values its sources yield (target-managed values such as dynamic group memberships are never touched).
   */
  specialAttributes?: {
    [k: string]: SpecialRule | undefined;
  };
}
/**
 * The account's name attribute (__NAME__, e.g. the user principal name): how accounts are found in the target. WSO2: User Principal Name + Append Domain Name to UPN.
 */
export interface NameRule {
  /**
   * Claim holding the name, e.g. http://wso2.org/claims/username.
   */
  claim: string;
  /**
   * Append @domain when the value has no @ (WSO2: Append Domain Name to UPN). Default false.
   */
  appendDomain?: boolean;
  /**
   * Domain to append. Default: the connector setting named by domainSetting.
   */
  domain?: string;
  /**
   * Connector setting holding the domain when `domain` is not given. Default "domain".
   */
  domainSetting?: string;
}
/**
 * Role-based provisioning (WSO2 Role Configuration): only identities holding one of the provisioning roles have an account; one that loses the last of them is deprovisioned.
 */
export interface RoleBased {
  /**
   * e.g. ["crmUsers"]
   *
   * @minItems 1
   */
  provisioningRoles: [string, ...string[]];
  /**
   * Claim holding the identity's roles. Default http://wso2.org/claims/role.
   */
  roleClaim?: string;
  /**
   * Separator of roles given as one text value. Default ",".
   */
  separator?: string;
}
/**
 * What happens to the account of an identity that leaves the scope (loses its provisioning role, or a user-deleted event).
 */
export interface Deprovision {
  /**
   * delete (default; soft delete where the target has one) or disable.
   */
  action?: 'delete' | 'disable';
  /**
   * An identity that comes back into scope gets its deleted account restored (the class's restore operation) instead of a new one, when the state database knows its uid. Default true.
   */
  restoreDeleted?: boolean;
}
/**
 * Where a value comes from: exactly one of claim, value (a constant, any JSON value), template. default: the value when the source yields none.
 */
export interface ValueSource {
  /**
   * Claim name, e.g. http://wso2.org/claims/displayName.
   */
  claim?: string;
  value?: unknown;
  /**
   * Handlebars template over claims.*, config.* and name, e.g. "{{claims.givenName}} {{claims.sn}}". Claim names with / or : are written claims.[http://wso2.org/claims/x].
   */
  template?: string;
  /**
   * Splits a text claim into several values (multi-valued targets).
   */
  separator?: string;
  /**
   * Values to drop (case-insensitive; * is a wildcard), e.g. ["Internal/*"]. "$provisioningRoles" stands for the provisioning roles.
   */
  exclude?: string[];
  /**
   * For several values: first (default for single-valued targets), join (with the separator), all (default for multi-valued targets).
   */
  pick?: 'first' | 'join' | 'all';
  /**
   * Applied in order to each value.
   */
  transform?: ('lower' | 'upper' | 'trim' | 'localPart' | 'domainPart' | 'toBoolean' | 'toNumber')[];
  default?: unknown;
  /**
   * When the source yields no value, clear the attribute (null) instead of leaving it as it is. Default false.
   */
  clearWhenMissing?: boolean;
  when?: Condition;
}
/**
 * A test on the identity: give hasRole, or claim with one of equals, contains, matches, present.
 */
export interface Condition {
  /**
   * The identity holds this role (in roleBased.roleClaim, or the default role claim).
   */
  hasRole?: string;
  /**
   * Claim to test.
   */
  claim?: string;
  /**
   * Some value of the claim equals this (text comparison, case-insensitive).
   */
  equals?: string | number | boolean;
  /**
   * Some value of the claim contains this text (case-insensitive).
   */
  contains?: string;
  /**
   * Some value of the claim matches this regular expression.
   */
  matches?: string;
  /**
   * The claim has (true) or lacks (false) a value.
   */
  present?: boolean;
}
/**
 * A ValueSource, or {"generate": "password"} for a random password that meets common complexity rules.
 */
export interface CreateValueSource {
  generate?: 'password';
  /**
   * Length of a generated password (default 20).
   */
  length?: number;
  claim?: string;
  value?: unknown;
  template?: string;
  separator?: string;
  exclude?: string[];
  pick?: 'first' | 'join' | 'all';
  transform?: ('lower' | 'upper' | 'trim' | 'localPart' | 'domainPart' | 'toBoolean' | 'toNumber')[];
  default?: unknown;
  when?: Condition;
}
/**
 * WSO2 Dynamic Membership Rule Attribute / Value: sets a user attribute that the target's dynamic group rules test, e.g. department from the role claim for (user.department -eq "Engineering").
 */
export interface DynamicMembership {
  /**
   * Connector attribute the rule tests, e.g. department.
   */
  attribute: string;
  /**
   * Claim whose value is written. Default http://wso2.org/claims/role (as WSO2).
   */
  claim?: string;
  /**
   * When the claim holds roles, leave the provisioning roles out (roles crmUsers,Engineering give Engineering when crmUsers is the provisioning role). Default true.
   */
  excludeProvisioningRoles?: boolean;
  /**
   * More values to leave out (* is a wildcard), e.g. ["Internal/*"].
   */
  exclude?: string[];
  /**
   * Several values left: first (default) or join with the role separator.
   */
  pick?: 'first' | 'join';
  /**
   * No value left (the identity lost its last non-provisioning role): clear the attribute, so dynamic groups drop the user. Default true.
   */
  clearWhenMissing?: boolean;
}
/**
 * The values of one special attribute: the union of what every source yields (sources may have a `when`). Single-valued attributes (a manager) take the first value; none clears it.
 */
export interface SpecialRule {
  values: ValueSource[];
  /**
   * Values are uids of the target objects (default) or their names (e.g. group display names, license part numbers, a manager's user principal name), looked up once per run.
   */
  by?: 'uid' | 'name';
  /**
   * With by: name, append @domain (as for the account name) to values without @ (e.g. a manager's username).
   */
  appendDomain?: boolean;
  /**
   * Special attribute of the values' class that lists the accounts (e.g. "members" of group for user.groups). The run then reads the accounts of each value the policy names once, instead of the values of every account, and manages only those values: values the policy never names are left alone.
   */
  inverse?: string;
}
