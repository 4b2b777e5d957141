// Checks a schema-valid policy against the definition (class, attribute and special attribute
// names, what can be compared or only created) and compiles it into the immutable model.
import { findClass, type AttributeModel, type DefinitionModel, type ObjectClassModel, type SpecialAttributeModel } from '../definition/model.js';
import { didYouMean } from '../definition/did-you-mean.js';
import { childPointer } from '../definition/json-pointer.js';
import type { ProblemCollector } from '../definition/problems.js';
import type { ProvisionPolicy } from './generated-policy.js';
import { defaultRoleClaim, type AttributeRule, type CompiledSource, type CreateOnlyRule, type ProvisionPolicyModel, type RoleScope, type SpecialRuleModel } from './policy-model.js';
import { compileSource, type CompileEnvironment } from './value-source.js';
import { flattenValues } from './claims.js';

export function compilePolicy(definition: DefinitionModel, raw: ProvisionPolicy, file: string, problems: ProblemCollector): ProvisionPolicyModel | undefined {
  const className = raw.objectClass ?? '__ACCOUNT__';
  const cls = findClass(definition, className);
  if (!cls) {
    const names = [...definition.classes.values()].flatMap((c) => (c.icfName ? [c.name, c.icfName] : [c.name]));
    problems.add(raw.objectClass === undefined ? '' : '/objectClass', `definition ${definition.name} has no class "${className}"${didYouMean(className, names)}`);
    return undefined;
  }
  if (!cls.operations.search) problems.add('/objectClass', `class ${cls.name} has no search operation, so the runtime cannot read what exists`);
  const roles: RoleScope | undefined = raw.roleBased && {
    provisioningRoles: raw.roleBased.provisioningRoles,
    roleClaim: raw.roleBased.roleClaim ?? defaultRoleClaim,
    separator: raw.roleBased.separator ?? ',',
  };
  const env: CompileEnvironment = { problems, ...(roles && { roles }) };
  const deprovision = { action: raw.deprovision?.action ?? 'delete', restoreDeleted: raw.deprovision?.restoreDeleted ?? true } as const;
  if (deprovision.action === 'delete' && !cls.operations.delete) problems.add('/deprovision', `class ${cls.name} has no delete operation: use "action": "disable"`);
  if (deprovision.action === 'disable' && !cls.statusAttribute) problems.add('/deprovision/action', `class ${cls.name} has no status attribute, so accounts cannot be disabled`);

  const attributes: AttributeRule[] = [];
  for (const [key, source] of Object.entries(raw.attributes ?? {})) {
    if (!source) continue;
    const pointer = childPointer('/attributes', key);
    const attribute = attributeFor(cls, key, pointer, problems);
    if (!attribute) continue;
    if (!attribute.readable) problems.add(pointer, `${cls.name}.${attribute.name} is write-only, so it cannot be compared: move it to "createOnly"`, true);
    else if (!attribute.updatable || !attribute.creatable) problems.add(pointer, `${cls.name}.${attribute.name} cannot be ${attribute.updatable ? 'set on create' : 'changed'}: ${attribute.creatable ? 'move it to "createOnly"' : 'remove it'}`, true);
    attributes.push({ attribute, source: statusAware(cls, attribute, key, compileSource(source, pointer, env)) });
  }
  if (raw.dynamicMembership) attributes.push(...dynamicMembershipRule(cls, raw, roles, env, attributes));
  if (deprovision.action === 'disable' && cls.statusAttribute && !attributes.some((rule) => rule.attribute === cls.statusAttribute)) {
    // Coming back into scope undoes our own disable.
    const enabled = cls.statusValues.enabled;
    attributes.push({ attribute: cls.statusAttribute, source: { pointer: '/deprovision', values: () => [enabled] } });
  }

  const createOnly: CreateOnlyRule[] = [];
  for (const [key, source] of Object.entries(raw.createOnly ?? {})) {
    if (!source) continue;
    const pointer = childPointer('/createOnly', key);
    const attribute = attributeFor(cls, key, pointer, problems);
    if (!attribute) continue;
    if (!attribute.creatable) problems.add(pointer, `${cls.name}.${attribute.name} cannot be set when creating`, true);
    if (attributes.some((rule) => rule.attribute === attribute)) problems.add(pointer, `${attribute.name} is in both "attributes" and "createOnly"`, true);
    if (source.generate !== undefined) createOnly.push({ attribute, source: { generate: source.generate, length: source.length ?? 20, pointer } });
    else createOnly.push({ attribute, source: statusAware(cls, attribute, key, compileSource(source, pointer, env)) });
  }

  const specials: SpecialRuleModel[] = [];
  for (const [key, rule] of Object.entries(raw.specialAttributes ?? {})) {
    if (!rule) continue;
    const pointer = childPointer('/specialAttributes', key);
    const special = cls.specialAttributes.get(key);
    if (!special) {
      problems.add(pointer, `class ${cls.name} has no special attribute "${key}"${didYouMean(key, cls.specialAttributes.keys())}`, true);
      continue;
    }
    if (!special.read) problems.add(pointer, `${cls.name}.${key} cannot be read (no read in the definition), so it cannot be kept in a desired state`, true);
    if (rule.by === 'name' && !special.objectClass) problems.add(childPointer(pointer, 'by'), `${cls.name}.${key} names no objectClass, so its values cannot be looked up by name`);
    const sources = rule.values.map((source, i) => compileSource(source, childPointer(childPointer(pointer, 'values'), i), env));
    const inverse = rule.inverse === undefined ? undefined : inverseOf(definition, cls, special, rule.inverse, childPointer(pointer, 'inverse'), problems);
    const constants = rule.values.flatMap((source) => (source.value === undefined ? [] : flattenValues(source.value)));
    specials.push({ special, sources, constants, by: rule.by ?? 'uid', appendDomain: rule.appendDomain ?? false, ...(inverse && { inverse }) });
  }

  const nameClaim = raw.name.claim;
  return {
    file,
    definition,
    cls,
    identityKey: raw.identityKey ?? nameClaim,
    mandatoryClaims: raw.mandatoryClaims ?? [],
    name: { claim: nameClaim, appendDomain: raw.name.appendDomain ?? false, ...(raw.name.domain !== undefined && { domain: raw.name.domain }), domainSetting: raw.name.domainSetting ?? 'domain' },
    ...(roles && { roles }),
    deprovision,
    attributes,
    createOnly,
    specials,
  };
}

