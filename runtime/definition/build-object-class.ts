// objectClasses.<name> -> ObjectClassModel: attributes, identity attributes, operations.
import type { Attribute, ObjectClass, Operations } from '../generated/definition.js';
import type { BuildContext } from './build-context.js';
import { buildFilterTranslation } from './build-connection.js';
import { buildOperation } from './build-operation.js';
import { buildSpecialAttributes } from './build-special-attributes.js';
import { splitPath } from './attribute-path.js';
import { didYouMean } from './did-you-mean.js';
import { pointerOf } from './json-pointer.js';
import type { AttributeModel, ClassOperations, ConnectionModel, CreateOperationModel, DeltaOperationModel, ObjectClassModel, OperationModel } from './model.js';
import type { ClassTemplateKind } from './template-scopes.js';

type PlainKind = 'update' | 'delete' | 'get' | 'search' | 'enable' | 'disable' | 'setPassword' | 'restore';
const plainOperations: ReadonlyArray<[PlainKind, ClassTemplateKind]> = [
  ['update', 'update'],
  ['delete', 'byUid'],
  ['get', 'get'],
  ['search', 'search'],
  ['enable', 'byUid'],
  ['disable', 'byUid'],
  ['setPassword', 'setPassword'],
  ['restore', 'byUid'],
];

function buildAttribute(context: BuildContext, className: string, name: string, raw: Attribute): AttributeModel {
  const at = pointerOf('objectClasses', className, 'attributes', name);
  const targetPath = Array.isArray(raw.targetPath) ? [...raw.targetPath] : splitPath(raw.targetPath ?? name);
  return {
    name,
    type: raw.type,
    ...(raw.description !== undefined && { description: raw.description }),
    targetPath,
    targetName: raw.targetName ?? targetPath.join('.'),
    multiValued: raw.multiValued ?? false,
    required: raw.required ?? false,
    creatable: raw.creatable ?? true,
    updatable: raw.updatable ?? true,
    readable: raw.readable ?? true,
    returnedByDefault: raw.returnedByDefault ?? true,
    ...(raw.enum !== undefined && { enum: raw.enum }),
    ...(raw.lookup !== undefined && { lookup: raw.lookup }),
    ...(raw.defaultOnCreate !== undefined && {
      defaultOnCreate: context.payload(`${at}/defaultOnCreate`, raw.defaultOnCreate, context.scopes.classOperation(className, 'defaultOnCreate')),
    }),
  };
}

function identityAttribute(
  context: BuildContext,
  className: string,
  key: 'uidAttribute' | 'nameAttribute' | 'statusAttribute' | 'passwordAttribute',
  name: string,
  attributes: ReadonlyMap<string, AttributeModel>,
): AttributeModel | undefined {
  const attribute = attributes.get(name);
  if (!attribute) {
    context.problems.add(pointerOf('objectClasses', className, key), `${key} "${name}" of class ${className} is not one of its attributes${didYouMean(name, attributes.keys())}`);
    return undefined;
  }
  if ((key === 'uidAttribute' || key === 'nameAttribute') && attribute.multiValued) {
    context.problems.add(pointerOf('objectClasses', className, key), `${key} "${name}" of class ${className} must not be multi-valued`);
  }
  return attribute;
}

