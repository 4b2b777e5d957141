/* eslint-disable */
// GENERATED FILE - DO NOT EDIT.
// Source: schemas/definition.schema.json. Regenerate with `npm run gen:types`; CI runs `npm run gen:types:check`.

/**
 * Base URL every relURI is relative to, usually from a setting, e.g. "{{config.baseUrl}}". Variables: config.*.
 */
export type Template = string;
/**
 * How requests are authenticated. Secrets come from settings marked secret: true and never appear in any output.
 */
export type Auth =
  NoAuth | BasicAuth | BearerAuth | OAuth2ClientCredentialsAuth | MsalClientCredentialsAuth | FirstConfiguredAuth;
/**
 * User name, e.g. "{{config.username}}".
 */
/**
 * Password, e.g. "{{config.password}}" (a secret setting).
 */
/**
 * The token, e.g. "{{config.token}}" (a secret setting).
 */
/**
 * Absolute token endpoint URL.
 */
/**
 * Client id.
 */
/**
 * Client secret (a secret setting).
 */
/**
 * Space-separated scopes to request; absent: none sent.
 */
/**
 * Authority host, e.g. "{{config.authorityHost}}" (https://login.microsoftonline.com, or a national cloud). A non-default host is passed to MSAL as a known authority.
 */
/**
 * Directory (tenant) id or verified domain.
 */
/**
 * Application (client) id.
 */
/**
 * Client secret (a secret setting).
 */
/**
 * A Handlebars template, compiled when the definition loads. Variables: config.*, connection.*, uid, name, attrs.*, value, values, item, select, filter, page.* - which ones depend on where the template is. Helpers: odata, jsonString, join, default, eq, ne, not, and, or, lower, upper, localPart, concat, json, urlEncode.
 */
/**
 * One way to authenticate.
 */
export type SingleAuth = NoAuth | BasicAuth | BearerAuth | OAuth2ClientCredentialsAuth | MsalClientCredentialsAuth;
/**
 * Where the target's error code is in an error body, e.g. "$.error.code".
 */
export type JsonLocation = string;
/**
 * Where the human message is, e.g. "$.error.message".
 */
/**
 * Where further codes are (may match several), e.g. "$.error.details[*].code".
 */
/**
 * The error kind to report.
 */
export type ErrorKind =
  | 'InvalidCredentials'
  | 'PermissionDenied'
  | 'UnknownUid'
  | 'AlreadyExists'
  | 'InvalidAttributeValue'
  | 'Throttled'
  | 'ServiceUnavailable'
  | 'ConnectionFailed'
  | 'ConfigurationError'
  | 'DefinitionError'
  | 'OperationFailed';
/**
 * Default paging strategy for list operations.
 */
export type Paging = NextLinkPaging | OffsetPaging | CursorPaging | NoPaging;
/**
 * Where the next link is, e.g. "@odata.nextLink".
 */
/**
 * Where the total number of results is (e.g. "totalResults"); without it paging stops at the first short or empty page.
 */
/**
 * Where the next token is; absent, null or empty means the last page.
 */
/**
 * A JSON batch protocol the engine may use to group independent writes.
 */
export type Batch = JsonBatch | NoBatch;
/**
 * A Handlebars template, compiled when the definition loads. Variables: config.*, connection.*, uid, name, attrs.*, value, values, item, select, filter, page.* - which ones depend on where the template is. Helpers: odata, jsonString, join, default, eq, ne, not, and, or, lower, upper, localPart, concat, json, urlEncode.
 */
/**
 * A Handlebars template, compiled when the definition loads. Variables: config.*, connection.*, uid, name, attrs.*, value, values, item, select, filter, page.* - which ones depend on where the template is. Helpers: odata, jsonString, join, default, eq, ne, not, and, or, lower, upper, localPart, concat, json, urlEncode.
 */
/**
 * A Handlebars template, compiled when the definition loads. Variables: config.*, connection.*, uid, name, attrs.*, value, values, item, select, filter, page.* - which ones depend on where the template is. Helpers: odata, jsonString, join, default, eq, ne, not, and, or, lower, upper, localPart, concat, json, urlEncode.
 */
/**
 * A Handlebars template, compiled when the definition loads. Variables: config.*, connection.*, uid, name, attrs.*, value, values, item, select, filter, page.* - which ones depend on where the template is. Helpers: odata, jsonString, join, default, eq, ne, not, and, or, lower, upper, localPart, concat, json, urlEncode.
 */
