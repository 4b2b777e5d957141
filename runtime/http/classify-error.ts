// Turns a target's error response into one of the runtime's stable error kinds, following
// the definition's rules (first match wins) and falling back on the HTTP status. The message
// names what failed and carries the target's own code and words, redacted.
import type { ErrorClassificationModel, ErrorRuleModel } from '../definition/model.js';
import { connectorError, type ConnectorError, type ErrorContext, type ErrorKind } from '../errors.js';
import type { Redactor } from '../redaction.js';
import type { HttpResponse } from './types.js';

/** What the target said, read through the definition's locators. */
export interface TargetError {
  readonly code?: string;
  readonly message?: string;
  readonly detailCodes: readonly string[];
}

const maxMessageLength = 500;

export function readTargetError(body: unknown, errors: ErrorClassificationModel): TargetError {
  const code = text(errors.code?.first(body));
  const message = text(errors.message?.first(body)) ?? fallbackMessage(body);
  const detailCodes = (errors.detailCodes?.all(body) ?? []).map(text).filter((c): c is string => c !== undefined);
  return { ...(code !== undefined && { code }), ...(message !== undefined && { message }), detailCodes };
}

export function matchRule(rules: readonly ErrorRuleModel[], status: number, target: TargetError): ErrorRuleModel | undefined {
  const message = target.message?.toLowerCase() ?? '';
  return rules.find(
    (rule) =>
      (rule.statuses === undefined || rule.statuses.has(status)) &&
      (rule.code === undefined || rule.code === target.code) &&
      (rule.detailCode === undefined || target.detailCodes.includes(rule.detailCode)) &&
      (rule.messageContains === undefined || message.includes(rule.messageContains)),
  );
}

export function defaultKind(status: number): ErrorKind {
  switch (status) {
    case 400: return 'InvalidAttributeValue';
    case 401: return 'InvalidCredentials';
    case 403: return 'PermissionDenied';
    case 404: return 'UnknownUid';
    case 409: return 'AlreadyExists';
    case 422: return 'InvalidAttributeValue';
    case 412: return 'OperationFailed';
    case 429: return 'Throttled';
    default: return status >= 500 && status <= 599 ? 'ServiceUnavailable' : 'OperationFailed';
  }
}

const defaultHints: Partial<Record<ErrorKind, string>> = {
  InvalidCredentials: "check the connection's credentials settings",
  PermissionDenied: 'grant the account or application the permission this operation needs',
  Throttled: 'the target is throttling requests; retry later or lower connection.rateLimit',
};

export function classifyResponse(
  response: Pick<HttpResponse, 'status' | 'body'>,
  errors: ErrorClassificationModel,
  context: ErrorContext,
  redactor: Redactor,
): ConnectorError {
  const target = readTargetError(response.body, errors);
  const rule = matchRule(errors.rules, response.status, target);
  const kind = rule?.kind ?? defaultKind(response.status);
  const targetMessage = target.message === undefined ? undefined : tidy(redactor.redactText(target.message));
  const field = rule?.field ?? context.field;
  const hint = rule?.hint ?? context.hint ?? defaultHints[kind];
  const full: ErrorContext = {
    ...context,
    status: response.status,
    ...(target.code !== undefined && { targetCode: redactor.redactText(target.code) }),
    ...(targetMessage !== undefined && { targetMessage }),
    ...(field !== undefined && { field }),
    ...(hint !== undefined && { hint }),
  };
  // describe() adds ". Hint: ..." after the detail; a trailing full stop would double it.
  return connectorError(kind, targetMessage?.replace(/\.+$/, '') ?? `the target answered HTTP ${response.status}`, full);
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

// Without a messagePath: the text of a non-JSON body, or the usual top-level message fields.
function fallbackMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return text(body.trim());
  if (body === null || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  const nested = record['error'] !== null && typeof record['error'] === 'object' ? (record['error'] as Record<string, unknown>)['message'] : undefined;
  return text(record['message']) ?? text(record['detail']) ?? text(record['error_description']) ?? text(nested);
}

function tidy(message: string): string {
  const oneLine = message.replace(/\s+/g, ' ').trim();
  return oneLine.length > maxMessageLength ? `${oneLine.slice(0, maxMessageLength - 1)}…` : oneLine;
}
