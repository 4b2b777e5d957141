// One attribute-map row (ProvAttrMap / ReconAttrMap): the form field (code key) and what
// the decode names. OIM decodes seen in practice:
//   __NAME__, __UID__, __ENABLE__, __PASSWORD__     ICF's own attributes
//   displayName, profile.mustChangePassword          a target attribute (dots for nesting)
//   __GROUP__~__GROUP__~teamId                       a child table: values of a special attribute
//   assignedPlans~assignedPlans~planId               ... or of an array on the object itself
//   accountEnabled="$(accountEnabled)"               the attribute, sent as a quoted string
//   OIM Organization Name                            a connector-internal attribute
import type { OimEntry } from './input-model.js';
import { normalizeQuotes } from './normalize-text.js';

export const icfAttributes = ['__NAME__', '__UID__', '__ENABLE__', '__PASSWORD__'] as const;
export type IcfAttribute = (typeof icfAttributes)[number];

export type MapTarget =
  | { kind: 'icf'; name: IcfAttribute }
  | { kind: 'attribute'; name: string; quoted: boolean }
  | { kind: 'childTable'; source: string; field?: string }
  | { kind: 'untranslated'; reason: string };

export interface MapField {
  /** The form field as given, e.g. "Roles~Role Name[Lookup]". */
  field: string;
  /** The field is a lookup field ([Lookup] in its name). */
  lookup: boolean;
  target: MapTarget;
  entry: OimEntry;
}

const attributeName = /^[A-Za-z_@][\w.@-]*$/;
const quotedExpression = /^([A-Za-z_][\w.]*)\s*=\s*"?\s*\$[({]\s*([\w.]+)\s*[)}]\$?\s*"?$/;

export function parseMapDecode(decode: string): MapTarget {
  const text = normalizeQuotes(decode).trim();
  const icf = icfAttributes.find((name) => name === text.toUpperCase());
  if (icf) return { kind: 'icf', name: icf };
  if (text.includes('~')) {
    const parts = text.split('~').map((p) => p.trim());
    const source = parts[0] ?? '';
    const field = parts.length >= 2 ? parts[parts.length - 1] : undefined;
    if (!attributeName.test(source)) return { kind: 'untranslated', reason: `"${source}" is not a class or attribute name` };
    return { kind: 'childTable', source, ...(field !== undefined && field !== '' && { field }) };
  }
  if (/^__[A-Z][A-Z0-9_]*__$/.test(text)) return { kind: 'childTable', source: text };
  const expression = quotedExpression.exec(text);
  if (expression?.[1] && expression[2]) {
    if (expression[1] === expression[2]) return { kind: 'attribute', name: expression[1], quoted: true };
    return { kind: 'untranslated', reason: `the expression assigns $(${expression[2]}) to ${expression[1]}; only the value itself ("$(${expression[1]})") is understood` };
  }
  if (attributeName.test(text)) return { kind: 'attribute', name: text, quoted: false };
  if (text === '') return { kind: 'untranslated', reason: 'the decode is empty' };
  return { kind: 'untranslated', reason: `"${text}" is not a target attribute name (a connector-internal attribute?)` };
}

export function parseMapEntry(entry: OimEntry): MapField {
  return { field: entry.code.trim(), lookup: /\[\s*lookup\s*\]/i.test(entry.code), target: parseMapDecode(entry.decode), entry };
}