/**
 * A Handlebars template, compiled when the definition loads. Variables: config.*, connection.*, uid, name, attrs.*, value, values, item, select, filter, page.* - which ones depend on where the template is. Helpers: odata, jsonString, join, default, eq, ne, not, and, or, lower, upper, localPart, concat, json, urlEncode.
 */
/**
 * A Handlebars template, compiled when the definition loads. Variables: config.*, connection.*, uid, name, attrs.*, value, values, item, select, filter, page.* - which ones depend on where the template is. Helpers: odata, jsonString, join, default, eq, ne, not, and, or, lower, upper, localPart, concat, json, urlEncode.
 */
/**
 * A Handlebars template, compiled when the definition loads. Variables: config.*, connection.*, uid, name, attrs.*, value, values, item, select, filter, page.* - which ones depend on where the template is. Helpers: odata, jsonString, join, default, eq, ne, not, and, or, lower, upper, localPart, concat, json, urlEncode.
 */
/**
 * A Handlebars template, compiled when the definition loads. Variables: config.*, connection.*, uid, name, attrs.*, value, values, item, select, filter, page.* - which ones depend on where the template is. Helpers: odata, jsonString, join, default, eq, ne, not, and, or, lower, upper, localPart, concat, json, urlEncode.
 */
/**
 * JSON type of the value (datetime: an ISO-8601 string).
 */
export type AttributeType = 'string' | 'integer' | 'number' | 'boolean' | 'datetime' | 'object';
/**
 * How an object is created (OIM CREATEOP).
 */
export type CreateOperation = HttpRequest & {
  uidPath?: JsonLocation;
  /**
   * Take the uid from the last path segment of the Location response header.
   */
  uidFromLocation?: boolean;
  /**
   * Idempotent create: when a create timed out or failed with a retryable error, look the object up by its name attribute before sending it again. Default true (needs a search operation).
   */
  findBeforeRetry?: boolean;
};
/**
 * The fields every HTTP operation has; relURI is required.
 */
export type HttpRequest = HttpRequestFields;
/**
 * HTTP method (OIM opType). Defaults: create POST, update PATCH, delete DELETE, others GET.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/**
 * A Handlebars template, compiled when the definition loads. Variables: config.*, connection.*, uid, name, attrs.*, value, values, item, select, filter, page.* - which ones depend on where the template is. Helpers: odata, jsonString, join, default, eq, ne, not, and, or, lower, upper, localPart, concat, json, urlEncode.
 */
/**
 * The request body as a JSON template (OIM customPayload). Absent: the standard attribute payload (the object's attributes at their target paths).
 */
export type PayloadTemplate = {} | unknown[] | string | number | boolean | null;
/**
 * Where the list of objects is in a list response (OIM jsonResourcesTag), e.g. "value" or "$.Resources". Absent on a list operation: the response itself is the array.
 */
/**
 * Paging for this list operation; default connection.paging.
 */
/**
 * Stable error kinds of the runtime.
 */
/**
 * Where the new object's uid is in the response; default the class uidAttribute. When the response has no body, `uidFromLocation` may be used.
 */
/**
 * Update changed attributes (OIM UPDATEOP). Template variables include attrs.* (changed attributes only) and changes (list of {name, path, value}).
 */
export type Operation = HttpRequest;
/**
 * Delete by uid.
 */
/**
 * Read one object by uid (OIM relURI for the class itself).
 */
/**
 * List objects (OIM SEARCHOP). Variables: filter (translated connector filter and/or raw filter suffix, empty when none), select, page.size.
 */
/**
 * Incremental listing by delta link.
 */
export type DeltaOperation = HttpRequest & {
  deltaLinkPath: JsonLocation;
  removedMarker?: JsonLocation;
  /**
   * Statuses that mean the stored link expired and a full resync is needed (e.g. [410]).
   */
  expiredStatus?: number[];
};
/**
 * Where the final page carries the link for the next round, e.g. "@odata.deltaLink".
 */
/**
 * Property whose presence in an item means the object was deleted (or left scope), e.g. "@removed".
 */
/**
 * Enable, when the target has a dedicated endpoint.
 */
/**
 * Disable, when the target has a dedicated endpoint.
 */
/**
 * Set the password, when the target has a dedicated endpoint. Variable: password.
 */
/**
 * Restore a soft-deleted object by uid.
 */
/**
 * How current values are read: from the object itself (`fromObject`) or with a request (`relURI` and the other HTTP fields) - exactly one of the two.
 */
