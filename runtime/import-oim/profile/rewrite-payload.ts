// A profile's payload rules on one customPayload: the first rule that applies wins.
//   match + replaceWith   the payload has the shape of `match` (strings are patterns whose
//                         named groups are captured) -> `replaceWith` with $<name> filled in
//   itemDefaults          objects in a top-level list get the members they lack
import type { PayloadTemplate } from '../../generated/definition.js';
import type { ItemDefaults } from './generated-profile.js';
import type { PayloadRuleModel, ProfileModel } from './profile-model.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof RegExp);
}

/** Does the value have the shape? Fills `groups` with what the patterns captured. */
export function matchShape(shape: unknown, value: unknown, groups: Record<string, string>): boolean {
  if (shape instanceof RegExp) {
    const found = typeof value === 'string' ? shape.exec(value) : null;
    if (!found) return false;
    for (const [name, text] of Object.entries(found.groups ?? {})) if (text !== undefined) groups[name] = text;
    return true;
  }
  if (Array.isArray(shape)) return Array.isArray(value) && value.length === shape.length && shape.every((item, i) => matchShape(item, value[i], groups));
  if (isRecord(shape)) {
    if (!isRecord(value)) return false;
    const keys = Object.keys(shape);
    return keys.length === Object.keys(value).length && keys.every((key) => Object.hasOwn(value, key) && matchShape(shape[key], value[key], groups));
  }
  return JSON.stringify(shape) === JSON.stringify(value);
}

/** The template with $<name> in its strings replaced by the captured groups. */
export function fillGroups(template: PayloadTemplate, groups: Readonly<Record<string, string>>): PayloadTemplate {
  if (typeof template === 'string') return template.replace(/\$<(\w+)>/g, (whole, name: string) => groups[name] ?? whole);
  if (Array.isArray(template)) return template.map((item) => fillGroups(item, groups));
  if (template !== null && typeof template === 'object') {
    return Object.fromEntries(Object.entries(template).map(([key, value]) => [key, fillGroups(value as PayloadTemplate, groups)]));
  }
  return template;
}

function withItemDefaults(payload: PayloadTemplate, defaults: ItemDefaults): PayloadTemplate | undefined {
  if (!isRecord(payload)) return undefined;
  const list = payload[defaults.array];
  if (!Array.isArray(list)) return undefined;
  let changed = false;
  const items = list.map((item: unknown) => {
    if (!isRecord(item)) return item;
    const missing = Object.entries(defaults.values).filter(([key, value]) => value !== undefined && !Object.hasOwn(item, key));
    if (missing.length === 0) return item;
    changed = true;
    return { ...item, ...structuredClone(Object.fromEntries(missing)) };
  });
  return changed ? { ...payload, [defaults.array]: items as PayloadTemplate } : undefined;
}

function applyRule(rule: PayloadRuleModel, payload: PayloadTemplate): PayloadTemplate | undefined {
  if (rule.match !== undefined && rule.replaceWith !== undefined) {
    const groups: Record<string, string> = {};
    return matchShape(rule.match, payload, groups) ? fillGroups(rule.replaceWith, groups) : undefined;
  }
  return rule.itemDefaults ? withItemDefaults(payload, rule.itemDefaults) : undefined;
}

/** The rewritten payload and why, or undefined when no rule applies. */
export function rewritePayload(profile: ProfileModel, payload: PayloadTemplate, relURI: string | undefined): { payload: PayloadTemplate; why: string } | undefined {
  for (const rule of profile.payloads) {
    if (rule.relURI && (relURI === undefined || !rule.relURI.test(relURI))) continue;
    const rewritten = applyRule(rule, payload);
    if (rewritten !== undefined) return { payload: rewritten, why: rule.description };
  }
  return undefined;
}
