/* eslint-disable */
// GENERATED FILE - DO NOT EDIT.
// Source: runtime/import-oim/profile/translation-profile.schema.json. Regenerate with `npm run gen:types`; CI runs `npm run gen:types:check`.
import type {Connection, HttpMethod, PayloadTemplate, Setting} from '../../generated/definition.js';

/**
 * A JavaScript regular expression (unicode mode, no delimiters).
 */
export type Regex = string;
/**
 * A JavaScript regular expression (unicode mode, no delimiters).
 */
/**
 * A JavaScript regular expression (unicode mode, no delimiters).
 */
export type ProfileSetting = Setting;
/**
 * The connection of the translated definition (the shape of a definition's connection). It replaces the imported one, except that headers are merged: the configuration's httpHeaderAccept / httpHeaderContentType win.
 */
export type ProfileConnection = Connection;
/**
 * A class operation, or a request of a special attribute (read, add, remove, set, clear).
 */
export type RequestKind =
  | 'create'
  | 'update'
  | 'delete'
  | 'get'
  | 'search'
  | 'delta'
  | 'enable'
  | 'disable'
  | 'setPassword'
  | 'restore'
  | 'read'
  | 'add'
  | 'remove'
  | 'set'
  | 'clear';
/**
 * HTTP method of the request (OIM opType).
 */
export type ProfileHttpMethod = HttpMethod;
/**
 * A JavaScript regular expression (unicode mode, no delimiters).
 */
/**
 * Method the rewritten request uses.
 */
/**
 * A JavaScript regular expression (unicode mode, no delimiters).
 */
/**
 * The new payload; $<name> in its strings is the group of that name captured by `match`.
 */
export type ProfilePayload = PayloadTemplate;
/**
 * A JSON payload template (OIM customPayload). String leaves may hold placeholders; a leaf that is exactly one placeholder (e.g. "{{attrs.enabled}}") keeps the value's JSON type and is left out when the value is absent. An object {"$forEach": "<variable>", "$template": <payload>} becomes one element per item of the list (the item is `item`); inside an array its elements are spliced in.
 */
/**
 * A translation profile for `connector import-oim --profile FILE`: how to recognise the target an OIM Generic REST configuration was written for, how its conventions read, and the rules that rewrite the imported definition for another API (settings, connection, request paths and methods, query parameters, payloads, attribute names, type filters, $select). Rules apply in the order given. See runtime/import-oim/README.md.
 */
export interface TranslationProfile {
  /**
   * Path or URL of this schema, for editors.
   */
  $schema?: string;
  /**
   * Short name of the profile, shown in the report.
   */
  name: string;
  /**
   * What the profile translates from and to.
   */
  description: string;
  /**
   * For a profile shipped with the package (definitions/<connector>/import-oim/*.profile.json): the CLI option, without the leading --, that applies it (e.g. to-example-v2).
   */
  shorthand?: string;
  recognise?: Recognise;
  legacy?: Legacy;
  /**
   * Settings the translated definition declares. A setting of the same name declared by the import is replaced; an IT resource parameter of the same name (case, _ and - ignored) becomes its default, except for secrets. Settings that nothing refers to after the translation are left out (reported).
   */
  settings?: {
    [k: string]: ProfileSetting | undefined;
  };
  connection?: ProfileConnection;
  /**
   * Why each connection member changed, by member name (baseURL, auth, paging, ...): the message of its report entry.
   */
  connectionNotes?: {
    [k: string]: string | undefined;
  };
  /**
   * Rewrites of request paths and methods, applied in order to every request of the definition.
   */
  requests?: RequestRule[];
  /**
   * Query parameters the translated requests no longer send.
   */
  query?: QueryRule[];
  /**
   * Rewrites of customPayload templates; the first rule that matches a payload applies.
   */
  payloads?: PayloadRule[];
  /**
   * Attribute and property names that changed: class attributes, uid/name/status/password attributes, special attribute target formats and targetObjectIdentifier paths, attribute maps and {{item.<name>}} in lookups.
   */
  renames?: Rename[];
  /**
   * New values for OIM targetObjectIdentifier filters (KEY;VALUE), by the key as the configuration writes it.
   */
  targetObjectIdentifiers?: IdentifierValues[];
  select?: Select;
}
/**
 * How to tell that a configuration was written for this profile's source. Without a profile the importer names the bundled profiles that recognise the configuration; with one it reports whether the configuration looks like its source.
 */
