// What an OAuth 2.0 token endpoint's refusal means (RFC 6749 5.2): a bad client is
// InvalidCredentials, a bad request or scope a ConfigurationError, a busy server
// ServiceUnavailable. The message carries the endpoint's error code and description, redacted.
import { connectorError, type ConnectorError, type ErrorKind } from '../errors.js';
import type { Redactor } from '../redaction.js';

const credentialErrors: ReadonlySet<string> = new Set(['invalid_client', 'unauthorized_client', 'invalid_grant', 'access_denied']);
const configurationErrors: ReadonlySet<string> = new Set(['invalid_scope', 'invalid_request', 'unsupported_grant_type']);

export function tokenErrorKind(status: number, code: string | undefined): ErrorKind {
  if (code !== undefined && credentialErrors.has(code)) return 'InvalidCredentials';
  if (code !== undefined && configurationErrors.has(code)) return 'ConfigurationError';
  if (code === 'temporarily_unavailable' || code === 'server_error' || status >= 500) return 'ServiceUnavailable';
  if (status === 429) return 'Throttled';
  if (status === 404 || status === 405) return 'ConfigurationError';
  return 'InvalidCredentials';
}

const hints: Partial<Record<ErrorKind, string>> = {
  InvalidCredentials: 'check the client id and client secret settings',
  ConfigurationError: 'check the token URL and scope settings',
};

/** The error for a token endpoint answer that is not a token; `request` is the described request. */
export function tokenEndpointError(status: number, body: unknown, request: string, redactor: Redactor): ConnectorError {
  const fields = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const code = typeof fields['error'] === 'string' ? fields['error'] : undefined;
  const rawDescription = typeof fields['error_description'] === 'string' ? fields['error_description'] : typeof body === 'string' ? body : undefined;
  const description = rawDescription === undefined ? undefined : shorten(redactor.redactText(rawDescription));
  const kind = tokenErrorKind(status, code);
  const hint = hints[kind];
  return connectorError(kind, `token request ${request}${description ? `: ${description.replace(/\.+$/, '')}` : ''}`, {
    operation: 'authenticate',
    request,
    status,
    ...(code !== undefined && { targetCode: redactor.redactText(code) }),
    ...(description !== undefined && { targetMessage: description }),
    ...(hint !== undefined && { hint }),
  });
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 300 ? `${oneLine.slice(0, 299)}…` : oneLine;
}
