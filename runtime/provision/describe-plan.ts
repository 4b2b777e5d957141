// The readable part of a plan: attribute values (secrets redacted, generated ones named) and
// special attribute changes, from the desired state (create) or the update steps.
import type { Step } from '../operations/run-steps.js';
import type { ConnectorSession } from '../operations/session.js';
import type { WriteStep } from '../operations/special-steps.js';
import type { SpecialValue } from '../operations/special-values.js';
import { redacted } from '../redaction.js';
import type { DesiredPresent } from './desired-state.js';
import type { IdentityPlan, ResolvedSpecials, SpecialChange } from './plan-types.js';
import type { ProvisionPolicyModel } from './policy-model.js';

type Described = Pick<IdentityPlan, 'attributes' | 'specials'>;

function valueText(policy: ProvisionPolicyModel, special: string, value: SpecialValue): string {
  if (typeof value === 'string') return value;
  const key = policy.cls.specialAttributes.get(special)?.valueKey;
  return String(key !== undefined ? value[key] : JSON.stringify(value));
}

function shownAttributes(session: ConnectorSession, policy: ProvisionPolicyModel, values: ReadonlyMap<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of values) out[name] = name === policy.cls.passwordAttribute?.name ? redacted : value;
  return session.redactor.redactValue(out);
}

export function describeCreate(session: ConnectorSession, policy: ProvisionPolicyModel, desired: DesiredPresent, specials: ResolvedSpecials): Described {
  const values = [...desired.attributes, ...desired.createOnly].filter(([, value]) => value !== null);
  const attributes = shownAttributes(session, policy, new Map([[policy.cls.nameAttribute.name, desired.name], ...values]));
  for (const rule of desired.generated) attributes[rule.attribute.name] = '<generated>';
  const changes: SpecialChange[] = [];
  for (const [name, value] of specials) {
    if (Array.isArray(value)) {
      if (value.length > 0) changes.push({ attribute: name, add: value.map((v) => valueText(policy, name, v)) });
    } else if (value !== null) changes.push({ attribute: name, set: valueText(policy, name, value as SpecialValue) });
  }
  return { attributes, ...(changes.length > 0 && { specials: changes }) };
}

export function describeSteps(session: ConnectorSession, policy: ProvisionPolicyModel, steps: readonly Step[], changed: ReadonlyMap<string, unknown>): Described {
  const bySpecial = new Map<string, { add: string[]; remove: string[]; set?: string | null }>();
  for (const step of steps) {
    if (!('special' in step)) continue;
    const write = step as WriteStep;
    const entry = bySpecial.get(write.special) ?? { add: [], remove: [] };
    bySpecial.set(write.special, entry);
    const texts = write.values.map((value) => valueText(policy, write.special, value));
    if (write.action === 'add') entry.add.push(...texts);
    else if (write.action === 'remove') entry.remove.push(...texts);
    else entry.set = write.action === 'clear' ? null : (texts[0] ?? null);
  }
  const specials: SpecialChange[] = [...bySpecial].map(([attribute, entry]) => ({
    attribute,
    ...(entry.add.length > 0 && { add: entry.add }),
    ...(entry.remove.length > 0 && { remove: entry.remove }),
    ...(entry.set !== undefined && { set: entry.set }),
  }));
  return { ...(changed.size > 0 && { attributes: shownAttributes(session, policy, changed) }), ...(specials.length > 0 && { specials }) };
}