export type SpecialRead = HttpRequestFields & {
  fromObject?: JsonLocation;
  specialAttributeTargetFormat?: JsonLocation;
  /**
   * Keep only items whose property equals a value (OIM targetObjectIdentifier, e.g. objectType;Group), e.g. {"path": "kind", "equals": "group"}.
   */
  targetObjectIdentifier?: {
    path: JsonLocation;
    /**
     * Value it must have.
     */
    equals: string;
  };
  /**
   * A regular expression applied to each value read; its first capture group is the value (e.g. "directoryObjects/([^/]+)" to take an id out of a reference URL).
   */
  valuePattern?: string;
  /**
   * Drop read items matching any of these conditions (e.g. memberships the target manages itself, such as dynamic groups), so they are neither reported nor removed by a diff.
   */
  exclude?: {
    path: JsonLocation;
    /**
     * The property equals this value.
     */
    equals?: string | number | boolean;
    /**
     * The property (a list) contains this value.
     */
    contains?: string | number | boolean;
  }[];
};
/**
 * Read the values from the object's own JSON instead of a request, e.g. "$.assignedLicenses[*]".
 */
/**
 * Where the value is inside each read item (OIM specialAttributeTargetFormat), e.g. "id" or "skuId"; default the item itself.
 */
/**
 * Property to compare.
 */
/**
 * Property to test.
 */
/**
 * Add values (OIM ADDATTRIBUTE / child table add).
 */
export type SpecialWrite = HttpRequest & {
  /**
   * SINGLE: one request per value (variable value); BATCH: one request for all values (variable values). Default SINGLE.
   */
  specialAttributeHandling?: 'SINGLE' | 'BATCH';
};
/**
 * Remove values (OIM REMOVEATTRIBUTE).
 */
/**
 * Set a single-valued attribute (e.g. PUT manager/$ref). Variable: value.
 */
/**
 * Clear a single-valued attribute.
 */
/**
 * A list request that finds the target object for `value`.
 */
/**
 * A request that creates it when find returned nothing.
 */
/**
 * Where the id is in the found or created object, e.g. "id".
 */
/**
 * Or sync from this list request.
 */
/**
 * A Handlebars template, compiled when the definition loads. Variables: config.*, connection.*, uid, name, attrs.*, value, values, item, select, filter, page.* - which ones depend on where the template is. Helpers: odata, jsonString, join, default, eq, ne, not, and, or, lower, upper, localPart, concat, json, urlEncode.
 */
/**
 * A Handlebars template, compiled when the definition loads. Variables: config.*, connection.*, uid, name, attrs.*, value, values, item, select, filter, page.* - which ones depend on where the template is. Helpers: odata, jsonString, join, default, eq, ne, not, and, or, lower, upper, localPart, concat, json, urlEncode.
 */
/**
 * A Handlebars template, compiled when the definition loads. Variables: config.*, connection.*, uid, name, attrs.*, value, values, item, select, filter, page.* - which ones depend on where the template is. Helpers: odata, jsonString, join, default, eq, ne, not, and, or, lower, upper, localPart, concat, json, urlEncode.
 */
/**
 * A named transform, a value map, or a template (variable: value).
 */
export type Transform =
  | ('trim' | 'lowercase' | 'uppercase' | 'toString' | 'toBoolean' | 'toNumber' | 'emptyToNull')
  | {
      /**
       * Value -> value, e.g. {"true": "Active", "false": "Disabled"}.
       */
      map: {
        [k: string]: string | number | boolean | null | undefined;
      };
      /**
       * Value for inputs not in the map; absent: the input passes unchanged.
       */
      otherwise?: string | number | boolean | null;
    }
  | {
      template: Template;
    };
/**
 * A Handlebars template, compiled when the definition loads. Variables: config.*, connection.*, uid, name, attrs.*, value, values, item, select, filter, page.* - which ones depend on where the template is. Helpers: odata, jsonString, join, default, eq, ne, not, and, or, lower, upper, localPart, concat, json, urlEncode.
 */
export type Incremental = DeltaIncremental | TimestampIncremental;
/**
 * A Handlebars template, compiled when the definition loads. Variables: config.*, connection.*, uid, name, attrs.*, value, values, item, select, filter, page.* - which ones depend on where the template is. Helpers: odata, jsonString, join, default, eq, ne, not, and, or, lower, upper, localPart, concat, json, urlEncode.
 */
/**
 * Optional list request for objects deleted after the watermark (variable watermark).
 */
/**
 * A generic REST connector definition: point a file's $schema here for completion and help in your editor. A definition may span several files: the main file lists the others in `include`; each file has this same shape and they are merged (a name defined twice is an error).
 */
