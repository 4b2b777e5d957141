// Transforms of an attribute map entry (mappings.schema.json#/$defs/Transform), compiled once
// into one function per entry. They run in the direction of the map: target -> field for the
// reconciliation maps, field -> target for the provisioning map. A list value is transformed
// item by item, except by emptyToNull, which looks at the list as a whole.
import type { Transform } from '../generated/definition.js';
import { compileTemplate, textOf } from '../template/compile-template.js';
import type { TemplateScope } from '../template/scope.js';
import { connectorError } from '../errors.js';

export type TransformFunction = (value: unknown) => unknown;

const identity: TransformFunction = (value) => value;

export function compileTransforms(
  transforms: readonly Transform[] | undefined,
  scope: TemplateScope,
  config: Readonly<Record<string, unknown>>,
  where: string,
): TransformFunction {
  if (!transforms || transforms.length === 0) return identity;
  const steps = transforms.map((transform, i) => compileOne(transform, scope, config, `${where} transform ${i + 1}`));
  return (value) => {
    let current = value;
    for (const step of steps) current = step(current);
    return current;
  };
}

function compileOne(transform: Transform, scope: TemplateScope, config: Readonly<Record<string, unknown>>, where: string): TransformFunction {
  if (typeof transform === 'string') return transform === 'emptyToNull' ? emptyToNull : eachItem(named[transform]);
  if ('map' in transform) {
    const table = new Map(Object.entries(transform.map));
    const hasOtherwise = transform.otherwise !== undefined;
    // Keys are text in JSON, so a boolean or number input is looked up by its text ("true", "1").
    return eachItem((value) => {
      const key = value === null || value === undefined ? 'null' : textOf(value);
      if (table.has(key)) return table.get(key) ?? null;
      return hasOtherwise ? transform.otherwise : value;
    });
  }
  const compiled = compileTemplate(transform.template, scope);
  // The definition loader checked every template already; this only guards a caller with another scope.
  if (!compiled.template) throw connectorError('DefinitionError', `${where}: ${compiled.issues.map((issue) => issue.message).join('; ')}`);
  const template = compiled.template;
  return eachItem((value) => (value === null || value === undefined ? value : template.evaluate({ config, value })));
}

function eachItem(fn: TransformFunction): TransformFunction {
  return (value) => (Array.isArray(value) ? value.map(fn) : fn(value));
}

function emptyToNull(value: unknown): unknown {
  if (value === '' || (Array.isArray(value) && value.length === 0)) return null;
  return value;
}

const booleanWords = new Map([['true', true], ['false', false], ['1', true], ['0', false], ['yes', true], ['no', false]]);

const named: Record<Exclude<Extract<Transform, string>, 'emptyToNull'>, TransformFunction> = {
  trim: (value) => (typeof value === 'string' ? value.trim() : value),
  lowercase: (value) => (typeof value === 'string' ? value.toLowerCase() : value),
  uppercase: (value) => (typeof value === 'string' ? value.toUpperCase() : value),
  toString: (value) => (value === null || value === undefined ? value : textOf(value)),
  toBoolean: (value) => {
    if (typeof value === 'number') return value !== 0;
    if (typeof value !== 'string') return value;
    const word = booleanWords.get(value.trim().toLowerCase());
    return word ?? value;
  },
  toNumber: (value) => {
    if (typeof value === 'boolean') return value ? 1 : 0;
    if (typeof value !== 'string' || value.trim() === '') return value;
    const number = Number(value);
    return Number.isFinite(number) ? number : value;
  },
};
