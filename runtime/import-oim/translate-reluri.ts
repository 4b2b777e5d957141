// An OIM relURI -> our relURI (a path template) + query parameters. OIM placeholders:
//   $(__UID__)$                  -> {{uid}}
//   $(__NAME__)$                 -> {{name}} (create)
//   $(__GROUP__.teamId)$         -> {{value}} in the operations of special attribute __GROUP__
//   $(Filter Suffix)$            -> the search filter, as a query parameter {{filter}}
//   ?$(x)$                       -> a whole query string: the profile's legacy.queryStrings
//                                   say which parameter it is, else x={{config.x}}
//   $(account_id)$, other names  -> settings: {{config.accountId}}
// OIM appends the query (and the filter suffix) to the text; ours is a path only.
import { recordSource, type ImportContext } from './import-context.js';
import { settingName } from './normalize-text.js';
import { describeItem, type OimItem } from './split-decode-list.js';

export interface RelUriScope {
  /** Where the result goes, e.g. "user.operations.search". */
  target: string;
  /** The operation has a uid (not create). */
  uid: boolean;
  /** The operation has a name (create). */
  name?: boolean;
  /** Special attribute whose placeholders mean the value, e.g. "__GROUP__" or "manager". */
  specialKey?: string;
  /** A list operation: $(Filter Suffix)$ becomes the filter. */
  search?: boolean;
}

export interface TranslatedRelUri {
  relURI: string;
  query: Record<string, string>;
}

const placeholderPattern = /\$\(([^)]*)\)\$/g;
const filterSuffix = /[/&]?\$\(\s*Filter\s*Suffix\s*\)\$/gi;

export function filterParameter(context: ImportContext): string {
  return context.profile?.legacy.filterParameter ?? 'filter';
}

export function translateRelUri(context: ImportContext, item: OimItem, scope: RelUriScope): TranslatedRelUri | undefined {
  const { report } = context;
  const source = { entry: describeItem(item), origin: item.origin, target: scope.target };
  recordSource(context, scope.target, item);
  // Spaces are noise in a URL, except inside placeholder names such as $(Filter Suffix)$.
  let text = item.value.replace(/\$\([^)]*\)\$|\s+/g, (match) => (match.startsWith('$(') ? match : ''));
  if (text !== item.value) report.add('repaired', 'spaces removed from the relURI', { ...source, from: item.value, to: text });
  const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/]+/i.exec(text);
  if (absolute) {
    text = text.slice(absolute[0].length);
    report.add('untranslated', `the relURI is an absolute URL; its origin ${absolute[0]} is dropped (relURIs are relative to the connection's base URL setting)`, source);
  }
  let filter = false;
  text = text.replace(filterSuffix, () => {
    filter = true;
    return '';
  });
  if (filter && !scope.search) report.add('untranslated', '$(Filter Suffix)$ only has a meaning in a search; dropped here', source);
  const question = text.indexOf('?');
  const failures: string[] = [];
  const path = replacePlaceholders(context, question >= 0 ? text.slice(0, question) : text, scope, failures);
  const query: Record<string, string> = {};
  for (const piece of (question >= 0 ? text.slice(question + 1) : '').split('&')) {
    addQueryPiece(context, piece.replace(/^\/+|\/+$/g, ''), scope, query, failures, source);
  }
  if (filter && scope.search) {
    query[filterParameter(context)] = '{{filter}}';
    if (context.profile?.legacy.filterParameter === undefined) {
      report.add('derived', 'OIM appends the Filter Suffix to the URL as it is; here it is the query parameter filter={{filter}}: rename the parameter if the target calls it otherwise', source);
    }
  }
  if (failures.length > 0) {
    report.add('untranslated', `placeholder ${failures.join(', ')} has no meaning in ${scope.target}; the operation is left out`, source);
    return undefined;
  }
  return { relURI: path.startsWith('/') ? path : `/${path}`, query };
}

function replacePlaceholders(context: ImportContext, text: string, scope: RelUriScope, failures: string[]): string {
  return text.replace(placeholderPattern, (whole, rawName: string) => {
    const translated = translatePlaceholder(context, rawName.trim(), scope);
    if (translated === undefined) failures.push(whole);
    return translated ?? whole;
  });
}

/** The template for one placeholder name, or undefined when it has no meaning here. */
export function translatePlaceholder(context: ImportContext, name: string, scope: Omit<RelUriScope, 'target' | 'search'>): string | undefined {
  if (name === '__UID__') return scope.uid ? '{{uid}}' : undefined;
  if (name === '__NAME__') return scope.name ? '{{name}}' : undefined;
  const owner = name.split('.')[0] ?? name;
  if (scope.specialKey !== undefined && (owner === scope.specialKey || name === scope.specialKey)) return '{{value}}';
  if (name.includes('.') || /^__.*__$/.test(name)) return undefined;
  return context.settings.placeholder(name);
}

function addQueryPiece(
  context: ImportContext,
  piece: string,
  scope: RelUriScope,
  query: Record<string, string>,
  failures: string[],
  source: { entry: string; origin: OimItem['origin']; target: string },
): void {
  if (piece === '') return;
  const whole = /^\$\(([^)]*)\)\$$/.exec(piece);
  if (whole?.[1] !== undefined) {
    const name = whole[1].trim();
    const known = context.profile?.legacy.queryStrings.find((q) => q.placeholder.test(name));
    if (known) {
      if (!context.settings.has(known.setting)) {
        context.report.add('derived', `?$(${name})$ is a whole query string in OIM; it became the query parameter ${known.parameter}={{config.${known.setting}}} (profile ${context.profile?.name ?? ''})`, source);
      }
      query[known.parameter] = context.settings.declare(known.setting, {
        type: 'string',
        description: known.description,
        ...(known.default !== undefined ? { default: known.default } : { required: true }),
      }, [name, known.setting]);
      return;
    }
    const first = !context.settings.has(settingName(name));
    query[name] = translatePlaceholder(context, name, scope) ?? '';
    if (first) context.report.add('derived', `?$(${name})$ is a whole query string in OIM; it became the query parameter ${name}=${query[name]}: check the parameter's name`, source);
    return;
  }
  const equals = piece.indexOf('=');
  if (equals <= 0) {
    context.report.add('untranslated', `query piece "${piece}" has no name=value form; left out`, source);
    return;
  }
  query[piece.slice(0, equals)] = replacePlaceholders(context, piece.slice(equals + 1), scope, failures);
}
