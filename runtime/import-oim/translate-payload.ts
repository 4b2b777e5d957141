// An OIM customPayload -> a JSON payload template. OIM writes payloads as text with
// placeholders: <__UID__>, <account_id>, <manager>, <teamId> (and sometimes $(x)$). The text
// is parsed as JSON (the list splitter has already turned \" into "); a payload that is not
// JSON but has the one-property shape {"key": value} is repaired and reported.
import type { PayloadTemplate } from '../generated/definition.js';
import { recordSource, type ImportContext } from './import-context.js';
import { settingName } from './normalize-text.js';
import { describeItem, type OimItem } from './split-decode-list.js';

export interface PayloadScope {
  target: string;
  uid: boolean;
  /** Special attribute key, e.g. "__GROUP__" or "manager": its placeholders mean the value. */
  specialKey?: string;
  /** Further placeholder names that mean the value, e.g. "teamId" for teams. */
  valueNames?: readonly string[];
  /** Class operations: other placeholders are attributes ({{attrs.x}}). */
  attrs?: boolean;
}

const placeholder = /<\s*([A-Za-z_][\w.]*)\s*>|\$\(([^)]*)\)\$/g;
const singleProperty = /^\{\s*"?\s*([A-Za-z@$_][\w.@$-]*)\s*"?\s*:\s*"?([^"]*?)"?\s*\}$/s;

export function translatePayload(context: ImportContext, item: OimItem, scope: PayloadScope): PayloadTemplate | undefined {
  const source = { entry: describeItem(item), origin: item.origin, target: scope.target };
  recordSource(context, scope.target, item);
  let parsed = tryParse(item.value);
  if (parsed === undefined) {
    const repaired = repairSingleProperty(item.value);
    if (repaired === undefined) {
      context.report.add('untranslated', 'the customPayload is not JSON and could not be repaired; the operation sends the standard payload instead', source);
      return undefined;
    }
    context.report.add('repaired', 'the customPayload was not valid JSON (quotes, spaces); read as a one-property object', { ...source, from: item.value, to: repaired });
    parsed = repaired;
  }
  return mapStrings(parsed, (text) => translateLeaf(context, text, scope, source));
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function repairSingleProperty(text: string): Record<string, string> | undefined {
  const match = singleProperty.exec(text.trim());
  if (!match?.[1] || match[2] === undefined) return undefined;
  const value = match[2].trim();
  return { [match[1]]: value.includes('/') ? value.replace(/\s+/g, '') : value };
}

function mapStrings(value: unknown, map: (text: string) => string): PayloadTemplate {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, map));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k.trim(), mapStrings(v, map)]));
  }
  return value as PayloadTemplate;
}

function translateLeaf(context: ImportContext, text: string, scope: PayloadScope, source: { entry: string; origin: OimItem['origin']; target: string }): string {
  let out = text.replace(placeholder, (whole, angle: string | undefined, dollar: string | undefined) => {
    const name = (angle ?? dollar ?? '').trim();
    return placeholderTemplate(context, name, scope, source) ?? whole;
  });
  // Some targets take absolute URLs where OIM's payload has a path (<account_id>/objects/<id>).
  const relative = context.profile?.legacy.relativeUrls;
  if (relative?.test(out)) {
    context.report.add('derived', 'the URL in the payload is not absolute; it is prefixed with the connection\'s base URL', { ...source, from: out, to: `{{connection.baseURL}}/${out}` });
    out = `{{connection.baseURL}}/${out}`;
  }
  return out;
}

function placeholderTemplate(
  context: ImportContext,
  name: string,
  scope: PayloadScope,
  source: { entry: string; origin: OimItem['origin']; target: string },
): string | undefined {
  if (name === '__UID__') return scope.uid ? '{{uid}}' : undefined;
  if (name === '__NAME__') return '{{name}}';
  const owner = name.split('.')[0] ?? name;
  if (scope.specialKey !== undefined && (owner === scope.specialKey || name === scope.specialKey || scope.valueNames?.includes(name))) return '{{value}}';
  const icf = /^__.*__$/.test(name);
  if (!icf && (context.settings.has(settingName(name)) || name.includes('_'))) return context.settings.placeholder(name);
  if (scope.attrs) return `{{attrs.${name}}}`;
  if (scope.specialKey !== undefined) {
    context.report.add('derived', `payload placeholder <${name}> is taken to be the value of ${scope.specialKey}`, source);
    return '{{value}}';
  }
  context.report.add('untranslated', `payload placeholder <${name}> has no meaning here; kept as text`, source);
  return undefined;
}