export interface ConnectorDefinition {
  /**
   * Path or URL of this schema, for editors.
   */
  $schema?: string;
  /**
   * Short name of the connector, e.g. "acme-directory".
   */
  name?: string;
  /**
   * Human name, e.g. "Acme Directory API v2".
   */
  displayName?: string;
  /**
   * What the connector manages.
   */
  description?: string;
  /**
   * Version of this definition.
   */
  version?: string;
  /**
   * Other files of this definition, relative to this file (main file only).
   */
  include?: string[];
  configuration?: Configuration;
  connection?: Connection;
  /**
   * Object classes by name (e.g. user, group). Names may be used by their icfName too.
   */
  objectClasses?: {
    [k: string]: ObjectClass | undefined;
  };
  /**
   * Lookups by name (e.g. Groups, Countries).
   */
  lookups?: {
    [k: string]: Lookup | undefined;
  };
  /**
   * Attribute maps per object class.
   */
  mappings?: {
    [k: string]: ClassMappings | undefined;
  };
  /**
   * Reconciliation rules per object class.
   */
  reconciliation?: {
    [k: string]: ClassReconciliation | undefined;
  };
}
export interface Configuration {
  /**
   * Settings by name. Templates read them as config.<name>.
   */
  properties?: {
    [k: string]: Setting | undefined;
  };
  /**
   * Named groups of setting values (e.g. national clouds), applied with --preset NAME before --config and --set.
   */
  presets?: {
    [k: string]: Preset | undefined;
  };
}
export interface Setting {
  /**
   * Type of the value.
   */
  type: 'string' | 'integer' | 'number' | 'boolean';
  /**
   * What the setting is for; shown to users.
   */
  description: string;
  /**
   * Must be given (when it has no default). Default false.
   */
  required?: boolean;
  /**
   * The value is a secret: it is shown as <redacted> everywhere and may be given as {"env": "NAME"}.
   */
  secret?: boolean;
  /**
   * Value used when none is given.
   */
  default?: string | number | boolean;
  /**
   * Allowed values.
   *
   * @minItems 1
   */
  enum?: [string | number | boolean, ...(string | number | boolean)[]];
  /**
   * Shape a string value must have.
   */
  format?: 'uri' | 'uuid' | 'hostname';
  /**
   * Regular expression a string value must match.
   */
  pattern?: string;
  /**
   * Smallest allowed number.
   */
  minimum?: number;
  /**
   * Largest allowed number.
   */
  maximum?: number;
  /**
   * Example values for documentation.
   */
  examples?: unknown[];
}
export interface Preset {
  /**
   * What the preset is for.
   */
  description?: string;
  /**
   * Setting values by name.
   */
  values: {
    [k: string]: string | number | boolean | undefined;
  };
}
export interface Connection {
  baseURL: Template;
  auth: Auth;
  headers?: TemplateMap;
  /**
   * Header carrying a correlation id that stays the same across retries of one logical request (e.g. "client-request-id"). Absent: none is sent.
   */
  requestIdHeader?: string;
  /**
   * Timeout of one HTTP attempt in milliseconds. Default 30000.
   */
  timeoutMs?: number;
  retry?: Retry;
  rateLimit?: RateLimit;
  errors?: ErrorClassification;
  paging?: Paging;
  batch?: Batch;
  filter?: FilterTranslation;
  consistencyRetry?: ConsistencyRetry;
}
export interface NoAuth {
  /**
   * No authentication.
   */
  type: 'none';
}
export interface BasicAuth {
  /**
   * HTTP Basic authentication.
   */
  type: 'basic';
  username: Template;
  password: Template;
}
export interface BearerAuth {
  /**
   * A static bearer token.
   */
  type: 'bearer';
  token: Template;
}
export interface OAuth2ClientCredentialsAuth {
  /**
   * OAuth 2.0 client credentials grant (RFC 6749 4.4); the token is cached until shortly before it expires.
   */
  type: 'oauth2ClientCredentials';
  tokenURL: Template;
  clientId: Template;
  clientSecret: Template;
  scope?: Template;
  /**
   * Send the client credentials in the form body (default) or as HTTP Basic.
   */
  clientAuthentication?: 'body' | 'basic';
}
export interface MsalClientCredentialsAuth {
  /**
   * Microsoft identity platform client credentials through @azure/msal-node (one confidential client per connection; tokens cached and renewed before expiry).
   */
  type: 'msalClientCredentials';
  authorityHost: Template;
  tenantId: Template;
  clientId: Template;
  clientSecret: Template;
  /**
   * Scopes, e.g. ["{{connection.origin}}/.default"]. Variables: config.*, connection.origin.
   *
   * @minItems 1
   */
  scopes: [Template, ...Template[]];
}
export interface FirstConfiguredAuth {
  /**
   * Several ways to authenticate; the first whose settings all have values is used (e.g. a bearer token, or else a user name and password).
   */
  type: 'firstConfigured';
  /**
   * The alternatives, in order of preference.
   *
   * @minItems 1
   */
  options: [SingleAuth, ...SingleAuth[]];
}
/**
 * Headers sent with every request (OIM httpHeaderAccept / httpHeaderContentType). Variables: config.*.
 */