export interface Recognise {
  /**
   * Name of the source API, e.g. "Example API v1".
   */
  description: string;
  /**
   * Patterns any relURI of the configuration may match.
   */
  relURIs?: Regex[];
  /**
   * Patterns the IT resource host may match.
   */
  hosts?: Regex[];
}
/**
 * How the configuration's own conventions read (used while importing, before the rules).
 */
export interface Legacy {
  /**
   * Query parameter OIM's $(Filter Suffix)$ becomes. Default "filter".
   */
  filterParameter?: string;
  /**
   * Placeholders that stand for a whole query string (?$(x)$, whose IT resource value is name=value).
   */
  queryStrings?: QueryString[];
  relativeUrls?: Regex;
  /**
   * Class names by collection (the first path segment of a class's relURIs), besides the generic ones (users, accounts, groups, roles, licenses, skus).
   */
  classNames?: {
    [k: string]: string | undefined;
  };
}
export interface QueryString {
  placeholder: Regex;
  /**
   * Query parameter it becomes.
   */
  parameter: string;
  /**
   * Setting that holds the parameter's value.
   */
  setting: string;
  /**
   * Description of the setting.
   */
  description: string;
  /**
   * Default of the setting. Absent: the setting is required.
   */
  default?: string;
}
/**
 * Rewrites the relURI (first match of `match` replaced by `replacement`) and/or sets the method, for the requests it selects (kinds, opTypes, match). At least one of replacement and opType.
 */
export interface RequestRule {
  /**
   * Why: the message of the report entry.
   */
  description: string;
  /**
   * Requests it applies to. Default: all.
   *
   * @minItems 1
   */
  kinds?: [RequestKind, ...RequestKind[]];
  /**
   * Methods it applies to. Default: all.
   *
   * @minItems 1
   */
  opTypes?: [ProfileHttpMethod, ...ProfileHttpMethod[]];
  match?: Regex;
  /**
   * Replacement of the match; $1, $<name> name groups.
   */
  replacement?: string;
  opType?: ProfileHttpMethod;
}
export interface QueryRule {
  /**
   * Query parameter to leave out of every request.
   */
  drop: string;
  /**
   * Why: the message of the report entry.
   */
  description: string;
}
/**
 * Either `match` + `replaceWith` (the payload is replaced) or `itemDefaults` (objects in a list get missing members).
 */
export interface PayloadRule {
  /**
   * Why: the message of the report entry.
   */
  description: string;
  relURI?: Regex;
  /**
   * The payload's shape: objects must have exactly these members, arrays as many items; a string is a pattern the payload's string must match (its named groups are captured); other values must be equal.
   */
  match?: {};
  replaceWith?: ProfilePayload;
  itemDefaults?: ItemDefaults;
}
export interface ItemDefaults {
  /**
   * Top-level member of the payload that holds the list.
   */
  array: string;
  /**
   * Members each object in the list gets when it has none of that name.
   */
  values: {
    [k: string]: ProfilePayload | undefined;
  };
}
export interface Rename {
  /**
   * Name in the configuration (a dotted path for nested properties).
   */
  from: string;
  /**
   * Name in the translated definition.
   */
  to: string;
  /**
   * Why: the message of the report entries.
   */
  description: string;
}
export interface IdentifierValues {
  /**
   * The KEY of KEY;VALUE as the configuration writes it (renames apply to it as well).
   */
  path: string;
  /**
   * New value by VALUE (compared without regard to case). A VALUE not listed is kept and reported.
   */
  values: {
    [k: string]: string | undefined;
  };
  /**
   * Why: the message of the report entry.
   */
  description: string;
}
/**
 * A query parameter that asks for the class's attributes (targets that return a default property set only).
 */
export interface Select {
  /**
   * Query parameter, e.g. fields.
   */
  parameter: string;
  /**
   * Its template, e.g. {{select}} (the class's readable attributes).
   */
  value: string;
  /**
   * Operations that send it.
   *
   * @minItems 1
   */
  operations: ['get' | 'search', ...('get' | 'search')[]];
  /**
   * Also ask for the properties special attributes read from the object itself (read.fromObject), comma-separated after the value. Default false.
   */
  fromObject?: boolean;
  /**
   * Why: the message of the report entries.
   */
  description: string;
}