function buildOperations(context: BuildContext, className: string, raw: Operations, connection: ConnectionModel): ClassOperations {
  const at = pointerOf('objectClasses', className, 'operations');
  const scopeOf = (kind: ClassTemplateKind) => context.scopes.classOperation(className, kind);
  const operations: Record<string, OperationModel> = {};
  for (const [kind, scopeKind] of plainOperations) {
    const op = raw[kind];
    const built = op && context.guard(`${at}/${kind}`, () => buildOperation(context, `${at}/${kind}`, op, kind, `${className}.${kind}`, scopeOf(scopeKind), connection.paging), undefined);
    if (built) operations[kind] = built;
  }
  if (raw.create) {
    const base = buildOperation(context, `${at}/create`, raw.create, 'create', `${className}.create`, scopeOf('create'), connection.paging);
    const findBeforeRetry = raw.create.findBeforeRetry ?? raw.search !== undefined;
    if (findBeforeRetry && !raw.search) context.problems.add(`${at}/create/findBeforeRetry`, `${className}.create.findBeforeRetry needs a search operation to look the object up by name`);
    const create: CreateOperationModel = {
      ...base,
      ...(raw.create.uidPath !== undefined && { uidPath: context.location(`${at}/create/uidPath`, raw.create.uidPath) }),
      uidFromLocation: raw.create.uidFromLocation ?? false,
      findBeforeRetry,
    };
    operations.create = create;
  }
  if (raw.delta) {
    const base = buildOperation(context, `${at}/delta`, raw.delta, 'delta', `${className}.delta`, scopeOf('delta'), connection.paging);
    const delta: DeltaOperationModel = {
      ...base,
      deltaLink: context.location(`${at}/delta/deltaLinkPath`, raw.delta.deltaLinkPath),
      ...(raw.delta.removedMarker !== undefined && { removedMarker: context.location(`${at}/delta/removedMarker`, raw.delta.removedMarker) }),
      expiredStatus: new Set(raw.delta.expiredStatus ?? [410]),
    };
    operations.delta = delta;
  }
  return operations as ClassOperations;
}

export function buildObjectClass(context: BuildContext, name: string, raw: ObjectClass, connection: ConnectionModel): ObjectClassModel | undefined {
  const at = pointerOf('objectClasses', name);
  const attributes = new Map<string, AttributeModel>();
  for (const [attributeName, attribute] of Object.entries(raw.attributes ?? {})) {
    const built = attribute && context.guard(`${at}/attributes/${attributeName}`, () => buildAttribute(context, name, attributeName, attribute), undefined);
    if (built) attributes.set(attributeName, built);
  }
  const uid = identityAttribute(context, name, 'uidAttribute', raw.uidAttribute, attributes);
  const nameAttribute = identityAttribute(context, name, 'nameAttribute', raw.nameAttribute, attributes);
  const status = raw.statusAttribute !== undefined ? identityAttribute(context, name, 'statusAttribute', raw.statusAttribute, attributes) : undefined;
  const password = raw.passwordAttribute !== undefined ? identityAttribute(context, name, 'passwordAttribute', raw.passwordAttribute, attributes) : undefined;
  const operations = context.guard(`${at}/operations`, () => buildOperations(context, name, raw.operations ?? {}, connection), {});
  if (raw.readOnly) {
    for (const kind of ['create', 'update', 'delete', 'enable', 'disable', 'setPassword', 'restore'] as const) {
      if (raw.operations?.[kind]) context.problems.add(`${at}/operations/${kind}`, `class ${name} is readOnly but defines a ${kind} operation`, true);
    }
  }
  if (!raw.operations?.get && !raw.operations?.search) {
    context.problems.add(`${at}/operations`, `class ${name} needs a get or a search operation to read objects`);
  }
  const specialAttributes = context.guard(`${at}/specialAttributes`, () => buildSpecialAttributes(context, name, raw, connection), new Map());
  for (const special of specialAttributes.keys()) {
    if (attributes.has(special)) context.problems.add(pointerOf('objectClasses', name, 'specialAttributes', special), `"${special}" of class ${name} is both an attribute and a special attribute`, true);
  }
  const defaultSelect = [...new Set([...attributes.values()].filter((a) => a.readable && a.returnedByDefault).map((a) => a.targetPath[0]!))].join(',');
  if (!uid || !nameAttribute) return undefined;
  return {
    name,
    ...(raw.icfName !== undefined && { icfName: raw.icfName }),
    ...(raw.description !== undefined && { description: raw.description }),
    uidAttribute: uid,
    nameAttribute,
    ...(status && { statusAttribute: status }),
    statusValues: { enabled: raw.statusValues?.enabled ?? true, disabled: raw.statusValues?.disabled ?? false },
    ...(password && { passwordAttribute: password }),
    readOnly: raw.readOnly ?? false,
    attributes,
    operations,
    specialAttributes,
    filter: { ...connection.filter, ...buildFilterTranslation(context, `${at}/filter`, raw.filter) },
    defaultSelect,
  };
}