export interface TemplateMap {
  [k: string]: Template | undefined;
}
/**
 * Retries of failed attempts: network errors and the listed statuses. Retry-After is honored (seconds, fractional seconds or HTTP date); otherwise exponential backoff with full jitter. A POST is only re-sent where it is proven safe (see CreateOperation.findBeforeRetry).
 */
export interface Retry {
  /**
   * Attempts per request including the first. Default 6.
   */
  maxAttempts?: number;
  /**
   * Give up once this much time has passed since the first attempt. Default 120000.
   */
  maxElapsedMs?: number;
  /**
   * First backoff delay. Default 250.
   */
  baseDelayMs?: number;
  /**
   * Largest backoff delay (Retry-After may ask for more, up to maxElapsedMs). Default 30000.
   */
  maxDelayMs?: number;
  /**
   * Statuses that are retried. Default [429, 502, 503, 504].
   */
  statuses?: number[];
}
/**
 * Client-side limits: token buckets for all requests and for writes, and a cap on requests in flight. After a 429 the rates are halved and recover gradually.
 */
export interface RateLimit {
  /**
   * Sustained requests per second. Default unlimited.
   */
  requestsPerSecond?: number;
  /**
   * Bucket size for requests. Default max(1, requestsPerSecond).
   */
  burst?: number;
  /**
   * Sustained writes (POST/PUT/PATCH/DELETE) per second. Default unlimited.
   */
  writesPerSecond?: number;
  /**
   * Bucket size for writes. Default max(1, writesPerSecond).
   */
  writeBurst?: number;
  /**
   * Requests in flight at most. Default 8; the CLI's --concurrency overrides it.
   */
  concurrency?: number;
}
/**
 * How target errors become the runtime's stable error kinds. Rules are tried in order; the first that matches wins. Without a match: 400 and 422 InvalidAttributeValue, 401 InvalidCredentials, 403 PermissionDenied, 404 UnknownUid, 409 AlreadyExists, 429 Throttled, 5xx ServiceUnavailable, other statuses OperationFailed.
 */
