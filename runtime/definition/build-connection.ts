// connection -> ConnectionModel: auth, headers, retry, limits, error rules, paging, batch.
import type { Auth, Connection, SingleAuth, ErrorClassification, FilterTranslation, Paging } from '../generated/definition.js';
import type { BuildContext } from './build-context.js';
import { childPointer } from './json-pointer.js';
import type { AuthModel, SingleAuthModel, ConnectionModel, ErrorClassificationModel, FilterOperator, FilterTranslationModel, PageSize, PagingModel } from './model.js';

const defaultRetryStatuses = [429, 502, 503, 504];

export function buildConnection(context: BuildContext, connection: Connection): ConnectionModel {
  const at = '/connection';
  const { config, connection: connectionScope } = context.scopes;
  const retry = connection.retry ?? {};
  const limits = connection.rateLimit ?? {};
  const none = { type: 'none' } as const;
  return {
    baseURL: context.template(`${at}/baseURL`, connection.baseURL ?? '', config),
    auth: context.guard(`${at}/auth`, () => buildAuth(context, `${at}/auth`, connection.auth), none),
    headers: context.templates(`${at}/headers`, connection.headers, config),
    ...(connection.requestIdHeader !== undefined && { requestIdHeader: connection.requestIdHeader }),
    timeoutMs: connection.timeoutMs ?? 30_000,
    retry: {
      maxAttempts: retry.maxAttempts ?? 6,
      maxElapsedMs: retry.maxElapsedMs ?? 120_000,
      baseDelayMs: retry.baseDelayMs ?? 250,
      maxDelayMs: retry.maxDelayMs ?? 30_000,
      statuses: new Set(retry.statuses ?? defaultRetryStatuses),
    },
    rateLimit: {
      ...(limits.requestsPerSecond !== undefined && { requestsPerSecond: limits.requestsPerSecond }),
      ...(limits.burst !== undefined && { burst: limits.burst }),
      ...(limits.writesPerSecond !== undefined && { writesPerSecond: limits.writesPerSecond }),
      ...(limits.writeBurst !== undefined && { writeBurst: limits.writeBurst }),
      concurrency: limits.concurrency ?? 8,
    },
    errors: context.guard(`${at}/errors`, () => buildErrors(context, `${at}/errors`, connection.errors), { rules: [] }),
    paging: connection.paging ? context.guard(`${at}/paging`, () => buildPaging(context, `${at}/paging`, connection.paging!), none) : none,
    ...(connection.batch?.protocol === 'odataJsonBatch' && {
      batch: {
        protocol: 'odataJsonBatch',
        relURI: context.template(`${at}/batch/relURI`, connection.batch.relURI, connectionScope),
        maxRequests: connection.batch.maxRequests,
        minRequests: connection.batch.minRequests ?? 2,
      },
    }),
    filter: context.guard(`${at}/filter`, () => buildFilterTranslation(context, `${at}/filter`, connection.filter), {}),
    consistencyRetry: {
      maxElapsedMs: connection.consistencyRetry?.maxElapsedMs ?? 30_000,
      baseDelayMs: connection.consistencyRetry?.baseDelayMs ?? 200,
    },
  };
}

function buildAuth(context: BuildContext, at: string, auth: Auth): AuthModel {
  if (auth.type === 'firstConfigured') return { type: 'firstConfigured', options: auth.options.map((option, i) => buildSingleAuth(context, `${at}/options/${i}`, option)) };
  return buildSingleAuth(context, at, auth);
}

