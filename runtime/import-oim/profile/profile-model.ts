// A validated translation profile, compiled once: every pattern is a RegExp, names are
// indexed. Regular expressions that do not compile and rules that would do nothing are
// problems at the place of the offending field.
import type { Connection, HttpMethod, PayloadTemplate, Setting } from '../../generated/definition.js';
import type { ProblemCollector } from '../../definition/problems.js';
import { pointerOf, pointerToDotted } from '../../definition/json-pointer.js';
import type { ItemDefaults, RequestKind, TranslationProfile } from './generated-profile.js';

export interface RequestRuleModel {
  readonly description: string;
  readonly kinds?: ReadonlySet<RequestKind>;
  readonly opTypes?: ReadonlySet<HttpMethod>;
  readonly match?: RegExp;
  readonly replacement?: string;
  readonly opType?: HttpMethod;
}

export interface PayloadRuleModel {
  readonly description: string;
  readonly relURI?: RegExp;
  /** The payload's shape with every string compiled to a pattern. */
  readonly match?: unknown;
  readonly replaceWith?: PayloadTemplate;
  readonly itemDefaults?: ItemDefaults;
}

export interface QueryStringModel {
  readonly placeholder: RegExp;
  readonly parameter: string;
  readonly setting: string;
  readonly description: string;
  readonly default?: string;
}

export interface ProfileModel {
  readonly name: string;
  readonly description: string;
  /** Where the profile was read from (for messages). */
  readonly file: string;
  readonly shorthand?: string;
  readonly recognise?: { readonly description: string; readonly relURIs: readonly RegExp[]; readonly hosts: readonly RegExp[] };
  readonly legacy: {
    readonly filterParameter?: string;
    readonly queryStrings: readonly QueryStringModel[];
    readonly relativeUrls?: RegExp;
    /** Lower-cased collection -> class name. */
    readonly classNames: ReadonlyMap<string, string>;
  };
  readonly settings: Readonly<Record<string, Setting>>;
  readonly connection?: Connection;
  readonly connectionNotes: Readonly<Record<string, string>>;
  readonly requests: readonly RequestRuleModel[];
  readonly query: ReadonlyArray<{ readonly drop: string; readonly description: string }>;
  readonly payloads: readonly PayloadRuleModel[];
  readonly renames: ReadonlyMap<string, { readonly to: string; readonly description: string }>;
  /** targetObjectIdentifier KEY -> its new values by lower-cased VALUE. */
  readonly identifierValues: ReadonlyMap<string, { readonly values: ReadonlyMap<string, string>; readonly description: string }>;
  readonly select?: TranslationProfile['select'];
}

