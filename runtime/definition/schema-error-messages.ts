// ajv errors as one readable problem each, pointing at the offending key or value, for every
// JSON document the runtime checks against a schema (definitions, policies, profiles).
import type { ErrorObject } from 'ajv';
import { didYouMean } from './did-you-mean.js';
import { childPointer, pointerToDotted } from './json-pointer.js';
import type { ProblemCollector } from './problems.js';
import { allowedKeys, discriminatorValues, type JsonSchema } from './schema-files.js';

/** Reports every error except those that only repeat another (anyOf branches, discriminated oneOf). */
export function reportSchemaErrors(errors: readonly ErrorObject[], problems: ProblemCollector, rootName: string): void {
  const anyOfPaths = errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath);
  const discriminated = errors.filter((e) => e.keyword === 'discriminator').map((e) => e.instancePath);
  for (const error of errors) {
    if (error.keyword !== 'anyOf' && anyOfPaths.some((p) => error.instancePath === p || error.instancePath.startsWith(p + '/'))) continue;
    if (error.keyword === 'oneOf' && discriminated.includes(error.instancePath)) continue;
    if (error.keyword === 'if' || error.keyword === 'propertyNames') continue;
    report(error, problems, (pointer) => (pointer === '' ? rootName : pointerToDotted(pointer)));
  }
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  return `${typeof value} ${String(value)}`;
}

function report(error: ErrorObject, problems: ProblemCollector, where: (pointer: string) => string): void {
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
      problems.add(path, `${where(path)} must be ${String(params.type).replace(/,/g, ' or ')}, not ${describeType(error.data)}`);
      return;
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      problems.add(path, `${where(path)}: ${JSON.stringify(error.data)} is not one of ${allowed.join(', ')}${didYouMean(String(error.data), allowed)}`);
      return;
    }
    case 'const':
      problems.add(path, `${where(path)} must be ${JSON.stringify(params.allowedValue)}`);
      return;
    case 'discriminator': {
      const tag = String(params.tag);
      const values = discriminatorValues(parent, tag);
      const value = params.tagValue;
      const message =
        value === undefined
          ? `${where(path)} is missing the required key "${tag}" (one of ${values.join(', ')})`
          : `${where(path)}.${tag}: unknown ${tag} ${JSON.stringify(value)}; expected one of ${values.join(', ')}${didYouMean(String(value), values)}`;
      problems.add(value === undefined ? path : childPointer(path, tag), message);
      return;
    }
    case 'pattern':
      if (error.propertyName !== undefined) {
        problems.add(childPointer(path, error.propertyName), `${where(path)}: the name "${error.propertyName}" must match ${String(params.pattern)}`, true);
      } else {
        problems.add(path, `${where(path)}: ${JSON.stringify(error.data)} must match ${String(params.pattern)}`);
      }
      return;
    case 'anyOf':
      problems.add(path, `${where(path)} has the wrong shape: ${describeAlternatives(parent)}, not ${describeType(error.data)}`);
      return;
    case 'minItems':
      problems.add(path, `${where(path)} must have at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`);
      return;
    case 'minLength':
      problems.add(path, `${where(path)} must not be empty`);
      return;
    case 'uniqueItems':
      problems.add(path, `${where(path)} has duplicate items (${String(params.j)} and ${String(params.i)})`);
      return;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
      problems.add(path, `${where(path)} must be ${error.keyword === 'maximum' ? '≤' : error.keyword === 'minimum' ? '≥' : '>'} ${String(params.limit)}, not ${String(error.data)}`);
      return;
    case 'not':
      problems.add(path, `${where(path)}: ${error.message ?? 'not allowed here'}`);
      return;
    default:
      problems.add(path, `${where(path)} ${error.message ?? 'is invalid'}`);
  }
}

function describeAlternatives(schema: JsonSchema): string {
  const kinds = ((schema.anyOf ?? []) as JsonSchema[]).map((alt) => {
    if (alt.enum) return `one of ${(alt.enum as unknown[]).map(String).join(', ')}`;
    if (alt.$ref) return `a ${String(alt.$ref).split('/').pop()}`;
    if (alt.type === 'object' && alt.required) return `an object with "${(alt.required as string[]).join('", "')}"`;
    return `a ${String(alt.type)}`;
  });
  return `expected ${kinds.join(' or ')}`;
}
