// The connection part of the definition model: auth, retries, limits, error rules, paging,
// batching and filter translation, with templates compiled and defaults applied.
import type { ErrorKind } from '../generated/definition.js';
import type { CompiledTemplate } from '../template/compile-template.js';
import type { JsonLocator } from './json-location.js';

export type NamedTemplates = ReadonlyArray<readonly [string, CompiledTemplate]>;

export type AuthModel = SingleAuthModel | { readonly type: 'firstConfigured'; readonly options: readonly SingleAuthModel[] };

export type SingleAuthModel =
  | { readonly type: 'none' }
  | { readonly type: 'basic'; readonly username: CompiledTemplate; readonly password: CompiledTemplate }
  | { readonly type: 'bearer'; readonly token: CompiledTemplate }
  | {
      readonly type: 'oauth2ClientCredentials';
      readonly tokenURL: CompiledTemplate;
      readonly clientId: CompiledTemplate;
      readonly clientSecret: CompiledTemplate;
      readonly scope?: CompiledTemplate;
      readonly clientAuthentication: 'body' | 'basic';
    }
  | {
      readonly type: 'msalClientCredentials';
      readonly authorityHost: CompiledTemplate;
      readonly tenantId: CompiledTemplate;
      readonly clientId: CompiledTemplate;
      readonly clientSecret: CompiledTemplate;
      readonly scopes: readonly CompiledTemplate[];
    };

export interface RetryModel {
  readonly maxAttempts: number;
  readonly maxElapsedMs: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly statuses: ReadonlySet<number>;
}

export interface RateLimitModel {
  readonly requestsPerSecond?: number;
  readonly burst?: number;
  readonly writesPerSecond?: number;
  readonly writeBurst?: number;
  readonly concurrency: number;
}

export interface ErrorRuleModel {
  readonly statuses?: ReadonlySet<number>;
  readonly code?: string;
  readonly detailCode?: string;
  readonly messageContains?: string;
  readonly kind: ErrorKind;
  readonly field?: string;
  readonly hint?: string;
}

export interface ErrorClassificationModel {
  readonly code?: JsonLocator;
  readonly message?: JsonLocator;
  readonly detailCodes?: JsonLocator;
  readonly rules: readonly ErrorRuleModel[];
}

export type PageSize = number | CompiledTemplate;

export type PagingModel =
  | { readonly type: 'nextLink'; readonly nextLink: JsonLocator; readonly pageSizeParam?: string; readonly pageSize?: PageSize; readonly maxObjects?: number }
  | {
      readonly type: 'offset';
      readonly offsetParam: string;
      readonly limitParam: string;
      readonly firstOffset: number;
      readonly pageSize?: PageSize;
      readonly total?: JsonLocator;
      readonly maxObjects?: number;
    }
  | { readonly type: 'cursor'; readonly cursor: JsonLocator; readonly cursorParam: string; readonly pageSizeParam?: string; readonly pageSize?: PageSize; readonly maxObjects?: number }
  | { readonly type: 'none'; readonly maxObjects?: number };

export interface BatchModel {
  readonly protocol: 'odataJsonBatch';
  readonly relURI: CompiledTemplate;
  readonly maxRequests: number;
  readonly minRequests: number;
}

export type FilterOperator = 'eq' | 'ne' | 'startsWith' | 'contains' | 'and' | 'or' | 'not';
export type FilterTranslationModel = Readonly<Partial<Record<FilterOperator, CompiledTemplate>>>;

export interface ConnectionModel {
  readonly baseURL: CompiledTemplate;
  readonly auth: AuthModel;
  readonly headers: NamedTemplates;
  readonly requestIdHeader?: string;
  readonly timeoutMs: number;
  readonly retry: RetryModel;
  readonly rateLimit: RateLimitModel;
  readonly errors: ErrorClassificationModel;
  readonly paging: PagingModel;
  readonly batch?: BatchModel;
  readonly filter: FilterTranslationModel;
  readonly consistencyRetry: { readonly maxElapsedMs: number; readonly baseDelayMs: number };
}