export interface ErrorClassification {
  codePath?: JsonLocation;
  messagePath?: JsonLocation;
  detailCodePath?: JsonLocation;
  rules?: ErrorRule[];
}
export interface ErrorRule {
  /**
   * Why this rule exists.
   */
  description?: string;
  /**
   * HTTP status or statuses this rule applies to.
   */
  status?: number | [number, ...number[]];
  /**
   * The target error code (from codePath) must equal this.
   */
  code?: string;
  /**
   * One of the detail codes (from detailCodePath) must equal this.
   */
  detailCode?: string;
  /**
   * The target message must contain this text (case-insensitive).
   */
  messageContains?: string;
  kind: ErrorKind;
  /**
   * The attribute the error is about, named in the message (e.g. usageLocation).
   */
  field?: string;
  /**
   * What the user should do, appended to the message.
   */
  hint?: string;
}
export interface NextLinkPaging {
  /**
   * The response carries the absolute URL of the next page. It must stay on the same origin; a link seen twice is an error.
   */
  type: 'nextLink';
  nextLinkPath: JsonLocation;
  /**
   * Query parameter for the page size on the first request, e.g. "$top".
   */
  pageSizeParam?: string;
  /**
   * Page size (a number or a template such as "{{config.pageSize}}").
   */
  pageSize?: number | Template;
  /**
   * Stop after this many objects.
   */
  maxObjects?: number;
}
export interface OffsetPaging {
  /**
   * Pages addressed by position (e.g. SCIM startIndex/count, or offset/limit).
   */
  type: 'offset';
  /**
   * Query parameter of the position, e.g. "startIndex" or "offset".
   */
  offsetParam: string;
  /**
   * Query parameter of the page size, e.g. "count" or "limit".
   */
  limitParam: string;
  /**
   * Position of the first object: 1 for SCIM, 0 (default) for most APIs.
   */
  firstOffset?: number;
  /**
   * Page size (a number or a template).
   */
  pageSize?: number | Template;
  totalPath?: JsonLocation;
  /**
   * Stop after this many objects.
   */
  maxObjects?: number;
}
export interface CursorPaging {
  /**
   * The response carries an opaque token that the next request sends back.
   */
  type: 'cursor';
  cursorPath: JsonLocation;
  /**
   * Query parameter that carries the token.
   */
  cursorParam: string;
  /**
   * Query parameter for the page size.
   */
  pageSizeParam?: string;
  /**
   * Page size (a number or a template).
   */
  pageSize?: number | Template;
  /**
   * Stop after this many objects.
   */
  maxObjects?: number;
}
export interface NoPaging {
  /**
   * One response holds every object.
   */
  type: 'none';
  /**
   * Stop after this many objects.
   */
  maxObjects?: number;
}
export interface JsonBatch {
  /**
   * OData JSON batch: POST {"requests":[{id,method,url,headers,body,dependsOn}]} answered by {"responses":[{id,status,headers,body}]} in any order.
   */
  protocol: 'odataJsonBatch';
  relURI: Template;
  /**
   * Requests per batch at most (the target's limit, often 20).
   */
  maxRequests: number;
  /**
   * Send fewer than this many writes directly instead of as a batch. Default 2.
   */
  minRequests?: number;
}
export interface NoBatch {
  /**
   * Never batch.
   */
  protocol: 'none';
}
/**
 * How the connector filter language (eq, ne, startsWith, contains, and, or, not) becomes the target's filter syntax. Each entry is a template; a missing entry means the target cannot express it (a clear error). Variables: attribute (target name), value (the literal), left/right (translated operands of and/or), operand (of not), config.*.
 */
export interface FilterTranslation {
  eq?: Template;
  ne?: Template;
  startsWith?: Template;
  contains?: Template;
  and?: Template;
  or?: Template;
  not?: Template;
}
/**
 * Eventual consistency: a step that addresses an object created moments ago may get UnknownUid while the target replicates; retry such steps with backoff for a while.
 */
export interface ConsistencyRetry {
  /**
   * How long to keep retrying UnknownUid after a create. Default 30000; 0 disables.
   */
  maxElapsedMs?: number;
  /**
   * First delay. Default 200.
   */
  baseDelayMs?: number;
}
export interface ObjectClass {
  /**
   * What this class is.
   */
  description?: string;
  /**
   * ICF object class alias, e.g. __ACCOUNT__, __GROUP__; usable wherever a class name is expected.
   */
  icfName?: string;
  /**
   * Target attribute path holding the immutable id (OIM uidAttributes; ICF __UID__), e.g. "id".
   */
  uidAttribute: string;
  /**
   * Target attribute path holding the unique name (OIM nameAttributes; ICF __NAME__), e.g. "userPrincipalName".
   */
  nameAttribute: string;
  /**
   * Target attribute path holding enabled/disabled (OIM statusAttribute; ICF __ENABLE__), e.g. "accountEnabled".
   */
  statusAttribute?: string;
  /**
   * Target values of the status attribute when it is not a boolean, e.g. {"enabled": "ACTIVE", "disabled": "SUSPENDED"}. Default true/false.
   */
  statusValues?: {
    /**
     * Value meaning enabled.
     */
    enabled: string | number | boolean;
    /**
     * Value meaning disabled.
     */
    disabled: string | number | boolean;
  };
  /**
   * Target attribute path that takes the password (OIM passwordAttribute; ICF __PASSWORD__), e.g. "passwordProfile.password". Never read back.
   */
  passwordAttribute?: string;
  /**
   * True when the class can only be read (no create/update/delete).
   */
  readOnly?: boolean;
  /**
   * Attributes by connector name. The name is also the target path (dots for nesting) unless targetPath says otherwise.
   */
  attributes: {
    [k: string]: Attribute | undefined;
  };
  operations: Operations;
  /**
   * Attributes that need their own requests (memberships, manager, licenses): OIM special attributes.
   */
  specialAttributes?: {
    [k: string]: SpecialAttribute | undefined;
  };
  filter?: FilterTranslation;
}
export interface Attribute {
  type: AttributeType;
  /**
   * What the attribute holds.
   */
  description?: string;
  /**
   * Where the attribute sits in the target's JSON when it differs from the attribute name: dotted ("name.givenName") or, for keys that contain dots (such as a URN), a list of keys (["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "department"]).
   */
  targetPath?: string | [string, ...string[]];
  /**
   * An array of values. Default false.
   */
  multiValued?: boolean;
  /**
   * Must be given on create. Default false.
   */
  required?: boolean;
  /**
   * May be sent on create. Default true.
   */
  creatable?: boolean;
  /**
   * May be changed by update. Default true.
   */
  updatable?: boolean;
  /**
   * Is returned by reads. Default true.
   */
  readable?: boolean;
  /**
   * Is returned without being asked for (and is part of the default `select`). Default true.
   */
  returnedByDefault?: boolean;
  /**
   * Allowed values.
   *
   * @minItems 1
   */
  enum?: [unknown, ...unknown[]];
  /**
   * A lookup (in `lookups`) whose values this attribute takes; inputs are checked against it before any write.
   */
  lookup?: string;
  /**
   * Value used on create when none is given: a JSON value, or a template (variables: name, attrs.*, config.*), e.g. "{{localPart name}}".
   */
  defaultOnCreate?: string | number | boolean | unknown[] | {};
  /**
   * How the target names this attribute in filters and in update paths (the `attribute` variable of filter templates and `changes[].path`), e.g. "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department". Default: the target path joined with dots.
   */
  targetName?: string;
}
/**
 * The HTTP operations of the class (OIM relURIs + opTypes, grouped per operation). enable/disable/setPassword default to update with the status/password attribute.
 */
