// An attribute map of a class (mappings.<class>.provisioning | reconciliation | trusted),
// compiled once: each field knows where its connector attribute comes from (an ICF name, a
// plain attribute or a special attribute), its transforms, lookup and default. Fields are kept
// sorted by name so that a mapped record serializes the same way every time (snapshots).
import type { AttributeMap, FieldMapping } from '../generated/definition.js';
import type { DefinitionModel, ObjectClassModel, SpecialAttributeModel } from '../definition/model.js';
import { buildScopes } from '../definition/template-scopes.js';
import { connectorError } from '../errors.js';
import { compileTransforms, type TransformFunction } from './transforms.js';

export type MapKind = 'provisioning' | 'reconciliation' | 'trusted';

export type AttributeSource =
  | { readonly kind: 'uid' }
  | { readonly kind: 'name' }
  | { readonly kind: 'enable' }
  | { readonly kind: 'password' }
  | { readonly kind: 'attribute'; readonly name: string }
  | { readonly kind: 'special'; readonly special: SpecialAttributeModel };

export interface FieldRule {
  readonly field: string;
  /** The connector attribute as the map names it (__NAME__, displayName, groups...). */
  readonly attribute: string;
  readonly source: AttributeSource;
  readonly transform: TransformFunction;
  readonly lookup?: string;
  readonly default?: string | number | boolean;
}

export interface CompiledAttributeMap {
  readonly kind: MapKind;
  readonly objectClass: ObjectClassModel;
  /** Sorted by field name. */
  readonly fields: readonly FieldRule[];
  /** Special attributes the map reads that cost a request per object (not readable from the object itself). */
  readonly requestedSpecials: readonly string[];
  /** Lookups the map's values go through. */
  readonly lookups: readonly string[];
}

export function compileAttributeMap(
  definition: DefinitionModel,
  cls: ObjectClassModel,
  kind: MapKind,
  config: Readonly<Record<string, unknown>>,
): CompiledAttributeMap | undefined {
  const map: AttributeMap | undefined = definition.mappings.get(cls.name)?.[kind];
  if (!map) return undefined;
  const scope = buildScopes(definition.document).transform;
  const fields: FieldRule[] = [];
  for (const [field, entry] of Object.entries(map)) {
    if (entry === undefined) continue;
    const spec: FieldMapping = typeof entry === 'string' ? { attribute: entry } : entry;
    const source = sourceOf(cls, spec.attribute, `mappings.${cls.name}.${kind}["${field}"]`);
    // A map entry without its own lookup still goes through the lookup the class gives the attribute.
    const lookup = spec.lookup ?? lookupOfSource(source, cls);
    fields.push({
      field,
      attribute: spec.attribute,
      source,
      transform: compileTransforms(spec.transform, scope, config, `mappings.${cls.name}.${kind}["${field}"]`),
      ...(lookup !== undefined && { lookup }),
      ...(spec.default !== undefined && { default: spec.default }),
    });
  }
  fields.sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
  const requestedSpecials = unique(fields.flatMap((rule) => (rule.source.kind === 'special' && rule.source.special.read?.request ? [rule.source.special.name] : [])));
  const lookups = unique(fields.flatMap((rule) => (rule.lookup === undefined ? [] : [rule.lookup])));
  return { kind, objectClass: cls, fields, requestedSpecials, lookups };
}

function sourceOf(cls: ObjectClassModel, attribute: string, where: string): AttributeSource {
  switch (attribute) {
    case '__UID__':
      return { kind: 'uid' };
    case '__NAME__':
      return { kind: 'name' };
    case '__ENABLE__':
      return { kind: 'enable' };
    case '__PASSWORD__':
      return { kind: 'password' };
  }
  const special = cls.specialAttributes.get(attribute);
  if (special) return { kind: 'special', special };
  if (cls.attributes.has(attribute)) return { kind: 'attribute', name: attribute };
  // The loader rejects such maps; this guards a model built by other means.
  throw connectorError('DefinitionError', `${where} maps to "${attribute}", which is not an attribute of class ${cls.name}`);
}

function lookupOfSource(source: AttributeSource, cls: ObjectClassModel): string | undefined {
  if (source.kind === 'special') return source.special.lookup;
  if (source.kind === 'attribute') return cls.attributes.get(source.name)?.lookup;
  return undefined;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
