// Write steps of special attributes (OIM specialAttributeHandling): SINGLE sends one request
// per value, BATCH one request for all values; single-valued attributes are set or cleared.
import { connectorError, type ErrorContext } from '../errors.js';
import type { ObjectClassModel, OperationModel, SpecialAttributeModel } from '../definition/model.js';
import type { PreparedRequest } from '../http/types.js';
import { buildRequest } from './build-request.js';
import type { ResolvedConnection } from './resolved-connection.js';
import { specialValueKey, type SpecialValue } from './special-values.js';

export type SpecialAction = 'add' | 'remove' | 'set' | 'clear';

export interface WriteStep {
  /** Stable id within the operation, for the journal, e.g. "groups.add:6f1c…". */
  readonly id: string;
  readonly label: string;
  readonly op: OperationModel;
  readonly special: string;
  readonly action: SpecialAction;
  readonly values: readonly SpecialValue[];
  /** How to turn an unknown value into the target's id (adds only). */
  readonly resolver?: SpecialAttributeModel['resolveOnUnknown'];
  build(uid: string): PreparedRequest;
}

function operationFor(cls: ObjectClassModel, special: SpecialAttributeModel, action: SpecialAction): OperationModel {
  const op = special[action];
  if (!op) {
    throw connectorError('ConfigurationError', `special attribute ${cls.name}.${special.name} has no "${action}" operation in the definition`, {
      objectClass: cls.name,
      field: special.name,
    });
  }
  return op;
}

export function specialWriteSteps(
  connection: ResolvedConnection,
  cls: ObjectClassModel,
  special: SpecialAttributeModel,
  action: SpecialAction,
  values: readonly SpecialValue[],
  errorContext: ErrorContext = {},
): WriteStep[] {
  const op = operationFor(cls, special, action);
  const context = { ...errorContext, objectClass: cls.name, field: special.name };
  const step = (id: string, stepValues: readonly SpecialValue[], variables: (uid: string) => Record<string, unknown>): WriteStep => ({
    id,
    label: op.label,
    op,
    special: special.name,
    action,
    values: stepValues,
    ...(action === 'add' && special.resolveOnUnknown && { resolver: special.resolveOnUnknown }),
    build: (uid) => buildRequest(connection, op, variables(uid), { errorContext: { ...context, uid } }),
  });
  if (action === 'clear') return [step(`${special.name}.clear`, [], (uid) => ({ uid }))];
  if (action === 'set') {
    const value = values[0];
    if (value === undefined) return [];
    return [step(`${special.name}.set`, [value], (uid) => ({ uid, value }))];
  }
  if (values.length === 0) return [];
  const handling = action === 'add' ? special.add?.handling : special.remove?.handling;
  if (handling === 'BATCH') return [step(`${special.name}.${action}`, values, (uid) => ({ uid, values }))];
  return values.map((value) => step(`${special.name}.${action}:${specialValueKey(special, value)}`, [value], (uid) => ({ uid, value })));
}

/** Steps that bring a special attribute from `current` to `desired` values. */
export function specialAssignSteps(
  connection: ResolvedConnection,
  cls: ObjectClassModel,
  special: SpecialAttributeModel,
  desired: SpecialValue[] | SpecialValue | null,
  diff: { add: SpecialValue[]; remove: SpecialValue[] } | undefined,
  errorContext: ErrorContext = {},
): WriteStep[] {
  if (!special.multiValued) {
    if (desired === null) return specialWriteSteps(connection, cls, special, 'clear', [], errorContext);
    return specialWriteSteps(connection, cls, special, 'set', [desired as SpecialValue], errorContext);
  }
  const add = diff ? diff.add : (desired as SpecialValue[]);
  const remove = diff ? diff.remove : [];
  return [
    ...specialWriteSteps(connection, cls, special, 'remove', remove, errorContext),
    ...specialWriteSteps(connection, cls, special, 'add', add, errorContext),
  ];
}