export interface Operations {
  create?: CreateOperation;
  update?: Operation;
  delete?: Operation;
  get?: Operation;
  search?: Operation;
  delta?: DeltaOperation;
  enable?: Operation;
  disable?: Operation;
  setPassword?: Operation;
  restore?: Operation;
}
/**
 * The fields an HTTP operation may have (relURI not yet required).
 */
export interface HttpRequestFields {
  /**
   * What this operation does, for readers of the definition.
   */
  description?: string;
  opType?: HttpMethod;
  relURI?: Template;
  query?: TemplateMap;
  headers?: TemplateMap;
  customPayload?: PayloadTemplate;
  /**
   * HTTP statuses that mean success. Default: any 2xx.
   *
   * @minItems 1
   */
  expectedStatus?: [number, ...number[]];
  jsonResourcesTag?: JsonLocation;
  paging?: Paging;
  /**
   * What a 404 means: "error" (UnknownUid, the default) or "empty" (nothing there, e.g. a user without a manager).
   */
  notFound?: 'error' | 'empty';
  /**
   * May this request travel inside connection.batch when the engine groups writes? Default true for writes when a batch protocol is configured.
   */
  batchable?: boolean;
  /**
   * Error kinds that mean the goal of this step already holds (e.g. AlreadyExists when adding a member that is already one); they count as success. Defaults: AlreadyExists for add, UnknownUid for remove and clear.
   */
  alreadyDone?: ErrorKind[];
}
/**
 * Query parameters, name to template. Values are encoded as query values; a parameter that renders empty is omitted.
 */
/**
 * Extra request headers for this operation (added to connection.headers).
 */
/**
 * An attribute written and read through its own requests (OIM special attribute), e.g. group membership, manager, licenses.
 */
export interface SpecialAttribute {
  /**
   * What the attribute holds.
   */
  description?: string;
  /**
   * A set of values (default true); false for a single reference such as a manager.
   */
  multiValued?: boolean;
  /**
   * Class whose uids the values are (e.g. "group").
   */
  objectClass?: string;
  /**
   * Lookup whose values this attribute takes; inputs may be given as code, decode or id and are resolved before any write.
   */
  lookup?: string;
  /**
   * For complex values (objects), the property that identifies a value (e.g. "skuId"). Plain string inputs become {<valueKey>: input}.
   */
  valueKey?: string;
  /**
   * Defaults for the properties of complex values, e.g. {"disabledPlans": []}.
   */
  valueDefaults?: {
    [k: string]: unknown | undefined;
  };
  read?: SpecialRead;
  add?: SpecialWrite;
  remove?: SpecialWrite;
  set?: Operation;
  clear?: Operation;
  resolveOnUnknown?: ValueResolver;
}
/**
 * When adding a value fails with UnknownUid, the value may be another kind of id that must be turned into the target's (e.g. a role template id that must be activated first). `find` looks for it; if nothing is found, `create` makes it. The add is then retried with the id found or created.
 */
