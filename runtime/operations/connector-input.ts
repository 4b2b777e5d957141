// Operation input (a JSON object of connector attributes, ICF style) checked against the
// class and normalized: ICF names (__NAME__, __ENABLE__, __PASSWORD__) become the class's
// attributes, values are type-checked, special attribute values are normalized.
import { connectorError } from '../errors.js';
import type { AttributeModel, ObjectClassModel, SpecialAttributeModel } from '../definition/model.js';
import { didYouMean } from '../definition/did-you-mean.js';
import type { Redactor } from '../redaction.js';
import { normalizeSpecialValues, type SpecialValue } from './special-values.js';

export type InputPurpose = 'create' | 'update' | 'values' | 'password';

export interface ConnectorInput {
  /** Plain attributes by name; null clears (update only). */
  readonly attributes: ReadonlyMap<string, unknown>;
  /** Special attributes: a list (multi-valued) or one value / null (single-valued). */
  readonly specials: ReadonlyMap<string, SpecialValue[] | SpecialValue | null>;
}

const icfAliases = ['__NAME__', '__ENABLE__', '__PASSWORD__', '__UID__'] as const;

export function normalizeInput(cls: ObjectClassModel, raw: unknown, purpose: InputPurpose, redactor: Redactor): ConnectorInput {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw connectorError('InvalidAttributeValue', 'the attributes must be a JSON object', { objectClass: cls.name });
  }
  const problems: string[] = [];
  const attributes = new Map<string, unknown>();
  const specials = new Map<string, SpecialValue[] | SpecialValue | null>();
  const known = [...cls.attributes.keys(), ...cls.specialAttributes.keys(), ...icfAliases];

  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const special = cls.specialAttributes.get(key);
    if (special) {
      const normalized = normalizeSpecial(special, value, problems);
      if (normalized !== undefined) specials.set(key, normalized);
      continue;
    }
    const attribute = aliasTarget(cls, key, problems) ?? cls.attributes.get(key);
    if (!attribute) {
      if (!(icfAliases as readonly string[]).includes(key)) problems.push(`unknown attribute "${key}"${didYouMean(key, known)}`);
      continue;
    }
    if (attributes.has(attribute.name)) {
      problems.push(`"${key}" and "${attribute.name}" set the same attribute`);
      continue;
    }
    let input = value;
    if (key === '__ENABLE__' && cls.statusAttribute === attribute) {
      if (typeof value !== 'boolean') {
        problems.push('__ENABLE__ must be true or false');
        continue;
      }
      input = value ? cls.statusValues.enabled : cls.statusValues.disabled;
    }
    if (attribute === cls.passwordAttribute && typeof input === 'string') redactor.addSecret(input);
    const problem = checkAttribute(cls, attribute, input, purpose);
    if (problem) problems.push(problem);
    else if (!(purpose === 'create' && input === null)) attributes.set(attribute.name, input);
  }
  if (problems.length > 0) {
    throw connectorError('InvalidAttributeValue', redactor.redactText(problems.join('; ')), { objectClass: cls.name });
  }
  return { attributes, specials };
}

function aliasTarget(cls: ObjectClassModel, key: string, problems: string[]): AttributeModel | undefined {
  switch (key) {
    case '__NAME__':
      return cls.nameAttribute;
    case '__ENABLE__':
      if (!cls.statusAttribute) problems.push(`class ${cls.name} has no status attribute, so __ENABLE__ cannot be set`);
      return cls.statusAttribute;
    case '__PASSWORD__':
      if (!cls.passwordAttribute) problems.push(`class ${cls.name} has no password attribute, so __PASSWORD__ cannot be set`);
      return cls.passwordAttribute;
    case '__UID__':
      problems.push('__UID__ cannot be set: give the uid with --uid');
      return undefined;
    default:
      return undefined;
  }
}

export function checkAttribute(cls: ObjectClassModel, attribute: AttributeModel, value: unknown, purpose: InputPurpose): string | undefined {
  const name = attribute.name;
  if (purpose === 'create' && !attribute.creatable) return `${name} is read-only and cannot be set when creating a ${cls.name}`;
  const passwordChange = purpose === 'password' && attribute === cls.passwordAttribute;
  if (purpose !== 'create' && !attribute.updatable && !passwordChange) return `${name} cannot be changed`;
  if (value === null) return purpose === 'update' && attribute.required && attribute !== cls.passwordAttribute ? `${name} is required and cannot be cleared` : undefined;
  if (attribute.multiValued) {
    if (!Array.isArray(value)) return `${name} is multi-valued: give a JSON array`;
    for (const item of value) {
      const problem = checkScalar(attribute, item);
      if (problem) return problem;
    }
    return undefined;
  }
  return checkScalar(attribute, value);
}

function checkScalar(attribute: AttributeModel, value: unknown): string | undefined {
  const name = attribute.name;
  const ok = ((): boolean => {
    switch (attribute.type) {
      case 'string':
        return typeof value === 'string';
      case 'integer':
        return typeof value === 'number' && Number.isInteger(value);
      case 'number':
        return typeof value === 'number' && Number.isFinite(value);
      case 'boolean':
        return typeof value === 'boolean';
      case 'datetime':
        return typeof value === 'string' && !Number.isNaN(Date.parse(value));
      case 'object':
        return value !== null && typeof value === 'object';
    }
  })();
  if (!ok) return `${name} must be ${attribute.type === 'datetime' ? 'an ISO-8601 date-time string' : `a ${attribute.type}`}, not ${JSON.stringify(value)}`;
  if (attribute.enum && !attribute.enum.some((allowed) => allowed === value)) return `${name} must be one of ${attribute.enum.map((v) => JSON.stringify(v)).join(', ')}, not ${JSON.stringify(value)}`;
  return undefined;
}

function normalizeSpecial(special: SpecialAttributeModel, value: unknown, problems: string[]): SpecialValue[] | SpecialValue | null | undefined {
  try {
    return normalizeSpecialValues(special, value);
  } catch (error) {
    problems.push((error as Error).message);
    return undefined;
  }
}