function attributeFor(cls: ObjectClassModel, key: string, pointer: string, problems: ProblemCollector): AttributeModel | undefined {
  if (key === '__NAME__' || key === cls.nameAttribute.name) {
    problems.add(pointer, `${key} is the account name: set it with "name"`, true);
    return undefined;
  }
  const alias = key === '__ENABLE__' ? cls.statusAttribute : key === '__PASSWORD__' ? cls.passwordAttribute : undefined;
  const attribute = alias ?? cls.attributes.get(key);
  if (!attribute) {
    const hint = key.startsWith('__') ? `class ${cls.name} has no ${key === '__ENABLE__' ? 'status' : 'password'} attribute` : `class ${cls.name} has no attribute "${key}"${didYouMean(key, cls.attributes.keys())}`;
    problems.add(pointer, hint, true);
  }
  return attribute;
}

/** __ENABLE__ takes true/false; the target may spell enabled and disabled otherwise. */
function statusAware(cls: ObjectClassModel, attribute: AttributeModel, key: string, source: CompiledSource): CompiledSource {
  if (key !== '__ENABLE__' || attribute !== cls.statusAttribute) return source;
  const { enabled, disabled } = cls.statusValues;
  return { ...source, values: (context) => source.values(context).map((value) => (value === true || value === 'true' ? enabled : value === false || value === 'false' ? disabled : value)) };
}

function dynamicMembershipRule(cls: ObjectClassModel, raw: ProvisionPolicy, roles: RoleScope | undefined, env: CompileEnvironment, existing: readonly AttributeRule[]): AttributeRule[] {
  const rule = raw.dynamicMembership!;
  const pointer = '/dynamicMembership/attribute';
  const attribute = cls.attributes.get(rule.attribute);
  if (!attribute) {
    env.problems.add(pointer, `class ${cls.name} has no attribute "${rule.attribute}"${didYouMean(rule.attribute, cls.attributes.keys())}`);
    return [];
  }
  if (existing.some((other) => other.attribute === attribute)) {
    env.problems.add(pointer, `${rule.attribute} is also in "attributes"; set it in one place`);
    return [];
  }
  const claim = rule.claim ?? roles?.roleClaim ?? defaultRoleClaim;
  const isRoleClaim = claim === (roles?.roleClaim ?? defaultRoleClaim);
  const exclude = [...(rule.excludeProvisioningRoles !== false && isRoleClaim ? ['$provisioningRoles'] : []), ...(rule.exclude ?? [])];
  const separator = isRoleClaim ? (roles?.separator ?? ',') : undefined;
  const source = compileSource({ claim, exclude, pick: rule.pick ?? 'first', clearWhenMissing: rule.clearWhenMissing ?? true, ...(separator !== undefined && { separator }) }, '/dynamicMembership', env);
  return [{ attribute, source }];
}

function inverseOf(definition: DefinitionModel, cls: ObjectClassModel, special: SpecialAttributeModel, name: string, pointer: string, problems: ProblemCollector): SpecialRuleModel['inverse'] {
  const valuesClass = special.objectClass === undefined ? undefined : findClass(definition, special.objectClass);
  if (!special.multiValued || !valuesClass) {
    problems.add(pointer, `${cls.name}.${special.name} ${special.multiValued ? 'names no objectClass' : 'is single-valued'}, so it has no inverse`);
    return undefined;
  }
  const inverse = valuesClass.specialAttributes.get(name);
  if (!inverse) {
    problems.add(pointer, `class ${valuesClass.name} has no special attribute "${name}"${didYouMean(name, valuesClass.specialAttributes.keys())}`);
    return undefined;
  }
  if (inverse.objectClass !== cls.name || !inverse.read?.request) {
    problems.add(pointer, `${valuesClass.name}.${name} must list ${cls.name} uids with a read request to be the inverse of ${cls.name}.${special.name}`);
    return undefined;
  }
  return { cls: valuesClass, special: inverse };
}