export function compileProfile(profile: TranslationProfile, file: string, problems: ProblemCollector): ProfileModel {
  const regex = (source: string, ...at: Array<string | number>): RegExp => {
    try {
      return new RegExp(source, 'u');
    } catch (error) {
      problems.add(pointerOf(...at), `${pointerToDotted(pointerOf(...at))}: not a valid regular expression: ${(error as Error).message}`);
      return /(?!)/u;
    }
  };
  const { recognise, legacy = {}, connection } = profile;
  (profile.renames ?? []).forEach((rename, i, all) => {
    if (all.findIndex((r) => r.from === rename.from) !== i) problems.add(pointerOf('renames', i, 'from'), `renames[${i}].from: "${rename.from}" is renamed by an earlier rule already`);
  });
  for (const [member] of Object.entries(profile.connectionNotes ?? {})) {
    if (!connection || !(member in connection)) problems.add(pointerOf('connectionNotes', member), `connectionNotes.${member}: the profile's connection has no member "${member}"`, true);
  }
  return {
    name: profile.name,
    description: profile.description,
    file,
    ...(profile.shorthand !== undefined && { shorthand: profile.shorthand }),
    ...(recognise && {
      recognise: {
        description: recognise.description,
        relURIs: (recognise.relURIs ?? []).map((p, i) => regex(p, 'recognise', 'relURIs', i)),
        hosts: (recognise.hosts ?? []).map((p, i) => regex(p, 'recognise', 'hosts', i)),
      },
    }),
    legacy: {
      ...(legacy.filterParameter !== undefined && { filterParameter: legacy.filterParameter }),
      queryStrings: (legacy.queryStrings ?? []).map((q, i) => ({ ...q, placeholder: regex(q.placeholder, 'legacy', 'queryStrings', i, 'placeholder') })),
      ...(legacy.relativeUrls !== undefined && { relativeUrls: regex(legacy.relativeUrls, 'legacy', 'relativeUrls') }),
      classNames: new Map(Object.entries(legacy.classNames ?? {}).flatMap(([collection, name]) => (name === undefined ? [] : [[collection.toLowerCase(), name]]))),
    },
    settings: definedEntries(profile.settings),
    ...(connection && { connection }),
    connectionNotes: definedEntries(profile.connectionNotes),
    requests: (profile.requests ?? []).map((rule, i) => {
      if (rule.replacement === undefined && rule.opType === undefined) problems.add(pointerOf('requests', i), `requests[${i}]: the rule has neither a replacement nor an opType, so it changes nothing`);
      return {
        description: rule.description,
        ...(rule.kinds && { kinds: new Set(rule.kinds) }),
        ...(rule.opTypes && { opTypes: new Set(rule.opTypes) }),
        ...(rule.match !== undefined && { match: regex(rule.match, 'requests', i, 'match') }),
        ...(rule.replacement !== undefined && { replacement: rule.replacement }),
        ...(rule.opType !== undefined && { opType: rule.opType }),
      };
    }),
    query: profile.query ?? [],
    payloads: (profile.payloads ?? []).map((rule, i) => {
      if ((rule.match === undefined) === (rule.itemDefaults === undefined)) {
        problems.add(pointerOf('payloads', i), `payloads[${i}]: give either match and replaceWith, or itemDefaults`);
      }
      const match = rule.match === undefined ? undefined : compileShape(rule.match, (p, at) => regex(p, 'payloads', i, 'match', ...at));
      const captured = new Set(capturedNames(match));
      for (const [, name = ''] of JSON.stringify(rule.replaceWith ?? null).matchAll(/\$<(\w+)>/g)) {
        if (!captured.has(name)) problems.add(pointerOf('payloads', i, 'replaceWith'), `payloads[${i}].replaceWith: $<${name}> is not a named group of match`);
      }
      return {
        description: rule.description,
        ...(rule.relURI !== undefined && { relURI: regex(rule.relURI, 'payloads', i, 'relURI') }),
        ...(match !== undefined && { match }),
        ...(rule.replaceWith !== undefined && { replaceWith: rule.replaceWith }),
        ...(rule.itemDefaults !== undefined && { itemDefaults: rule.itemDefaults }),
      };
    }),
    renames: new Map((profile.renames ?? []).map((r) => [r.from, { to: r.to, description: r.description }])),
    identifierValues: new Map(
      (profile.targetObjectIdentifiers ?? []).map((t) => [
        t.path,
        { description: t.description, values: new Map(Object.entries(t.values).flatMap(([from, to]) => (to === undefined ? [] : [[from.toLowerCase(), to]]))) },
      ]),
    ),
    ...(profile.select && { select: profile.select }),
  };
}

function definedEntries<T>(record: Readonly<Record<string, T | undefined>> | undefined): Record<string, T> {
  return Object.fromEntries(Object.entries(record ?? {}).filter((entry): entry is [string, T] => entry[1] !== undefined));
}

/** The shape of a payload `match` with its strings compiled; `at` is the place inside it. */
function compileShape(shape: unknown, regex: (source: string, at: Array<string | number>) => RegExp, at: Array<string | number> = []): unknown {
  if (typeof shape === 'string') return regex(shape, at);
  if (Array.isArray(shape)) return shape.map((item, i) => compileShape(item, regex, [...at, i]));
  if (shape !== null && typeof shape === 'object') {
    return Object.fromEntries(Object.entries(shape).map(([key, value]) => [key, compileShape(value, regex, [...at, key])]));
  }
  return shape;
}

/** Names of the groups the patterns of a compiled shape capture. */
function capturedNames(shape: unknown): string[] {
  if (shape instanceof RegExp) return Object.keys(new RegExp(`${shape.source}|`, 'u').exec('')?.groups ?? {});
  if (shape !== null && typeof shape === 'object') return Object.values(shape).flatMap(capturedNames);
  return [];
}
