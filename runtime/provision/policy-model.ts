// A provisioning policy once loaded and checked against the definition: sources compiled,
// names resolved to the class's attribute models, defaults applied. Immutable.
import type { AttributeModel, DefinitionModel, ObjectClassModel, SpecialAttributeModel } from '../definition/model.js';
import type { Claims } from './claims.js';

export const defaultRoleClaim = 'http://wso2.org/claims/role';

/** What a value source sees: the identity's claims, the connector settings, the account name. */
export interface SourceContext {
  readonly claims: Claims;
  readonly config: Readonly<Record<string, unknown>>;
  readonly name?: string;
}

export interface CompiledSource {
  /** Where the source is in the policy file, for messages (e.g. /attributes/displayName). */
  readonly pointer: string;
  /** The values the source yields for an identity ([] when none or when its `when` is false). */
  values(context: SourceContext): unknown[];
  readonly pick?: 'first' | 'join' | 'all';
  readonly separator?: string;
  /** No value: clear the attribute (null) rather than leave it alone. */
  readonly clearWhenMissing?: boolean;
}

export interface AttributeRule {
  readonly attribute: AttributeModel;
  readonly source: CompiledSource;
}

export interface CreateOnlyRule {
  readonly attribute: AttributeModel;
  readonly source: CompiledSource | { readonly generate: 'password'; readonly length: number; readonly pointer: string };
}

export interface SpecialRuleModel {
  readonly special: SpecialAttributeModel;
  readonly sources: readonly CompiledSource[];
  readonly by: 'uid' | 'name';
  readonly appendDomain: boolean;
  /** The values `value` sources name (whatever their `when`): the values an inverse read covers at least. */
  readonly constants: readonly string[];
  /** The values' class and its special attribute listing the accounts (read once per value). */
  readonly inverse?: { readonly cls: ObjectClassModel; readonly special: SpecialAttributeModel };
}

export interface RoleScope {
  readonly provisioningRoles: readonly string[];
  readonly roleClaim: string;
  readonly separator: string;
}

export interface ProvisionPolicyModel {
  /** The policy file (or "<policy>" for a policy given as an object). */
  readonly file: string;
  readonly definition: DefinitionModel;
  readonly cls: ObjectClassModel;
  /** Claim that names an identity in plans, reports and events. */
  readonly identityKey: string;
  readonly mandatoryClaims: readonly string[];
  /** The domain is `domain`, else the connector setting `domainSetting` (resolved per run). */
  readonly name: { readonly claim: string; readonly appendDomain: boolean; readonly domain?: string; readonly domainSetting: string };
  /** Absent: every identity given is in scope. */
  readonly roles?: RoleScope;
  readonly deprovision: { readonly action: 'delete' | 'disable'; readonly restoreDeleted: boolean };
  readonly attributes: readonly AttributeRule[];
  readonly createOnly: readonly CreateOnlyRule[];
  readonly specials: readonly SpecialRuleModel[];
}
