// ajv's errors for a translation profile as one readable problem each, at the offending key
// or value ("requests[2].opType: \"PUSH\" is not one of GET, POST, ..."). The profile's
// connection is checked against the definition's own connection schema.
import type { ErrorObject } from 'ajv';
import { didYouMean } from '../../definition/did-you-mean.js';
import { childPointer, pointerToDotted } from '../../definition/json-pointer.js';
import type { ProblemCollector } from '../../definition/problems.js';
import { allowedKeys, discriminatorValues, type JsonSchema } from '../../definition/schema-files.js';

function where(pointer: string): string {
  return pointer === '' ? 'the profile' : pointerToDotted(pointer);
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return JSON.stringify(value);
}

/** Errors that only repeat another one (the branches of a failed anyOf, a discriminated oneOf). */
function isEcho(error: ErrorObject, errors: readonly ErrorObject[]): boolean {
  const under = (keyword: string) => errors.some((e) => e.keyword === keyword && e !== error && (error.instancePath === e.instancePath || error.instancePath.startsWith(e.instancePath + '/')));
  if (error.keyword === 'if' || error.keyword === 'propertyNames') return true;
  if (error.keyword === 'oneOf') return errors.some((e) => e.keyword === 'discriminator' && e.instancePath === error.instancePath);
  return error.keyword !== 'anyOf' && under('anyOf');
}

export function reportProfileSchemaErrors(errors: readonly ErrorObject[], problems: ProblemCollector): void {
  for (const error of errors) if (!isEcho(error, errors)) reportOne(error, problems);
}

function reportOne(error: ErrorObject, problems: ProblemCollector): void {
  const path = error.instancePath;
  const params = error.params as Record<string, unknown>;
  const parent = (error.parentSchema ?? {}) as JsonSchema;
  switch (error.keyword) {
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const key = String(params.additionalProperty ?? params.unevaluatedProperty);
      problems.add(childPointer(path, key), `unknown key "${key}" in ${where(path)}${didYouMean(key, allowedKeys(parent))}`, true);
      return;
    }
    case 'required':
      problems.add(path, `${where(path)} is missing the required key "${String(params.missingProperty)}"`);
      return;
    case 'dependentRequired':
      problems.add(path, `${where(path)}: "${String(params.property)}" needs "${String(params.missingProperty)}" as well`);
      return;
    case 'type':
      problems.add(path, `${where(path)} must be ${String(params.type).replace(/,/g, ' or ')}, not ${describeValue(error.data)}`);
      return;
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      problems.add(path, `${where(path)}: ${describeValue(error.data)} is not one of ${allowed.join(', ')}${didYouMean(String(error.data), allowed)}`);
      return;
    }
    case 'const':
      problems.add(path, `${where(path)} must be ${JSON.stringify(params.allowedValue)}`);
      return;
    case 'discriminator': {
      const tag = String(params.tag);
      const values = discriminatorValues(parent, tag);
      if (params.tagValue === undefined) problems.add(path, `${where(path)} is missing the required key "${tag}" (one of ${values.join(', ')})`);
      else problems.add(childPointer(path, tag), `${where(childPointer(path, tag))}: unknown ${tag} ${JSON.stringify(params.tagValue)}; expected one of ${values.join(', ')}${didYouMean(String(params.tagValue), values)}`);
      return;
    }
    case 'pattern':
      if (error.propertyName !== undefined) problems.add(childPointer(path, error.propertyName), `${where(path)}: the name "${error.propertyName}" must match ${String(params.pattern)}`, true);
      else problems.add(path, `${where(path)}: ${describeValue(error.data)} must match ${String(params.pattern)}`);
      return;
    case 'minItems':
      problems.add(path, `${where(path)} must have at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`);
      return;
    case 'minLength':
      problems.add(path, `${where(path)} must not be empty`);
      return;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
      problems.add(path, `${where(path)} must be ${error.keyword === 'maximum' ? '≤' : error.keyword === 'minimum' ? '≥' : '>'} ${String(params.limit)}, not ${String(error.data)}`);
      return;
    default:
      problems.add(path, `${where(path)} ${error.message ?? 'is invalid'}`);
  }
}