export interface ValueResolver {
  find: Operation;
  create?: Operation;
  pick: JsonLocation;
}
/**
 * How the connector filter language (eq, ne, startsWith, contains, and, or, not) becomes the target's filter syntax. Each entry is a template; a missing entry means the target cannot express it (a clear error). Variables: attribute (target name), value (the literal), left/right (translated operands of and/or), operand (of not), config.*.
 */
export interface Lookup {
  /**
   * What the lookup lists.
   */
  description?: string;
  /**
   * Sync from this class's search operation (e.g. "group").
   */
  objectClass?: string;
  operation?: Operation;
  code?: Template;
  decode?: Template;
  id?: Template;
  /**
   * Static entries.
   */
  values?: {
    /**
     * Code key.
     */
    code: string;
    /**
     * Decode.
     */
    decode: string;
  }[];
}
export interface ClassMappings {
  provisioning?: AttributeMap;
  reconciliation?: AttributeMap;
  trusted?: AttributeMap;
  /**
   * Identity fields with fixed values in trusted reconciliation (OIM TrustedDefaults), e.g. {"Employee Type": "Full-Time"}.
   */
  trustedDefaults?: {
    [k: string]: string | number | boolean | undefined;
  };
}
/**
 * Identity field -> connector attribute, used when provisioning (OIM ProvAttrMap).
 */
export interface AttributeMap {
  [k: string]: string | FieldMapping | undefined;
}
export interface FieldMapping {
  /**
   * Connector attribute.
   */
  attribute: string;
  /**
   * Transforms applied in order, in the direction of the map.
   */
  transform?: Transform[];
  /**
   * Lookup the values go through (codes <-> target ids).
   */
  lookup?: string;
  /**
   * Value used when the source has none.
   */
  default?: string | number | boolean;
}
/**
 * Reconciliation field <- connector attribute, used in target reconciliation (OIM ReconAttrMap).
 */
/**
 * Identity field <- connector attribute, used in trusted reconciliation (OIM ReconAttrMap.Trusted).
 */
export interface ClassReconciliation {
  target?: ModeRules;
  trusted?: ModeRules;
  incremental?: Incremental;
  /**
   * How deletions are found: from the delta's removed marker, by comparing a full run with the known links (snapshot), or not at all. Default: delta for the delta strategy, snapshot otherwise.
   */
  deletedObjects?: 'delta' | 'snapshot' | 'none';
  /**
   * Event reported for a deleted object in trusted mode. Default delete.
   */
  deleteAction?: 'delete' | 'disable';
}
/**
 * Target resource (account management) mode.
 */
export interface ModeRules {
  /**
   * Tried in order; the first rule that finds at least one identity decides (OIM: (A) OR (B)).
   *
   * @minItems 1
   */
  matchRules: [MatchRule, ...MatchRule[]];
  actions?: Actions;
  /**
   * Identity field that receives the mapped status (trusted mode), e.g. "Status".
   */
  statusField?: string;
}
export interface MatchRule {
  /**
   * The rule in words, e.g. User Login Equals User Principal Name.
   */
  description?: string;
  /**
   * Field of the identity store, e.g. "User Login".
   */
  identityField: string;
  /**
   * Field of the mapped account (from the reconciliation or trusted map), e.g. "User Principal Name".
   */
  accountField: string;
  /**
   * Compare case-insensitively. Default true.
   */
  ignoreCase?: boolean;
}
/**
 * What to do by number of matches (OIM action rules).
 */
export interface Actions {
  /**
   * No identity matched: create one (trusted) or report an unmatched account (target). Default by mode.
   */
  noMatch?: 'create' | 'report';
  /**
   * Exactly one: link (and update linked data). Default link.
   */
  oneMatch?: 'link' | 'update';
  /**
   * Several: report a conflict and change nothing.
   */
  manyMatches?: 'conflict';
}
/**
 * Trusted source (identity) mode.
 */
export interface DeltaIncremental {
  /**
   * Follow the class's delta operation; the link is stored after a completed round.
   */
  strategy: 'delta';
}
export interface TimestampIncremental {
  /**
   * Remember the largest modification timestamp seen and ask only for newer objects.
   */
  strategy: 'timestamp';
  /**
   * Attribute holding the modification time (any format that sorts or parses: ISO-8601, epoch seconds or millis - OIM's Any Incremental Recon Attribute Type = True).
   */
  attribute: string;
  filter?: Template;
  query?: TemplateMap;
  deleted?: Operation;
}
/**
 * Or extra query parameters for changes after the watermark, e.g. {"updatedAfter": "{{watermark}}"}.
 */