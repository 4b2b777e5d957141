// What an MSAL failure means for the connector. The Microsoft identity platform puts an
// AADSTS code and a long text (trace and correlation ids) in its errors; the message keeps
// the code and the first sentence, redacted.
import { connectorError, isConnectorError, type ConnectorError, type ErrorKind } from '../errors.js';
import { isTlsTrustCode, tlsTrustHint } from '../http/transport-error.js';
import type { Redactor } from '../redaction.js';
import type { MsalNetworkError } from './msal-network-client.js';

interface MsalErrorFields {
  readonly name: string;
  readonly errorCode: string | undefined;
  readonly errorMessage: string;
}

const unreachableCodes: ReadonlySet<string> = new Set(['network_error', 'endpoints_resolution_error', 'openid_config_error', 'no_network_connectivity']);
const busyCodes: ReadonlySet<string> = new Set(['temporarily_unavailable', 'server_error', 'server_unavailable']);

export function msalErrorKind(fields: MsalErrorFields): ErrorKind {
  if (fields.name === 'MsalNetworkError' || (fields.errorCode !== undefined && unreachableCodes.has(fields.errorCode))) return 'ConnectionFailed';
  if (fields.errorCode !== undefined && busyCodes.has(fields.errorCode)) return 'ServiceUnavailable';
  if (fields.name === 'ClientConfigurationError') return 'ConfigurationError';
  return 'InvalidCredentials';
}

/** "AADSTS7000215: Invalid client secret provided. Ensure ...\r\nTrace ID: ..." -> code and first sentence. */
export function summarizeMsalMessage(message: string): { code?: string; summary: string } {
  const code = /\bAADSTS\d+\b/.exec(message)?.[0];
  const firstLine = message.split(/\r?\n|Trace ID:/)[0] ?? '';
  const withoutCode = firstLine.replace(/^.*?\bAADSTS\d+:\s*/, '').trim();
  const sentence = /^(.*?[.!?])(\s|$)/.exec(withoutCode)?.[1] ?? withoutCode;
  const summary = sentence.length > 200 ? `${sentence.slice(0, 199)}…` : sentence;
  return { ...(code !== undefined && { code }), summary };
}

const hints: Partial<Record<ErrorKind, string>> = {
  InvalidCredentials: 'check the tenant, client id and client secret settings (use the secret value, not its id)',
  ConnectionFailed: "check the authority host and tenant id; the authority's OpenID configuration and token endpoint must be reachable",
  ConfigurationError: 'check the authority host, tenant id and scopes settings',
};

/** `networkFailure`: what the network client saw last, when MSAL hides it behind its own code. */
export function msalError(error: unknown, authority: string, redactor: Redactor, networkFailure?: MsalNetworkError): ConnectorError {
  if (isConnectorError(error)) return error;
  const fields = msalFields(error);
  const kind = msalErrorKind(fields);
  const hidden = kind === 'ConnectionFailed' && networkFailure !== undefined;
  // MSAL's own text for its codes is a link ("See https://aka.ms/... for details"), not a reason.
  const message = hidden ? networkFailure.message : /^See https?:\/\//.test(fields.errorMessage) ? '' : fields.errorMessage;
  const { code, summary } = summarizeMsalMessage(redactor.redactText(message));
  const targetCode = code ?? fields.errorCode;
  const hint = hidden && isTlsTrustCode(networkFailure.code) ? tlsTrustHint : hints[kind];
  // The code is in the context (describe() prints it); a trailing full stop would double before ". Hint".
  const detail = `token request to ${redactor.redactText(authority)}: ${(summary || fields.errorCode || 'failed').replace(/\.+$/, '')}`;
  return connectorError(kind, detail, {
    operation: 'authenticate',
    ...(targetCode !== undefined && { targetCode }),
    ...(summary !== '' && { targetMessage: summary }),
    ...(hint !== undefined && { hint }),
  });
}

function msalFields(error: unknown): MsalErrorFields {
  if (!(error instanceof Error)) return { name: 'Error', errorCode: undefined, errorMessage: String(error) };
  const record = error as Error & { errorCode?: unknown; errorMessage?: unknown };
  const errorMessage = typeof record.errorMessage === 'string' && record.errorMessage !== '' ? record.errorMessage : error.message;
  return { name: error.name, errorCode: typeof record.errorCode === 'string' ? record.errorCode : undefined, errorMessage };
}
