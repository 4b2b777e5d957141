// ICF update semantics on targets with dedicated endpoints: __ENABLE__ in an update goes to
// the class's enable/disable operation and __PASSWORD__ to its setPassword operation,
// instead of being refused as not updatable.
import { getAtPath } from '../definition/attribute-path.js';
import type { ObjectClassModel } from '../definition/model.js';
import { normalizeInput } from './connector-input.js';
import type { Step } from './run-steps.js';
import type { ConnectorSession } from './session.js';
import { passwordChange, statusChange } from './status-and-password.js';

export interface DedicatedSplit {
  /** The input without the values routed to dedicated operations. */
  rest: unknown;
  steps(current: unknown): Step[];
}

export function splitDedicatedUpdates(session: ConnectorSession, cls: ObjectClassModel, raw: unknown): DedicatedSplit {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { rest: raw, steps: () => [] };
  const rest: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  const take = (keys: Array<string | undefined>): unknown => {
    let value: unknown;
    for (const key of keys) {
      if (key !== undefined && Object.hasOwn(rest, key)) {
        value = rest[key];
        delete rest[key];
      }
    }
    return value;
  };
  const status = cls.statusAttribute;
  const enableOps = cls.operations.enable && cls.operations.disable;
  const enable = enableOps && status && !status.updatable ? take(['__ENABLE__']) : undefined;
  const password = cls.operations.setPassword ? take(['__PASSWORD__', cls.passwordAttribute?.name]) : undefined;
  return {
    rest,
    steps: (current) => {
      const steps: Step[] = [];
      if (typeof enable === 'boolean' && status) {
        const now = getAtPath(current, status.targetPath);
        const wanted = enable ? cls.statusValues.enabled : cls.statusValues.disabled;
        if (now !== wanted) {
          const op = enable ? cls.operations.enable! : cls.operations.disable!;
          steps.push({ id: enable ? 'enable' : 'disable', label: op.label, op, build: (uid) => statusChange(session.connection, cls, uid, enable) });
        }
      }
      if (password !== undefined) {
        const input = normalizeInput(cls, { __PASSWORD__: password }, 'password', session.redactor);
        const op = cls.operations.setPassword!;
        steps.push({ id: 'setPassword', label: op.label, op, build: (uid) => passwordChange(session.connection, cls, uid, input) });
      }
      return steps;
    },
  };
}