function buildSingleAuth(context: BuildContext, at: string, auth: SingleAuth): SingleAuthModel {
  const scope = context.scopes.config;
  const t = (key: string, source: string) => context.template(childPointer(at, key), source, scope);
  switch (auth.type) {
    case 'none':
      return { type: 'none' };
    case 'basic':
      return { type: 'basic', username: t('username', auth.username), password: t('password', auth.password) };
    case 'bearer':
      return { type: 'bearer', token: t('token', auth.token) };
    case 'oauth2ClientCredentials':
      return {
        type: 'oauth2ClientCredentials',
        tokenURL: t('tokenURL', auth.tokenURL),
        clientId: t('clientId', auth.clientId),
        clientSecret: t('clientSecret', auth.clientSecret),
        ...(auth.scope !== undefined && { scope: t('scope', auth.scope) }),
        clientAuthentication: auth.clientAuthentication ?? 'body',
      };
    case 'msalClientCredentials':
      return {
        type: 'msalClientCredentials',
        authorityHost: t('authorityHost', auth.authorityHost),
        tenantId: t('tenantId', auth.tenantId),
        clientId: t('clientId', auth.clientId),
        clientSecret: t('clientSecret', auth.clientSecret),
        scopes: auth.scopes.map((s, i) => context.template(`${at}/scopes/${i}`, s, context.scopes.connection)),
      };
  }
}

function buildErrors(context: BuildContext, at: string, errors: ErrorClassification | undefined): ErrorClassificationModel {
  return {
    ...(errors?.codePath !== undefined && { code: context.location(`${at}/codePath`, errors.codePath) }),
    ...(errors?.messagePath !== undefined && { message: context.location(`${at}/messagePath`, errors.messagePath) }),
    ...(errors?.detailCodePath !== undefined && { detailCodes: context.location(`${at}/detailCodePath`, errors.detailCodePath) }),
    rules: (errors?.rules ?? []).map((rule) => ({
      ...(rule.status !== undefined && { statuses: new Set(Array.isArray(rule.status) ? rule.status : [rule.status]) }),
      ...(rule.code !== undefined && { code: rule.code }),
      ...(rule.detailCode !== undefined && { detailCode: rule.detailCode }),
      ...(rule.messageContains !== undefined && { messageContains: rule.messageContains.toLowerCase() }),
      kind: rule.kind,
      ...(rule.field !== undefined && { field: rule.field }),
      ...(rule.hint !== undefined && { hint: rule.hint }),
    })),
  };
}

function pageSize(context: BuildContext, at: string, value: number | string | undefined): { pageSize?: PageSize } {
  if (value === undefined) return {};
  return { pageSize: typeof value === 'number' ? value : context.template(at, value, context.scopes.config) };
}

export function buildPaging(context: BuildContext, at: string, paging: Paging): PagingModel {
  const max = paging.maxObjects !== undefined ? { maxObjects: paging.maxObjects } : {};
  switch (paging.type) {
    case 'nextLink':
      return {
        type: 'nextLink',
        nextLink: context.location(`${at}/nextLinkPath`, paging.nextLinkPath),
        ...(paging.pageSizeParam !== undefined && { pageSizeParam: paging.pageSizeParam }),
        ...pageSize(context, `${at}/pageSize`, paging.pageSize),
        ...max,
      };
    case 'offset':
      return {
        type: 'offset',
        offsetParam: paging.offsetParam,
        limitParam: paging.limitParam,
        firstOffset: paging.firstOffset ?? 0,
        ...pageSize(context, `${at}/pageSize`, paging.pageSize),
        ...(paging.totalPath !== undefined && { total: context.location(`${at}/totalPath`, paging.totalPath) }),
        ...max,
      };
    case 'cursor':
      return {
        type: 'cursor',
        cursor: context.location(`${at}/cursorPath`, paging.cursorPath),
        cursorParam: paging.cursorParam,
        ...(paging.pageSizeParam !== undefined && { pageSizeParam: paging.pageSizeParam }),
        ...pageSize(context, `${at}/pageSize`, paging.pageSize),
        ...max,
      };
    case 'none':
      return { type: 'none', ...max };
  }
}

export function buildFilterTranslation(context: BuildContext, at: string, filter: FilterTranslation | undefined): FilterTranslationModel {
  const out: Partial<Record<FilterOperator, ReturnType<BuildContext['template']>>> = {};
  for (const [operator, source] of Object.entries(filter ?? {}) as Array<[FilterOperator, string | undefined]>) {
    if (source !== undefined) out[operator] = context.template(childPointer(at, operator), source, context.scopes.filterTranslation);
  }
  return out;
}
