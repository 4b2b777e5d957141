// specialAttributes of a class -> SpecialAttributeModel (OIM special attribute handling).
import type { ObjectClass, SpecialAttribute } from '../generated/definition.js';
import type { BuildContext } from './build-context.js';
import { buildOperation } from './build-operation.js';
import { didYouMean } from './did-you-mean.js';
import { pointerOf } from './json-pointer.js';
import type { ConnectionModel, SpecialAttributeModel, SpecialReadModel, SpecialWriteModel } from './model.js';

export function buildSpecialAttributes(context: BuildContext, className: string, raw: ObjectClass, connection: ConnectionModel): Map<string, SpecialAttributeModel> {
  const out = new Map<string, SpecialAttributeModel>();
  for (const [name, special] of Object.entries(raw.specialAttributes ?? {})) {
    const at = pointerOf('objectClasses', className, 'specialAttributes', name);
    const built = special && context.guard(at, () => buildSpecialAttribute(context, className, name, special, connection), undefined);
    if (built) out.set(name, built);
  }
  return out;
}

function buildSpecialAttribute(context: BuildContext, className: string, name: string, raw: SpecialAttribute, connection: ConnectionModel): SpecialAttributeModel {
  const at = pointerOf('objectClasses', className, 'specialAttributes', name);
  const label = `${className}.${name}`;
  const scope = (kind: Parameters<typeof context.scopes.classOperation>[1]) => context.scopes.classOperation(className, kind);
  const multiValued = raw.multiValued ?? true;
  const classes = Object.keys(context.document.objectClasses ?? {});
  if (raw.objectClass !== undefined && !classes.includes(raw.objectClass)) {
    context.problems.add(`${at}/objectClass`, `special attribute ${label} refers to class "${raw.objectClass}", which does not exist${didYouMean(raw.objectClass, classes)}`);
  }
  const lookups = Object.keys(context.document.lookups ?? {});
  if (raw.lookup !== undefined && !lookups.includes(raw.lookup)) {
    context.problems.add(`${at}/lookup`, `special attribute ${label} uses lookup "${raw.lookup}", which does not exist${didYouMean(raw.lookup, lookups)}`);
  }
  if (multiValued && (raw.set || raw.clear)) {
    context.problems.add(at, `special attribute ${label} is multi-valued: use add/remove, not set/clear (or set "multiValued": false)`);
  }
  if (!multiValued && (raw.add || raw.remove)) {
    context.problems.add(at, `special attribute ${label} is single-valued: use set/clear, not add/remove (or set "multiValued": true)`);
  }
  if (!raw.read && !raw.add && !raw.remove && !raw.set && !raw.clear) {
    context.problems.add(at, `special attribute ${label} defines no read, add, remove, set or clear`);
  }
  const write = (kind: 'add' | 'remove', spec: NonNullable<SpecialAttribute['add']>): SpecialWriteModel => {
    const handling = spec.specialAttributeHandling ?? 'SINGLE';
    const op = buildOperation(context, `${at}/${kind}`, spec, kind, `${label}.${kind}`, scope(handling === 'BATCH' ? 'specialBatch' : 'specialSingle'), connection.paging);
    return { ...op, handling };
  };
  return {
    name,
    ...(raw.description !== undefined && { description: raw.description }),
    multiValued,
    ...(raw.objectClass !== undefined && { objectClass: raw.objectClass }),
    ...(raw.lookup !== undefined && { lookup: raw.lookup }),
    ...(raw.valueKey !== undefined && { valueKey: raw.valueKey }),
    valueDefaults: (raw.valueDefaults ?? {}) as Record<string, unknown>,
    ...(raw.read && { read: buildRead(context, `${at}/read`, label, raw.read, scope('specialRead'), connection) }),
    ...(raw.add && { add: write('add', raw.add) }),
    ...(raw.remove && { remove: write('remove', raw.remove) }),
    ...(raw.set && { set: buildOperation(context, `${at}/set`, raw.set, 'set', `${label}.set`, scope('specialSet'), connection.paging) }),
    ...(raw.clear && { clear: buildOperation(context, `${at}/clear`, raw.clear, 'clear', `${label}.clear`, scope('specialClear'), connection.paging) }),
    ...(raw.resolveOnUnknown && {
      resolveOnUnknown: {
        find: buildOperation(context, `${at}/resolveOnUnknown/find`, raw.resolveOnUnknown.find, 'find', `${label}.resolveOnUnknown.find`, scope('resolve'), connection.paging),
        ...(raw.resolveOnUnknown.create && {
          create: buildOperation(context, `${at}/resolveOnUnknown/create`, raw.resolveOnUnknown.create, 'create', `${label}.resolveOnUnknown.create`, scope('resolve'), connection.paging),
        }),
        pick: context.location(`${at}/resolveOnUnknown/pick`, raw.resolveOnUnknown.pick),
      },
    }),
  };
}

function buildRead(
  context: BuildContext,
  at: string,
  label: string,
  raw: NonNullable<SpecialAttribute['read']>,
  scope: ReturnType<BuildContext['scopes']['classOperation']>,
  connection: ConnectionModel,
): SpecialReadModel {
  let valuePattern: RegExp | undefined;
  if (raw.valuePattern !== undefined) {
    try {
      valuePattern = new RegExp(raw.valuePattern, 'u');
      if (!/\((?!\?)/.test(raw.valuePattern)) context.problems.add(`${at}/valuePattern`, `${label}.read.valuePattern needs a capture group: the value is its first group`);
    } catch (error) {
      context.problems.add(`${at}/valuePattern`, `${label}.read.valuePattern is not a valid regular expression: ${(error as Error).message}`);
    }
  }
  const exclude = (raw.exclude ?? []).map((condition, i) => {
    if (condition.equals === undefined && condition.contains === undefined) context.problems.add(`${at}/exclude/${i}`, `${label}.read.exclude[${i}] needs "equals" or "contains"`);
    return {
      path: context.location(`${at}/exclude/${i}/path`, condition.path),
      ...(condition.equals !== undefined && { equals: condition.equals }),
      ...(condition.contains !== undefined && { contains: condition.contains }),
    };
  });
  const common = {
    exclude,
    ...(valuePattern && { valuePattern }),
    ...(raw.specialAttributeTargetFormat !== undefined && { targetFormat: context.location(`${at}/specialAttributeTargetFormat`, raw.specialAttributeTargetFormat) }),
    ...(raw.targetObjectIdentifier && {
      targetObjectIdentifier: { path: context.location(`${at}/targetObjectIdentifier/path`, raw.targetObjectIdentifier.path), equals: raw.targetObjectIdentifier.equals },
    }),
  };
  if (raw.fromObject !== undefined) {
    if (raw.relURI !== undefined) context.problems.add(`${at}/relURI`, `${label}.read has both fromObject and relURI: use one of them`);
    return { fromObject: context.location(`${at}/fromObject`, raw.fromObject), ...common };
  }
  if (raw.relURI === undefined) {
    context.problems.add(at, `${label}.read needs either "fromObject" or a request ("relURI")`);
    return common;
  }
  return { request: buildOperation(context, at, raw, 'read', `${label}.read`, scope, connection.paging), ...common };
}
