// The variables each kind of template may use. Keeping them in one place makes the
// template context contract readable: what the engine passes is exactly what is listed here.
import type { Attribute, ConnectorDefinition } from '../generated/definition.js';
import { shapeFromPaths, type TemplateScope, type VariableShape } from '../template/scope.js';

export interface ScopeSet {
  config: TemplateScope;
  connection: TemplateScope;
  /** Operation scopes of a class, by kind. */
  classOperation(className: string, kind: ClassTemplateKind): TemplateScope;
  lookupEntry: TemplateScope;
  filterTranslation: TemplateScope;
  watermark: TemplateScope;
  transform: TemplateScope;
}

export type ClassTemplateKind =
  | 'create' | 'update' | 'byUid' | 'get' | 'setPassword' | 'search' | 'delta'
  | 'specialRead' | 'specialSingle' | 'specialBatch' | 'specialSet' | 'specialClear' | 'resolve' | 'defaultOnCreate';

function attrsShape(attributes: Record<string, Attribute | undefined>): VariableShape {
  return shapeFromPaths(
    Object.entries(attributes).map(([name, attribute]) => ({
      path: name,
      shape: attribute?.type === 'object' ? ('any' as const) : ('scalar' as const),
    })),
  );
}

export function buildScopes(document: ConnectorDefinition): ScopeSet {
  const settings = Object.keys(document.configuration?.properties ?? {});
  const config: VariableShape = Object.fromEntries(settings.map((name) => [name, 'scalar' as const]));
  const configScope: TemplateScope = { variables: { config } };
  const connectionScope: TemplateScope = { variables: { config, connection: { baseURL: 'scalar', origin: 'scalar' } } };
  const base = connectionScope.variables;
  const attrsByClass = new Map<string, VariableShape>();
  const classAttrs = (className: string): VariableShape => {
    let shape = attrsByClass.get(className);
    if (!shape) {
      shape = attrsShape(document.objectClasses?.[className]?.attributes ?? {});
      attrsByClass.set(className, shape);
    }
    return shape;
  };
  const page: VariableShape = { size: 'scalar' };

  const classOperation = (className: string, kind: ClassTemplateKind): TemplateScope => {
    const attrs = classAttrs(className);
    switch (kind) {
      case 'create':
        return { variables: { ...base, name: 'scalar', attrs, password: 'scalar' } };
      case 'update':
        return { variables: { ...base, uid: 'scalar', attrs, changes: 'any' } };
      case 'byUid':
      case 'specialRead':
      case 'specialClear':
        return { variables: { ...base, uid: 'scalar' } };
      case 'get':
        return { variables: { ...base, uid: 'scalar', select: 'scalar' } };
      case 'setPassword':
        return { variables: { ...base, uid: 'scalar', password: 'scalar' } };
      case 'search':
        return { variables: { ...base, filter: 'scalar', select: 'scalar', page } };
      case 'delta':
        return { variables: { ...base, select: 'scalar', page } };
      case 'specialSingle':
      case 'specialSet':
        return { variables: { ...base, uid: 'scalar', value: 'any' } };
      case 'specialBatch':
        return { variables: { ...base, uid: 'scalar', values: 'any' } };
      case 'resolve':
        return { variables: { ...base, uid: 'scalar', value: 'any' } };
      case 'defaultOnCreate':
        return { variables: { config, name: 'scalar', attrs } };
    }
  };

  return {
    config: configScope,
    connection: connectionScope,
    classOperation,
    lookupEntry: { variables: { config, item: 'any' } },
    filterTranslation: { variables: { config, attribute: 'scalar', value: 'scalar', left: 'scalar', right: 'scalar', operand: 'scalar' } },
    watermark: { variables: { ...base, watermark: 'scalar' } },
    transform: { variables: { config, value: 'any' } },
  };
}
